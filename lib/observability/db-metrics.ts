import { Gauge } from "prom-client";
import { db } from "@/lib/db/client";
import { metricsRegistry } from "./metrics";

type Gauges = {
  operations: Gauge<"kind" | "state">;
  queueDepth: Gauge<"kind">;
  queueAge: Gauge<"kind">;
};
const shared = globalThis as unknown as { portalDbGauges?: Gauges };

function gauges(): Gauges {
  const registers = [metricsRegistry()];
  return (shared.portalDbGauges ??= {
    operations: new Gauge({
      name: "portal_operations",
      help: "Operations in the database, by kind and state",
      labelNames: ["kind", "state"],
      registers,
    }),
    queueDepth: new Gauge({
      name: "portal_queue_depth",
      help: "Jobs due to run and not yet claimed by a worker, by operation kind (pg-boss queue)",
      labelNames: ["kind"],
      registers,
    }),
    queueAge: new Gauge({
      name: "portal_queue_oldest_age_seconds",
      help: "How long the oldest job due to run has waited for a worker, by operation kind (0 when none waits)",
      labelNames: ["kind"],
      registers,
    }),
  });
}

type QueueRow = { kind: string; depth: number; age: number };

/**
 * Read at scrape time, by the web only (the worker's registry has no such gauges, so nothing is counted twice): one
 * grouped query of operations, one of the queues. A job is waiting once its start_after has passed: a run scheduled
 * for a later look at Azure is not a backlog.
 */
export async function collectDatabaseMetrics() {
  const g = gauges();
  const [operations, queues] = await Promise.all([
    db.operation.groupBy({ by: ["kind", "state"], _count: { _all: true } }),
    readQueues(),
  ]);
  g.operations.reset();
  for (const row of operations) g.operations.set({ kind: row.kind, state: row.state }, row._count._all);
  g.queueDepth.reset();
  g.queueAge.reset();
  for (const q of queues) {
    g.queueDepth.set({ kind: q.kind }, q.depth);
    g.queueAge.set({ kind: q.kind }, Math.max(0, q.age));
  }
}

function readQueues() {
  return db.$queryRaw<QueueRow[]>`
      select q.name as kind,
             count(j.id)::int as depth,
             coalesce(extract(epoch from now() - min(j.start_after)), 0)::float8 as age
        from pgboss.queue q
        left join pgboss.job j
          on j.name = q.name and j.state in ('created', 'retry') and j.start_after <= now()
       group by q.name`.catch((error: unknown) => {
    // pg-boss creates its schema when a worker or the first enqueue starts it: before that there is no queue.
    if (/42P01/.test(error instanceof Error ? error.message : String(error))) return [] as QueueRow[];
    throw error;
  });
}
