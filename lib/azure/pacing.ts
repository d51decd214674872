export type RateBucket = "reads" | "writes" | "deletes";

export type PacerOptions = {
  /** Tokens per second each ARM bucket refills (AZURE-FACTS §3: reads 25, writes 10, deletes 10). */
  refillPerSecond?: Partial<Record<RateBucket, number>>;
  /** Start pacing when the estimated budget falls to this many requests (default: one second of refill). */
  lowWater?: Partial<Record<RateBucket, number>>;
  /** How long the first request to an unknown bucket may keep the others waiting for its rate-limit headers. */
  probeTimeoutMs?: number;
  now?: () => number;
};

export type Reservation = { waitMs: number; retry: boolean };
export type Observation = { status: number; remaining?: number; retryAfterMs?: number };

type State = {
  remaining?: number;
  observedAt: number;
  reserved: number;
  nextSlotAt: number;
  holdUntil: number;
  probeUntil?: number;
};

export const DEFAULT_REFILL: Record<RateBucket, number> = { reads: 25, writes: 10, deletes: 10 };

/**
 * Client-side pacing per (subscription × bucket), the reason a burst of jobs finishes at Azure's rate instead of in 429s.
 * - We learn the budget from `x-ms-ratelimit-remaining-subscription-*` and count our own requests since the last answer.
 * - While the estimate is above the low-water mark, requests go at once; below it, each takes the next slot at the
 *   bucket's refill rate, which is the fastest rate Azure will sustain.
 * - Until a bucket's first answer arrives, one request probes and the rest wait briefly for its headers.
 * - A 429 holds the bucket until Retry-After passes; the waiters then leave one slot apart. The holds are absolute
 *   times, so when the SDK's own retry policy also sleeps Retry-After, the two waits overlap instead of adding up.
 */
export class Pacer {
  private states = new Map<string, State>();
  private refill: Record<RateBucket, number>;
  private lowWater: Record<RateBucket, number>;
  private probeTimeoutMs: number;
  private now: () => number;

  constructor(options: PacerOptions = {}) {
    this.refill = { ...DEFAULT_REFILL, ...options.refillPerSecond };
    this.lowWater = {
      reads: options.lowWater?.reads ?? this.refill.reads,
      writes: options.lowWater?.writes ?? this.refill.writes,
      deletes: options.lowWater?.deletes ?? this.refill.deletes,
    };
    this.probeTimeoutMs = options.probeTimeoutMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  /** How long to wait before sending; `retry` means "ask again after waiting" (waiting for a probe's answer). */
  reserve(subscriptionId: string, bucket: RateBucket): Reservation {
    const now = this.now();
    const s = this.state(subscriptionId, bucket);
    if (s.holdUntil > now) return { waitMs: this.takeSlot(s, bucket, s.holdUntil) - now, retry: false };
    if (s.remaining === undefined) {
      if (s.probeUntil !== undefined && now < s.probeUntil)
        return { waitMs: Math.min(25, s.probeUntil - now), retry: true };
      s.probeUntil = now + this.probeTimeoutMs;
      return { waitMs: 0, retry: false };
    }
    const estimate = s.remaining + (this.refill[bucket] * Math.max(0, now - s.observedAt)) / 1000 - s.reserved;
    s.reserved++;
    if (estimate > this.lowWater[bucket]) return { waitMs: 0, retry: false };
    return { waitMs: this.takeSlot(s, bucket, now) - now, retry: false };
  }

  observe(subscriptionId: string, bucket: RateBucket, o: Observation): void {
    const now = this.now();
    const s = this.state(subscriptionId, bucket);
    s.probeUntil = undefined;
    if (o.status === 429) {
      s.holdUntil = Math.max(s.holdUntil, now + (o.retryAfterMs ?? 1_000));
      s.nextSlotAt = Math.max(s.nextSlotAt, s.holdUntil);
      s.remaining = 0;
      s.observedAt = s.holdUntil;
      s.reserved = 0;
      return;
    }
    // No header (Azure Stack Hub, an injected fault): nothing to pace by until one arrives.
    s.remaining = o.remaining ?? (s.remaining === undefined ? Number.POSITIVE_INFINITY : s.remaining);
    s.observedAt = now;
    s.reserved = 0;
  }

  /** A request that got no answer (network error) must not leave its bucket waiting for a probe. */
  abandon(subscriptionId: string, bucket: RateBucket): void {
    this.state(subscriptionId, bucket).probeUntil = undefined;
  }

  private takeSlot(s: State, bucket: RateBucket, earliest: number): number {
    const slot = Math.max(earliest, s.nextSlotAt);
    s.nextSlotAt = slot + 1000 / this.refill[bucket];
    return slot;
  }

  private state(subscriptionId: string, bucket: RateBucket): State {
    const key = `${subscriptionId.toLowerCase()}|${bucket}`;
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = { observedAt: 0, reserved: 0, nextSlotAt: 0, holdUntil: 0 }));
    return s;
  }
}

export function bucketFor(method: string): RateBucket {
  const m = method.toUpperCase();
  if (m === "GET" || m === "HEAD") return "reads";
  return m === "DELETE" ? "deletes" : "writes";
}
