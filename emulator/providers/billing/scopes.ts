import { ArmError } from "../../core/errors.js";
import type { Store } from "../../core/store.js";

/**
 * The scopes above subscriptions that Cost Management answers at (Learn, "Understand and work with scopes";
 * costmanagement.json's `scope` parameter): EA billing accounts with departments and enrollment accounts, Microsoft
 * Customer Agreement billing accounts with billing profiles, invoice sections and (partner) customers, and management
 * groups. None is an ARM resource in a resource group, so they live in the store's `billing-scopes` extension and are
 * registered through `POST /_emulator/billing/scopes`.
 *
 * - Subscriptions sit under enrollment accounts (EA), invoice sections or customers (MCA), "like how they are under EA
 *   enrollment accounts"; a department holds enrollment accounts, a billing profile invoice sections. Each subscription
 *   has one billing home and, separately, one management group (the billing and RBAC hierarchies are independent).
 * - A scope's costs are those of every subscription under it, its children included.
 * - EA scopes (departments, enrollment accounts) and Customer Agreement scopes (billing profiles, invoice sections,
 *   customers) never share a billing account.
 */
export type ScopeKind =
  | "billingAccount"
  | "department"
  | "enrollmentAccount"
  | "billingProfile"
  | "invoiceSection"
  | "customer"
  | "managementGroup";

export interface ScopeRecord {
  /** As first registered; looked up lowercased. */
  id: string;
  kind: ScopeKind;
  /** Lowercased id of the parent scope, null at the top (a billing account, a group under the tenant root). */
  parent: string | null;
  /** Lowercased ids of the subscriptions it holds itself. */
  subscriptions: string[];
  /** Billing scopes: object ids of the principals holding a billing role on it (management groups use RBAC). */
  readers: string[];
  /** Management groups: the directory the group belongs to. */
  tenantId?: string;
}

export const scopesOf = (store: Store) =>
  store.ext<{ scopes: Record<string, ScopeRecord> }>("billing-scopes", () => ({ scopes: {} }));

const ACCOUNT = String.raw`/providers/Microsoft\.Billing/billingAccounts/[^/]+`;
const SHAPES: { kind: ScopeKind; re: RegExp }[] = [
  { kind: "billingAccount", re: new RegExp(`^${ACCOUNT}$`, "i") },
  { kind: "department", re: new RegExp(`^(${ACCOUNT})/departments/[^/]+$`, "i") },
  { kind: "enrollmentAccount", re: new RegExp(`^(${ACCOUNT})/enrollmentAccounts/[^/]+$`, "i") },
  { kind: "billingProfile", re: new RegExp(`^(${ACCOUNT})/billingProfiles/[^/]+$`, "i") },
  { kind: "invoiceSection", re: new RegExp(`^(${ACCOUNT}/billingProfiles/[^/]+)/invoiceSections/[^/]+$`, "i") },
  { kind: "customer", re: new RegExp(`^(${ACCOUNT})/customers/[^/]+$`, "i") },
  { kind: "managementGroup", re: /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i },
];

/** A scope id's kind and the parent its path names (none for billing accounts and management groups). */
export function parseScope(id: string): { kind: ScopeKind; pathParent: string | null } | undefined {
  const clean = id.replace(/\/+$/, "");
  for (const { kind, re } of SHAPES) {
    const m = re.exec(clean);
    if (m) return { kind, pathParent: m[1] ? m[1] : null };
  }
  return undefined;
}

/** Kinds that hold subscriptions themselves; the first three are billing homes. */
export const HOLDERS: ScopeKind[] = ["enrollmentAccount", "invoiceSection", "customer", "managementGroup"];
const EA_KINDS: ScopeKind[] = ["department", "enrollmentAccount"];
const MCA_KINDS: ScopeKind[] = ["billingProfile", "invoiceSection", "customer"];

