/**
 * Collects the emulator's request log while a measurement runs. The log is a ring buffer (5,000 entries), so it is
 * read incrementally every `everyMs` and de-duplicated by request id.
 */
import type { EmulatorControl } from "@/emulator/client";

export type LoggedRequest = Awaited<ReturnType<EmulatorControl["requests"]>>["value"][number];

export class RequestRecorder {
  readonly entries: LoggedRequest[] = [];
  private seen = new Set<string>();
  private since: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly control: EmulatorControl,
    private readonly everyMs = 500,
  ) {}

  /** Starts recording requests made from now on. */
  async start() {
    this.since = new Date(Date.now() - 1).toISOString();
    this.timer = setInterval(() => void this.pull(), this.everyMs);
  }

  private pull() {
    this.pending = this.pending
      .then(async () => {
        const { value } = await this.control.requests({ answeredSince: this.since });
        for (const e of value) {
          if (e.opType === "control" || this.seen.has(e.requestId)) continue;
          this.seen.add(e.requestId);
          this.entries.push(e);
        }
        // Entries in the same millisecond as the last one are read again next time and skipped by id. By answer time:
        // a request whose answer a fault held (npm run chaos) is logged after requests that came in later.
        const last = value[value.length - 1];
        if (last) this.since = new Date(Date.parse(last.answeredAt ?? last.time) - 1).toISOString();
      })
      .catch(() => {});
    return this.pending;
  }

  async stop() {
    clearInterval(this.timer);
    await this.pull();
    return this.entries;
  }
}

/** ARM requests only (no token requests): reads, writes, deletes, actions and LRO status polls. */
export const isArm = (e: LoggedRequest) => ["read", "write", "delete", "action", "poll"].includes(e.opType);

/** A short label for a request: "PUT publicIPAddresses", "GET virtualMachines", "poll Microsoft.Network", "token". */
export function classify(e: LoggedRequest): string {
  if (e.opType === "token") return "token (Entra ID)";
  if (e.opType === "poll") {
    const ns = /\/providers\/([^/]+)\/locations\//i.exec(e.path)?.[1] ?? "?";
    const kind = /\/operationResults\//i.test(e.path) ? "operationResults" : "operation status";
    return `poll ${kind} ${ns}`;
  }
  const type = e.resourceType?.split("/").slice(1).join("/") || lastType(e.path);
  const list = e.method === "GET" && isCollection(e.path) ? " (list)" : "";
  return `${e.method} ${type}${list}${e.status === 429 ? " → 429" : ""}`;
}

function lastType(path: string) {
  const parts = path.split("/").filter(Boolean);
  if (parts.length <= 2) return "subscription";
  if (parts[2]?.toLowerCase() === "resourcegroups" && parts.length <= 4) return "resourceGroups";
  return parts.length % 2 === 0 ? parts[parts.length - 2] : parts[parts.length - 1];
}

function isCollection(path: string) {
  const parts = path.split("/").filter(Boolean);
  const providerIdx = parts.findIndex((p) => p.toLowerCase() === "providers");
  return providerIdx >= 0 && (parts.length - providerIdx) % 2 === 1;
}

export function breakdown(entries: LoggedRequest[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(classify(e), (counts.get(classify(e)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

export const subscriptionOf = (e: LoggedRequest) => /^\/subscriptions\/([^/]+)/i.exec(e.path)?.[1]?.toLowerCase();
