/**
 * Retry timing of webhook deliveries, after the Standard Webhooks reference schedule: 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 10 h … with ±10 % jitter, and one last attempt at the end of the 24-hour window, after which the delivery
 * fails. WEBHOOKS_TIME_SCALE shrinks every span (tests run a day in seconds).
 */
const delaysMs = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000];
const dayMs = 24 * 3_600_000;

export const timeScale = () => Number(process.env.WEBHOOKS_TIME_SCALE ?? 1) || 1;

/** How long a delivery keeps being retried. */
export const deliveryWindowMs = () => dayMs * timeScale();

/** An endpoint failing without a single success for this long is disabled (besides the failed-deliveries count). */
export const failingWindowMs = () => 5 * dayMs * timeScale();

/** Deliveries in a row that ended failed before the endpoint is disabled. */
export const disableAfterFailedDeliveries = () => Number(process.env.WEBHOOKS_DISABLE_AFTER ?? 10);

/** When to try again after `failedAttempts` failures, or null when the window is over and the delivery has failed. */
export function nextAttemptAt(failedAttempts: number, now: Date, giveUpAt: Date, random = Math.random): Date | null {
  if (now.getTime() >= giveUpAt.getTime()) return null;
  const base = delaysMs[Math.min(Math.max(failedAttempts, 1), delaysMs.length) - 1] * timeScale();
  const at = now.getTime() + base * (0.9 + 0.2 * random());
  return new Date(Math.min(at, giveUpAt.getTime()));
}
