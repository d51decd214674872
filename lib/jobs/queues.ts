import type { PgBoss } from "pg-boss";

/**
 * Every operation kind has its own queue (named after the kind) with these settings:
 * - retries with exponential backoff (2 s, 4 s, … up to 60 s) for retryable failures;
 * - heartbeats, so a job whose worker was killed is picked up again by another worker;
 * - "stately": at most one queued and one active job per singleton key (the operation id), so the same
 *   operation never runs twice at once, while a running job may still schedule its next poll.
 */
export const queueOptions = {
  policy: "stately" as const,
  retryLimit: 6,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 60,
  heartbeatSeconds: 10,
  expireInSeconds: 15 * 60,
  // The portal NOTIFYs its own channel (lib/jobs/enqueue.ts) once per enqueue, and its dispatchers listen to that.
  notify: false,
};

const ensured = new WeakMap<PgBoss, Set<string>>();

export async function ensureQueue(boss: PgBoss, kind: string) {
  const known = ensured.get(boss) ?? new Set<string>();
  ensured.set(boss, known);
  if (known.has(kind)) return;
  if (!(await boss.getQueue(kind))) {
    try {
      await boss.createQueue(kind, queueOptions);
    } catch (error) {
      if (!(await boss.getQueue(kind))) throw error; // another process created it first
    }
  }
  known.add(kind);
}
