import { ArmError } from "./errors.js";

export interface BucketLimit {
  capacity: number;
  refillPerSecond: number;
}
export type ThrottleCategory = "reads" | "writes" | "deletes";
export interface Limits {
  reads: BucketLimit;
  writes: BucketLimit;
  deletes: BucketLimit;
  /** Refill on the virtual (scaled) clock instead of real time. Default false. */
  scaledRefill: boolean;
  /** Sizes that replace an RP window's own, by policy name (e.g. "Microsoft.Compute/PutVM3Min"), for tests. */
  resource?: Record<string, BucketLimit>;
}

/** ARM's per subscription × principal × region × operation-type buckets (LEARN request-limits-and-throttling). */
export const DEFAULT_LIMITS: Limits = {
  reads: { capacity: 250, refillPerSecond: 25 },
  writes: { capacity: 200, refillPerSecond: 10 },
  deletes: { capacity: 200, refillPerSecond: 10 },
  scaledRefill: false,
};

interface Bucket {
  tokens: number;
  atMs: number;
}

export interface TakeResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** An RP-specific window, e.g. Compute's `Microsoft.Compute/PutVM3Min`, reported in x-ms-ratelimit-remaining-resource. */
export interface RpPolicy {
  /** "{Namespace}/{PolicyName}", e.g. "Microsoft.Compute/PutVM3Min". */
  policy: string;
  capacity: number;
  refillPerSecond: number;
  /** What the window counts: default the subscription; pass a resource id for per-resource windows. */
  scopeKey?: string;
}

export class Throttling {
  enabled: boolean;
  limits: Limits;
  private buckets = new Map<string, Bucket>();

  constructor(
    config: boolean | Partial<Limits> | undefined,
    private timeScale: () => number,
  ) {
    this.enabled = config !== false;
    this.limits = { ...DEFAULT_LIMITS, ...(typeof config === "object" ? config : {}) };
  }

  configure(config: { enabled?: boolean; limits?: Partial<Limits> }): void {
    if (config.enabled !== undefined) this.enabled = config.enabled;
    if (config.limits) this.limits = { ...this.limits, ...config.limits };
    this.buckets.clear();
  }

  reset(): void {
    this.buckets.clear();
  }

  take(key: string, limit: BucketLimit): TakeResult {
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.capacity, atMs: now };
    const speed = this.limits.scaledRefill ? 1 / Math.max(this.timeScale(), 1e-6) : 1;
    const elapsedSeconds = ((now - bucket.atMs) / 1000) * speed;
    bucket.tokens = Math.min(limit.capacity, bucket.tokens + elapsedSeconds * limit.refillPerSecond);
    bucket.atMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    const wait = (1 - bucket.tokens) / limit.refillPerSecond / speed;
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
  }

  /** The ARM subscription bucket; throws 429 SubscriptionRequestsThrottled when empty. */
  takeArm(args: {
    subscriptionId: string;
    principal: string;
    region: string;
    category: ThrottleCategory;
    operation: string;
  }): TakeResult {
    const limit = this.limits[args.category];
    const result = this.take(
      `arm|${args.subscriptionId}|${args.principal}|${args.region}|${args.category}`.toLowerCase(),
      limit,
    );
    if (!result.allowed) {
      throw new ArmError(
        429,
        "SubscriptionRequestsThrottled",
        `Number of requests for subscription '${args.subscriptionId}' and operation '${args.operation}' exceeded the backend storage limit. Please try again after '${result.retryAfterSeconds}' seconds.`,
        undefined,
        { headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return result;
  }

  /**
   * Consumes one token from each RP policy and returns the x-ms-ratelimit-remaining-resource value. When any
   * window is empty, throws Compute's 429 (OperationNotAllowed + details TooManyRequests) with Retry-After.
   */
  takeRp(subscriptionId: string, policies: RpPolicy[]): string {
    const parts: string[] = [];
    for (const policy of policies) {
      const p = { ...policy, ...this.limits.resource?.[policy.policy] };
      const r = this.take(`rp|${subscriptionId}|${p.scopeKey ?? ""}|${p.policy}`.toLowerCase(), p);
      parts.push(`${p.policy};${r.remaining}`);
      if (!r.allowed) {
        const group = p.policy.split("/").pop() ?? p.policy;
        throw new ArmError(
          429,
          "OperationNotAllowed",
          "The server rejected the request because too many requests have been received for this subscription.",
          [
            {
              code: "TooManyRequests",
              target: group,
              message: JSON.stringify({ operationGroup: group, allowedRequestCount: p.capacity }),
            },
          ],
          {
            headers: {
              "Retry-After": String(r.retryAfterSeconds),
              "x-ms-ratelimit-remaining-resource": `${p.policy};0`,
            },
          },
        );
      }
    }
    return parts.join(",");
  }
}
