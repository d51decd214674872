import type { MiddlewareHandler } from "hono";
import { ApiProblem } from "./problem";
import type { ApiEnv } from "./env";

/** Per token: bursts of up to `burst` calls, refilled at `perSecond` (README "REST API" states these). */
export const RATE_LIMIT = { burst: 100, perSecond: 10 } as const;

type Bucket = { tokens: number; at: number };

/**
 * A token bucket per API token, in this process's memory: each web replica counts on its own, so N replicas allow
 * N times the rate. Refused calls cost nothing and answer 429 with the seconds until the next call fits.
 */
export function rateLimit(limit: { burst: number; perSecond: number } = RATE_LIMIT): MiddlewareHandler<ApiEnv> {
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const id = c.get("principal").tokenId;
    const now = Date.now();
    const b = buckets.get(id) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
    buckets.set(id, b);
    if (b.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond));
      throw new ApiProblem(
        429,
        "TooManyRequests",
        `This token made more than ${limit.burst} calls in a burst (${limit.perSecond} a second sustained): retry after ${retryAfter} s.`,
        { "Retry-After": String(retryAfter) },
      );
    }
    b.tokens -= 1;
    c.header("RateLimit-Limit", String(limit.burst));
    c.header("RateLimit-Remaining", String(Math.floor(b.tokens)));
    await next();
  };
}