export const findScope = (store: Store, id: string): ScopeRecord | undefined =>
  scopesOf(store).scopes[id.replace(/\/+$/, "").toLowerCase()];

/** The scope and its ancestors, nearest first. */
export function lineage(store: Store, scope: ScopeRecord): ScopeRecord[] {
  const out: ScopeRecord[] = [];
  for (
    let s: ScopeRecord | undefined = scope;
    s && !out.includes(s);
    s = s.parent ? findScope(store, s.parent) : undefined
  )
    out.push(s);
  return out;
}

/** Every subscription under the scope, its children's included (lowercased ids). */
export function subscriptionsUnder(store: Store, scope: ScopeRecord): string[] {
  const key = scope.id.toLowerCase();
  const subs = new Set<string>();
  for (const s of Object.values(scopesOf(store).scopes))
    if (lineage(store, s).some((a) => a.id.toLowerCase() === key)) s.subscriptions.forEach((x) => subs.add(x));
  return [...subs].sort();
}

/** The billing account's EA or Customer Agreement kinds already registered under it. */
function agreementOf(store: Store, accountKey: string): "EA" | "MCA" | undefined {
  for (const s of Object.values(scopesOf(store).scopes)) {
    if (!lineage(store, s).some((a) => a.id.toLowerCase() === accountKey)) continue;
    if (EA_KINDS.includes(s.kind)) return "EA";
    if (MCA_KINDS.includes(s.kind)) return "MCA";
  }
  return undefined;
}

const bad = (message: string) => new ArmError(400, "InvalidControlRequest", message);

export interface ScopeRegistration {
  id: string;
  /** Subscriptions it holds itself (replacing those it held); moved from their previous home of the same kind. */
  subscriptions?: string[];
  /** App ids holding a billing role on it (billing scopes only; replacing those registered). */
  readers?: string[];
  /** An enrollment account's department, or a management group's parent group. */
  parent?: string;
  /** A management group's directory (default: its parent's, else its subscriptions'). */
  tenantId?: string;
}

/**
 * Registers (or updates) a scope, creating the billing scopes its path names above it as an empty shell, as a billing
 * account exists before its departments. Refuses what Azure's hierarchies cannot hold.
 */
