import { ArmError } from "@/lib/azure";
import { AppError } from "@/lib/errors";

/**
 * Thrown by a waiting step (StepRecorder.wait, never by a job) to end the run now and run the operation again later:
 * an ARM operation still in progress, a network another operation is creating. The step stays running and has recorded
 * what it waits on: the next run resumes it, it is not a new attempt.
 */
export class Reschedule extends Error {
  constructor(
    readonly delayMs: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Thrown at a step boundary once an admin has asked to cancel the operation: the step before it finished, the next
 * one is not started. The runner ends the operation `cancelled` with this message and runs its follow-up.
 */
export class CancelRequested extends Error {
  readonly code = "OperationCancelled";

  /** `where`: "before it started", "before step 2 of 3 (Wait for Microsoft.Compute)". */
  constructor(by: string | null, where: string) {
    super(`Cancelled by ${by ?? "an admin"} ${where}.`);
  }
}

const stepLabel = (name: string, position: number, total: number) =>
  `step ${position + 1}${total > position ? ` of ${total}` : ""} (${name})`;
const earlier = (position: number) => (position === 0 ? "" : "; the steps before it had finished");

/** "before step 2 of 3 (Register Microsoft.Compute)": where a cancelled operation stopped. */
export function beforeStep(name: string, position: number, total: number) {
  return `before ${stepLabel(name, position, total)}${earlier(position)}`;
}

/** "while step 1 of 2 (Register Microsoft.Compute) was waiting": a cancel that stopped a wait. */
export function whileWaiting(name: string, position: number, total: number) {
  return `while ${stepLabel(name, position, total)} was waiting${earlier(position)}`;
}

export type Failure = {
  retryable: boolean;
  retryAfterMs?: number;
  message: string;
  code?: string;
  requestId?: string;
  correlationId?: string;
  raw?: unknown;
};

/**
 * How a failed run is treated. ArmErrors carry lib/azure's classification (429/5xx/network retry; validation,
 * authorization, quota and conflicts end the operation). Our own AppErrors (NotFound, Conflict…) are decisions, so
 * they end it too. Anything else is unexpected (a lost database connection, a bug): retried, then failed with a
 * reference the helpdesk can find in the worker log.
 */
export function classifyFailure(error: unknown, ref: string): Failure {
  if (error instanceof ArmError) {
    return {
      retryable: error.retryable,
      // Throttling's Retry-After says when the bucket has refilled: the next attempt goes then. A 5xx's Retry-After
      // promises nothing: honouring it (the emulator's 1 s) spent all of an operation's attempts in the first seconds
      // of a one-minute outage (the scale-out run), so those wait out the queue's growing backoff (2 s … 60 s).
      retryAfterMs: isThrottled(error) ? error.retryAfterMs : undefined,
      message: error.message,
      code: error.code,
      requestId: error.requestId,
      correlationId: error.correlationId,
      raw: error.raw,
    };
  }
  if (error instanceof AppError) return { retryable: false, message: error.message, code: error.constructor.name };
  return { retryable: true, message: `The portal hit an unexpected error (ref ${ref}).`, code: "InternalError" };
}

function isThrottled(error: ArmError) {
  return error.status === 429 || /^(TooManyRequests|SubscriptionRequestsThrottled)$/i.test(error.code);
}
