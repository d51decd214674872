import { allOperationKinds, operationKinds, type CancelPolicy, type OperationKindSpec } from "@/lib/operations/kinds";

/**
 * When an admin may cancel an operation of each kind: the `cancel` of its entry in the operation-kind catalogue
 * (lib/operations/kinds.ts explains the three policies). The catalogue holds data only, so the web process (which
 * refuses the cancel and hides the button) reads it without loading the job handlers.
 */
export type { CancelPolicy };

/** The kinds whose policy is not the default, by kind; a lookup rather than the catalogue so a test can add its own kind. */
export const cancelPolicies: Record<string, CancelPolicy> = Object.fromEntries(
  allOperationKinds.flatMap((kind) => {
    const policy = (operationKinds[kind] as OperationKindSpec).cancel;
    return policy ? [[kind, policy]] : [];
  }),
);

export function cancelPolicyOf(kind: string): CancelPolicy {
  return cancelPolicies[kind] ?? "betweenSteps";
}

/** Whether an admin may ask to cancel it now (a cancel already asked for is the caller's business). */
export function isCancellable(kind: string, state: string) {
  return state === "queued" || (state === "running" && cancelPolicyOf(kind) !== "queued");
}
