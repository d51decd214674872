import { toArmError } from "./to-arm-error";

/** Every failure that leaves lib/azure: ARM, Entra ID, the network or a failed long-running operation. */
export class ArmError extends Error {
  override name = "ArmError";
  status?: number;
  code: string;
  requestId?: string;
  correlationId?: string;
  retryable: boolean;
  retryAfterMs?: number;
  details?: unknown;
  /** The ARM / Entra error JSON with secrets redacted, for the helpdesk view. */
  raw?: unknown;

  constructor(init: Omit<ArmError, "name" | "retryable" | keyof Error> & { message: string; retryable?: boolean }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs;
    this.details = init.details;
    this.raw = init.raw;
    this.retryable = init.retryable ?? isRetryable(init.status, init.code);
  }
}

/**
 * Retry classification, the one place that decides whether a job should try again.
 * - Retryable: 408, 429 (honour retryAfterMs), any 5xx, network failures (connection reset/refused, timeouts, socket hang up),
 *   an expired ARM token (the credential refreshes it), and ARM's transient codes below, even inside a Failed LRO
 *   where no HTTP status applies.
 * - Terminal: every other 4xx: validation (InvalidParameter…), authorization (AuthorizationFailed), quota
 *   (409 OperationNotAllowed), 409 conflicts a person must resolve, every Entra ID (AADSTS…) rejection.
 * - 412 PreconditionFailed is terminal here, but `isPreconditionFailed` lets a caller re-read the resource and re-apply.
 */
const RETRYABLE_CODES = new Set(
  [
    "RetryableError",
    "RetryableErrorDueToAnotherOperation",
    "AnotherOperationInProgress",
    "InternalServerError",
    "ServiceUnavailable",
    "GatewayTimeout",
    "TooManyRequests",
    "SubscriptionRequestsThrottled",
    "ExpiredAuthenticationToken",
    "NetworkError",
    "ECONNRESET",
    "ECONNREFUSED",
    "ETIMEDOUT",
    "EPIPE",
    "EAI_AGAIN",
    "REQUEST_SEND_ERROR",
  ].map((c) => c.toLowerCase()),
);

export function isRetryable(status: number | undefined, code: string): boolean {
  if (status === 408 || status === 429 || (status !== undefined && status >= 500)) return true;
  return RETRYABLE_CODES.has(code.toLowerCase());
}

export function isPreconditionFailed(e: unknown): boolean {
  return e instanceof ArmError && (e.status === 412 || e.code === "PreconditionFailed");
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ArmError && e.status === 404;
}

/** Retry-After as seconds or an HTTP date; `retry-after-ms` wins when present. */
export function parseRetryAfterMs(
  headers: { get(name: string): string | undefined },
  now = Date.now(),
): number | undefined {
  const ms = headers.get("retry-after-ms") ?? headers.get("x-ms-retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Runs one gateway call and turns whatever it throws into an ArmError. */
export async function armCall<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toArmError(e);
  }
}

export { toArmError };
