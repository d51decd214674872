import type { PgBoss } from "pg-boss";
import { getJobDefinition, jobKinds } from "./define-job";
import { ensureQueue } from "./queues";
import { runOperation, type RunJob } from "./runner";

/**
 * Starts a pg-boss worker for every registered operation kind (the domains' jobs.ts files must be imported first):
 * `concurrency` jobs at once per kind, or the kind's own figure when higher, never more than `max`.
 */
export async function startWorkers(boss: PgBoss, opts: { concurrency: number; max?: number }) {
  for (const kind of jobKinds()) {
    const definition = getJobDefinition(kind);
    if (!definition) continue;
    await ensureQueue(boss, kind);
    await boss.work<{ operationId: string }>(
      kind,
      { batchSize: 1, includeMetadata: true, localConcurrency: Math.min(opts.max ?? Infinity, Math.max(opts.concurrency, definition.concurrency ?? 0)), pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 2 },
      async ([job]) => runOperation(job as unknown as RunJob),
    );
  }
}