export function registerScope(store: Store, reg: ScopeRegistration): ScopeRecord {
  const shape = parseScope(String(reg.id ?? ""));
  if (!shape)
    throw bad(
      "billing/scopes needs 'id': /providers/Microsoft.Billing/billingAccounts/{id}[/departments|enrollmentAccounts|" +
        "billingProfiles|customers/{id}][/invoiceSections/{id} under a billing profile], or " +
        "/providers/Microsoft.Management/managementGroups/{id}.",
    );
  const isList = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === "string"));
  if (!isList(reg.subscriptions) || !isList(reg.readers)) throw bad("'subscriptions' and 'readers' are lists of ids.");
  if (reg.parent !== undefined && typeof reg.parent !== "string") throw bad("'parent' is a scope id.");
  const { kind } = shape;
  const id = reg.id.replace(/\/+$/, "");
  const key = id.toLowerCase();
  const all = scopesOf(store).scopes;
  const subscriptions = (reg.subscriptions ?? []).map((s) => String(s).toLowerCase());
  if (subscriptions.length && !HOLDERS.includes(kind))
    throw bad(
      `a ${kind} holds no subscriptions itself; register them on an ${HOLDERS.slice(0, 3).join(", ")} under it.`,
    );
  for (const s of subscriptions) if (!store.getSubscription(s)) throw bad(`subscription '${s}' does not exist.`);
  if (reg.readers && kind === "managementGroup")
    throw bad("management groups are read through RBAC: POST role-assignments at the group's id.");
  const readers = reg.readers?.map((appId) => {
    const p = store.findPrincipalByAppId(String(appId));
    if (!p) throw bad(`reader '${appId}' is not a registered app.`);
    return p.objectId;
  });

  // Re-registering keeps the department or parent group given before unless another is given.
  let parent = all[key]?.parent ?? shape.pathParent?.toLowerCase() ?? null;
  if (reg.parent !== undefined) {
    const p = parseScope(reg.parent);
    const parentKey = reg.parent.replace(/\/+$/, "").toLowerCase();
    if (kind === "enrollmentAccount") {
      if (p?.kind !== "department" || p.pathParent?.toLowerCase() !== shape.pathParent?.toLowerCase())
        throw bad("an enrollment account's parent is a department of the same billing account.");
    } else if (kind === "managementGroup") {
      if (p?.kind !== "managementGroup" || !all[parentKey])
        throw bad(`parent group '${reg.parent}' is not registered.`);
      if (parentKey === key || lineage(store, all[parentKey]).some((a) => a.id.toLowerCase() === key))
        throw bad("a management group cannot sit under itself or its own descendants.");
    } else throw bad(`a ${kind}'s parent is the scope its id names.`);
    parent = parentKey;
  }

  const accountKey = /^\/providers\/microsoft\.billing\/billingaccounts\/[^/]+/.exec(key)?.[0];
  if (accountKey) {
    const agreement = agreementOf(store, accountKey);
    const wants = EA_KINDS.includes(kind) ? "EA" : MCA_KINDS.includes(kind) ? "MCA" : undefined;
    if (agreement && wants && agreement !== wants)
      throw bad(
        `billing account '${accountKey}' is ${agreement === "EA" ? "an Enterprise Agreement enrollment" : "a Customer Agreement account"}; a ${kind} cannot be under it.`,
      );
  }

  let tenantId: string | undefined;
  if (kind === "managementGroup") {
    tenantId =
      reg.tenantId ??
      (parent ? all[parent]?.tenantId : undefined) ??
      all[key]?.tenantId ??
      (subscriptions[0] ? store.getSubscription(subscriptions[0])?.tenantId : undefined);
    if (!tenantId) throw bad("a management group needs 'tenantId', a parent group or subscriptions.");
    if (parent && all[parent]?.tenantId !== tenantId)
      throw bad("a management group's parent must be in the same directory.");
    for (const s of subscriptions)
      if (store.getSubscription(s)?.tenantId !== tenantId)
        throw bad(`subscription '${s}' is in another directory than management group '${id}'.`);
  }

  // Ancestors the path names exist first (an invoice section's billing profile and account).
  for (let up = shape.pathParent; up; up = parseScope(up)?.pathParent ?? null) {
    const upKey = up.toLowerCase();
    all[upKey] ??= {
      id: up,
      kind: parseScope(up)!.kind,
      parent: parseScope(up)!.pathParent?.toLowerCase() ?? null,
      subscriptions: [],
      readers: [],
    };
  }
  if (reg.parent && kind === "enrollmentAccount" && !all[parent!])
    all[parent!] = {
      id: reg.parent.replace(/\/+$/, ""),
      kind: "department",
      parent: shape.pathParent!.toLowerCase(),
      subscriptions: [],
      readers: [],
    };

  // A subscription has one billing home and one management group: registering it here moves it.
  if (reg.subscriptions) {
    const sameHierarchy = (k: ScopeKind) => (kind === "managementGroup") === (k === "managementGroup");
    for (const other of Object.values(all))
      if (other.id.toLowerCase() !== key && sameHierarchy(other.kind))
        other.subscriptions = other.subscriptions.filter((s) => !subscriptions.includes(s));
  }
  const before = all[key];
  const record: ScopeRecord = {
    id: before?.id ?? id,
    kind,
    parent,
    subscriptions: reg.subscriptions ? [...new Set(subscriptions)] : (before?.subscriptions ?? []),
    readers: readers ?? before?.readers ?? [],
    ...(tenantId ? { tenantId } : {}),
  };
  all[key] = record;
  store.markDirty();
  return record;
}
