import { allOperationKinds, operationKinds, type OperationTiming } from "@/lib/operations/kinds";

/**
 * How long each operation kind takes lives in the operation-kind catalogue (lib/operations/kinds.ts). An operation
 * running more than `overdueFactor` times its expected duration is flagged "overdue" by the health check and the dashboard.
 */
export type { OperationTiming };

const minutes = (n: number) => n * 60_000;

export const overdueFactor = 3;

/** A name the catalogue does not hold (an old row): a generous ten minutes expected, six hours at most. */
export const defaultTiming: OperationTiming = { expectedMs: minutes(10), maxMs: 6 * 60 * minutes(1) };

/** The catalogue's timings by kind; a lookup rather than the catalogue itself so a test can add its own kind. */
export const operationTimings: Record<string, OperationTiming> = Object.fromEntries(
  allOperationKinds.map((kind) => [kind, operationKinds[kind].timing]),
);

export function timingOf(kind: string): OperationTiming {
  return operationTimings[kind] ?? defaultTiming;
}

/** Past its kind's maximum duration: the runner ends it rather than trying again. */
export function hasTimedOut(kind: string, startedAt: Date | null, now = new Date()) {
  return startedAt !== null && now.getTime() - startedAt.getTime() > timingOf(kind).maxMs;
}

/** "40 s", "5 min", "2 h", "1 h 30 min": for messages about these limits. */
export function describeSpan(ms: number) {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const totalMinutes = Math.round(ms / 60_000);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
