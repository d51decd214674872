import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { getBoss } from "./boss";
import { defaultTiming, operationTimings, overdueFactor } from "./timings";

export const heartbeatIntervalMs = 5_000;
const staleAfterMs = 30_000;

export type Health = {
  status: "ok" | "degraded" | "down";
  database: { ok: boolean; error?: string };
  worker: { ok: boolean; lastSeenAt: string | null; workers: number };
  queue: { ok: boolean; queued: number; active: number; failed: number; error?: string };
  /**
   * Stuck: still running with no heartbeat or progress for a while. Overdue: alive, but running far past its kind's
   * expected duration (its timing in lib/operations/kinds.ts). Both are surfaced here and on the admin dashboard.
   */
  operations: {
    ok: boolean;
    running: number;
    stuck: number;
    stuckIds: string[];
    overdue: number;
    overdueIds: string[];
  };
  checkedAt: string;
};

export async function checkHealth(): Promise<Health> {
  const now = Date.now();
  const health: Health = {
    status: "ok",
    database: { ok: true },
    worker: { ok: false, lastSeenAt: null, workers: 0 },
    queue: { ok: true, queued: 0, active: 0, failed: 0 },
    operations: { ok: true, running: 0, stuck: 0, stuckIds: [], overdue: 0, overdueIds: [] },
    checkedAt: new Date(now).toISOString(),
  };
  try {
    await db.$queryRaw`select 1`;
    const beats = await db.workerHeartbeat.findMany({
      where: { seenAt: { gte: new Date(now - staleAfterMs) } },
      orderBy: { seenAt: "desc" },
    });
    health.worker = { ok: beats.length > 0, lastSeenAt: beats[0]?.seenAt.toISOString() ?? null, workers: beats.length };
    const [running, stuck, overdue] = await Promise.all([
      db.operation.count({ where: { state: "running" } }),
      findStuckOperations(new Date(now)),
      findOverdueOperations(new Date(now)),
    ]);
    health.operations = {
      // Overdue operations are listed, not counted against health: they still make progress, and a long ASR failover
      // must not take a web replica out of its load balancer's rotation.
      ok: stuck.length === 0,
      running,
      stuck: stuck.length,
      stuckIds: stuck.slice(0, 20).map((o) => o.id),
      overdue: overdue.length,
      overdueIds: overdue.slice(0, 20).map((o) => o.id),
    };
  } catch {
    health.database = { ok: false, error: "The database is unreachable." };
  }
  if (health.database.ok) {
    try {
      const boss = await getBoss();
      for (const q of await boss.getQueues()) {
        health.queue.queued += q.queuedCount;
        health.queue.active += q.activeCount;
        health.queue.failed += q.failedCount;
      }
    } catch (error) {
      health.queue = {
        ok: false,
        queued: 0,
        active: 0,
        failed: 0,
        error: error instanceof Error ? error.message : "Queue unavailable.",
      };
    }
  }
  health.status = !health.database.ok
    ? "down"
    : health.worker.ok && health.queue.ok && health.operations.ok
      ? "ok"
      : "degraded";
  return health;
}

/**
 * Stuck: running with no heartbeat for 3 minutes (the runner beats every 10 s, and a waiting poll is at most 30 s
 * away), or queued for 10 minutes without a worker taking it.
 */
export function findStuckOperations(now = new Date()) {
  return db.operation.findMany({
    where: {
      OR: [
        { state: "running", heartbeatAt: { lt: new Date(now.getTime() - 3 * 60_000) } },
        { state: "queued", createdAt: { lt: new Date(now.getTime() - 10 * 60_000) } },
      ],
    },
    select: { id: true, kind: true, targetName: true, state: true },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
}

/**
 * Overdue: running for more than `overdueFactor` times its kind's expected duration, heartbeat or not (a provider
 * registration polled for 48 minutes beat every 10 s). One condition per listed kind, so PostgreSQL does the filtering.
 */
export function findOverdueOperations(now = new Date()) {
  const since = (expectedMs: number) => new Date(now.getTime() - overdueFactor * expectedMs);
  const listed = Object.keys(operationTimings);
  return db.operation.findMany({
    where: {
      state: "running",
      OR: [
        ...Object.entries(operationTimings).map(([kind, t]) => ({ kind, startedAt: { lt: since(t.expectedMs) } })),
        { kind: { notIn: listed }, startedAt: { lt: since(defaultTiming.expectedMs) } },
      ],
    },
    select: { id: true, kind: true, targetName: true, state: true, startedAt: true },
    orderBy: { startedAt: "asc" },
    take: 100,
  });
}

/** Called by the worker: marks this process alive. */
export async function beat(workerId: string) {
  await db.workerHeartbeat.upsert({
    where: { id: workerId },
    create: { id: workerId, host: hostname(), pid: process.pid },
    update: { seenAt: new Date() },
  });
}

export async function retire(workerId: string) {
  await db.workerHeartbeat.deleteMany({ where: { id: workerId } });
}
