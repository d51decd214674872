/**
 * How long to wait before polling an ARM operation again: quick at first (most operations finish in seconds), then
 * backing off to 30 s so a long one (ASR initial replication) costs few requests. JOBS_POLL_MIN_MS lowers the floor
 * for the emulator's scaled clock in tests and benchmarks.
 */
export function pollDelayMs(pollsSoFar: number, floorMs = Number(process.env.JOBS_POLL_MIN_MS ?? 2_000)) {
  return Math.min(30_000, Math.round(floorMs * 1.5 ** Math.min(pollsSoFar, 12)));
}

/**
 * The clock the typical durations of Azure operations are read on: 1 against Azure. Against the emulator, whose clock
 * runs EMU_TIME_SCALE times Azure's (npm start: 0.2), the same scale, unless JOBS_LRO_TIME_SCALE says otherwise.
 */
export function lroTimeScale() {
  const scale = Number(process.env.JOBS_LRO_TIME_SCALE ?? process.env.EMU_TIME_SCALE ?? 1);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

export type PollHints = {
  retryAfterMs?: number;
  /** The operation's typical duration in Azure (scaled here). */
  typicalMs?: number;
  /** Time left by Azure's percentComplete. */
  remainingMs?: number;
  /** An exact wait already on this clock (a request sent in an earlier step whose first poll is not due yet). */
  waitMs?: number;
};

const MAX_WAIT_MS = 120_000;

/**
 * When to poll a running ARM operation next, so that most operations take one poll:
 * - just started: after its typical duration (a VM create ~60 s, a NIC ~2 s), on the scaled clock;
 * - polled and still running: after the time Azure's percentComplete says is left, else the back-off above;
 * - never sooner than Azure's Retry-After.
 */
export function nextPollDelayMs(hints: PollHints, pollsSoFar: number) {
  const planned =
    hints.waitMs !== undefined
      ? hints.waitMs
      : hints.typicalMs !== undefined
        ? hints.typicalMs * lroTimeScale()
        : hints.remainingMs !== undefined
          ? Math.min(30_000, hints.remainingMs)
          : pollDelayMs(pollsSoFar);
  return Math.round(Math.min(MAX_WAIT_MS, Math.max(planned, hints.retryAfterMs ?? 0, 20)));
}

/**
 * Waits up to this long (JOBS_INLINE_WAIT_MS, 5 s on Azure's clock) happen inside the running job: cheaper than ending
 * the run and starting another for a NIC or a public IP. Longer ones end the run and schedule the next (a VM create).
 */
export function inlineWaitMaxMs() {
  return Number(process.env.JOBS_INLINE_WAIT_MS ?? 5_000) * lroTimeScale();
}
