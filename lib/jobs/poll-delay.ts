/**
 * How long to wait before polling an ARM operation again: quick at first (most operations finish in seconds), then
 * backing off to 30 s so a long one (ASR initial replication) costs few requests. JOBS_POLL_MIN_MS lowers the floor
 * for the emulator's scaled clock in tests and benchmarks.
 */
export function pollDelayMs(pollsSoFar: number, floorMs = Number(process.env.JOBS_POLL_MIN_MS ?? 2_000)) {
  return Math.min(30_000, Math.round(floorMs * 1.5 ** Math.min(pollsSoFar, 12)));
}
