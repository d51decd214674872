import {
  allOperationKinds,
  DEFAULT_ATTEMPTS,
  operationKinds,
  type OperationKindSpec,
  type RetryPolicy,
} from "@/lib/operations/kinds";
import { queueOptions } from "./queues";

export type { RetryPolicy };

/** pg-boss retries a job at most this often, so no kind can be given more attempts than this. */
export const attemptsCeiling = queueOptions.retryLimit + 1;

/** The kinds whose policy is not the default, by kind; a lookup rather than the catalogue so a test can add its own kind. */
export const retryPolicies: Record<string, RetryPolicy> = Object.fromEntries(
  allOperationKinds.flatMap((kind) => {
    const retry = (operationKinds[kind] as OperationKindSpec).retry;
    return retry ? [[kind, retry]] : [];
  }),
);

/**
 * Fresh starts an operation of this kind gets: its first run and every retry after a retryable failure, whether pg-boss
 * retried it (backoff) or Azure said when to come back (Retry-After). An admin's retry of a failed operation gets as
 * many again (its jobs carry `attemptBase`).
 */
export function attemptsOf(kind: string) {
  return Math.min(attemptsCeiling, retryPolicies[kind]?.attempts ?? DEFAULT_ATTEMPTS);
}
