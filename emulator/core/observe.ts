export type CountedType = "read" | "write" | "delete" | "action" | "poll" | "token" | "control" | "other";

export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  status: number;
  requestId: string;
  opType: CountedType;
  resourceType?: string;
  principal?: string;
  fault?: string;
  /** The client's TCP port: lets a harness on the same machine tell which of its processes sent the request. */
  remotePort?: number;
  /** When the handler had done its work (Azure accepted the request), before a fault held the answer back. */
  acceptedAt?: string;
  /** When the answer was written (absent while the request is in flight). */
  answeredAt?: string;
  /** The client had closed its connection before the answer was written: the work was done, the answer was lost. */
  clientGone?: boolean;
}

export interface Counters {
  reads: number;
  writes: number;
  deletes: number;
  actions: number;
  polls: number;
  tokens: number;
  throttled429: number;
  faults: number;
  byResourceType: Record<string, { reads: number; writes: number; deletes: number; actions: number }>;
}

const emptyCounters = (): Counters => ({
  reads: 0,
  writes: 0,
  deletes: 0,
  actions: 0,
  polls: 0,
  tokens: 0,
  throttled429: 0,
  faults: 0,
  byResourceType: {},
});

/** Request log (ring buffer) and counters for the control API; not persisted. */
export class Observer {
  private log: RequestLogEntry[] = [];
  /** Requests received and not answered yet (a fault may be holding their answer), by request id. */
  private open = new Map<string, RequestLogEntry>();
  counters: Counters = emptyCounters();

  constructor(private capacity = 5000) {}

  begin(entry: RequestLogEntry): void {
    this.open.set(entry.requestId, entry);
  }

  /** Requests in flight, oldest first: chaos aims its kills at the ones Azure has accepted (`acceptedAt`). */
  inFlight(): RequestLogEntry[] {
    return [...this.open.values()].map((e) => ({ ...e }));
  }

  record(entry: RequestLogEntry): void {
    this.open.delete(entry.requestId);
    entry.answeredAt = new Date().toISOString();
    this.log.push(entry);
    if (this.log.length > this.capacity) this.log.splice(0, this.log.length - this.capacity);
    const c = this.counters;
    if (entry.status === 429) c.throttled429++;
    if (entry.fault) c.faults++;
    const field = ({ read: "reads", write: "writes", delete: "deletes", action: "actions" } as const)[
      entry.opType as "read"
    ];
    if (entry.opType === "poll") c.polls++;
    else if (entry.opType === "token") c.tokens++;
    else if (field) {
      c[field]++;
      if (entry.resourceType) {
        const t = (c.byResourceType[entry.resourceType] ??= { reads: 0, writes: 0, deletes: 0, actions: 0 });
        t[field]++;
      }
    }
  }

  /**
   * `since`: received after; `answeredSince`: answered after. The log is in the order answers were written, so a reader
   * that follows it by `answeredSince` misses no entry, also not one whose answer a fault held back.
   */
  requests(filter: { since?: string; answeredSince?: string; limit?: number } = {}): RequestLogEntry[] {
    const { since, answeredSince } = filter;
    let list = since ? this.log.filter((e) => e.time > since) : this.log;
    if (answeredSince) list = list.filter((e) => (e.answeredAt ?? e.time) > answeredSince);
    return list.slice(-(filter.limit ?? list.length));
  }

  reset(): void {
    this.log = [];
    this.open.clear();
    this.counters = emptyCounters();
  }
}
