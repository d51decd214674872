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
  counters: Counters = emptyCounters();

  constructor(private capacity = 5000) {}

  record(entry: RequestLogEntry): void {
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

  requests(filter: { since?: string; limit?: number } = {}): RequestLogEntry[] {
    const since = filter.since;
    const list = since ? this.log.filter((e) => e.time > since) : this.log;
    return list.slice(-(filter.limit ?? list.length));
  }

  reset(): void {
    this.log = [];
    this.counters = emptyCounters();
  }
}
