import pg from "pg";
import type { PgBoss } from "pg-boss";
import { onBossStopping } from "./boss";
import { findKindSpec } from "@/lib/operations/kinds";
import { getJobDefinition, jobKinds } from "./define-job";
import { KindDispatcher } from "./dispatcher";
import { jobsChannel, onRunScheduled } from "./enqueue";
import { ensureQueue, queueOptions } from "./queues";
import { runOperation, type RunJob } from "./runner";

/** Idle look for jobs this process was not told about (another process's reschedules); JOBS_IDLE_FETCH_MS overrides. */
const idleFetchMs = () => Number(process.env.JOBS_IDLE_FETCH_MS ?? 2_000);

/** Running jobs' heartbeats are refreshed at 40 % of the queue's heartbeat window, so one late refresh loses nothing. */
const heartbeatMs = queueOptions.heartbeatSeconds * 1000 * 0.4;

/**
 * Starts a dispatcher for every registered operation kind (worker/handlers.ts registers one per catalogue kind):
 * `concurrency` jobs at once per kind, or the catalogue's figure for the kind when higher, never more than `max`. Dispatchers are
 * woken by NOTIFY on the jobs channel (a job was queued anywhere) and by this process's own reschedules; they stop,
 * letting running jobs finish, before pg-boss does.
 */
export async function startWorkers(boss: PgBoss, opts: { concurrency: number; max?: number }) {
  const dispatchers = new Map<string, KindDispatcher>();
  for (const kind of jobKinds()) {
    const definition = getJobDefinition(kind);
    if (!definition) continue;
    await ensureQueue(boss, kind);
    const limit = Math.min(opts.max ?? Infinity, Math.max(opts.concurrency, findKindSpec(kind)?.concurrency ?? 0));
    dispatchers.set(
      kind,
      new KindDispatcher(boss, kind, (job) => runOperation(job as unknown as RunJob), {
        limit,
        batch: 10,
        idleMs: idleFetchMs(),
        heartbeatMs,
      }),
    );
  }
  const listener = await listenForJobs((kind) => dispatchers.get(kind)?.wake());
  const unsubscribe = onRunScheduled((kind, at) => dispatchers.get(kind)?.wakeAt(at));
  for (const dispatcher of dispatchers.values()) dispatcher.start();
  onBossStopping(async () => {
    unsubscribe();
    await listener.close();
    await Promise.all([...dispatchers.values()].map((d) => d.stop(10_000)));
  });
}

/**
 * LISTENs on the jobs channel on a connection of its own. If that connection drops, it reconnects after a pause; in
 * between, the dispatchers' idle fetches still find every job, only later.
 */
async function listenForJobs(onJob: (kind: string) => void) {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({
      connectionString: process.env.DATABASE_URL,
      application_name: "portal-worker-listen",
    });
    next.on("notification", (message) => message.payload && onJob(message.payload));
    next.on("error", () => {
      if (closed) return;
      void next.end().catch(() => {});
      retry = setTimeout(() => void connect().catch(() => {}), 1_000);
    });
    try {
      await next.connect();
      await next.query(`listen ${jobsChannel}`);
      client = next;
    } catch (error) {
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect().catch(() => {}), 1_000);
      throw error;
    }
  };
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
