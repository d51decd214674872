import { isFailedOverCommitPending } from "./replication";

/** Pure DR rules: checked before any Azure call, so bad input costs nothing and explains itself. */
export const COPY_FREQUENCIES = [30, 300, 900] as const;
export type CopyFrequency = (typeof COPY_FREQUENCIES)[number];

export type Cidr = { base: number; prefix: number; text: string };

/** "10.20.0.0/16" → numbers; null when malformed or when the address has host bits set. */
export function parseCidr(text: string): Cidr | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return null;
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return null;
  return { base, prefix, text: text.trim() };
}

const end = (c: Cidr) => c.base + 2 ** (32 - c.prefix) - 1;
export const cidrsOverlap = (a: Cidr, b: Cidr) => a.base <= end(b) && b.base <= end(a);
export const cidrContains = (outer: Cidr, inner: Cidr) => inner.base >= outer.base && end(inner) <= end(outer);

/** Address space problems for a new DR network, against the tenant's other networks (name → CIDR). */
export function addressSpaceProblem(space: string, others: { name: string; addressSpace: string }[]): string | null {
  const c = parseCidr(space);
  if (!c) return "Enter an address space like 10.20.0.0/16 (no host bits set).";
  if (c.prefix < 8 || c.prefix > 29) return "Use a prefix between /8 and /29.";
  const clash = others.find((o) => {
    const p = parseCidr(o.addressSpace);
    return p && cidrsOverlap(c, p);
  });
  return clash
    ? `${space} overlaps ${clash.name} (${clash.addressSpace}); choose a range the tenant does not use.`
    : null;
}

export function subnetProblem(space: string, subnet: string): string | null {
  const outer = parseCidr(space);
  const inner = parseCidr(subnet);
  if (!inner) return "Enter a subnet like 10.20.1.0/24 (no host bits set).";
  if (inner.prefix > 29) return "Azure subnets are /29 or larger.";
  if (outer && !cidrContains(outer, inner)) return `The subnet must lie inside ${space}.`;
  return null;
}

/** Azure's own rule; whether the name is free anywhere in Azure is checked by the job. */
export function storageNameProblem(name: string): string | null {
  if (!/^[a-z0-9]{3,24}$/.test(name))
    return "Storage account names are 3–24 characters: lowercase letters and digits only.";
  return null;
}

export function resourceGroupProblem(name: string): string | null {
  if (!/^[-\w._()]{1,90}$/.test(name) || name.endsWith("."))
    return "Resource group names are 1–90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'.";
  return null;
}

export function policyProblem(p: {
  copyFrequencySeconds: number;
  recoveryPointHours: number;
  appConsistentHours: number;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(COPY_FREQUENCIES as readonly number[]).includes(p.copyFrequencySeconds))
    errors.copyFrequencySeconds = "Copy frequency is 30 seconds, 5 minutes or 15 minutes.";
  if (!Number.isInteger(p.recoveryPointHours) || p.recoveryPointHours < 1 || p.recoveryPointHours > 24)
    errors.recoveryPointHours = "Keep recovery points for 1 to 24 hours.";
  if (!Number.isInteger(p.appConsistentHours) || p.appConsistentHours < 0 || p.appConsistentHours > 12)
    errors.appConsistentHours = "App-consistent snapshots every 0 (off) to 12 hours.";
  else if (p.appConsistentHours > p.recoveryPointHours)
    errors.appConsistentHours = "App-consistent snapshots cannot be less frequent than the recovery points kept.";
  return errors;
}

/** What the portal calls a protected item's failover state, from Azure's protection state and test failover state. */
export function failoverState(i: {
  protectionState?: string | null;
  testFailoverState?: string | null;
  activeLocation?: string | null;
}): string {
  if (i.testFailoverState && i.testFailoverState !== "None")
    return i.testFailoverState === "WaitingForCompletion"
      ? "Test failover — cleanup pending"
      : "Test failover in progress";
  if (isFailedOverCommitPending(i.protectionState)) return "Failed over — commit pending";
  switch (i.protectionState) {
    case "FailoverCommitted":
      return "Running in Azure";
    case "FailedBack":
      return "Failed back — commit pending";
    case "FailbackCommitted":
      return "Back on-premises — reprotect pending";
    default:
      return i.activeLocation === "Recovery" ? "Running in Azure" : "On-premises";
  }
}

/**
 * A protected VM is busy while an action on it is queued or running, or while protection is being enabled or
 * disabled: no other action may start (a planned failover during a test failover). The worker's follow of a moving VM
 * is not an action and holds nothing back. Returns the action in the way, or the item's own transition.
 */
export function busyWith<O extends { kind: string; state: string }>(
  item: { state: string },
  operations: O[],
  followKind: string,
): O | "enabling" | "disabling" | null {
  const action = operations.find((o) => (o.state === "queued" || o.state === "running") && o.kind !== followKind);
  if (action) return action;
  return item.state === "enabling" || item.state === "disabling" ? item.state : null;
}
