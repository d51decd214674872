import { StatusBadge } from "@/components/status-badge";

type VmStateProps = {
  provisioningState: string;
  powerState: string | null;
  errorMessage?: string | null;
  isMissing?: boolean;
};

/**
 * One badge for what a user cares about: the power state once Azure is done, otherwise what is happening.
 * A failure keeps its reason one click away (and on hover), so the list explains itself. "Deallocated" and "Stopped"
 * keep Azure's words: a stopped VM still holds (and bills) its compute, a deallocated one does not (issue 12).
 */
export function VmState({ provisioningState, powerState, errorMessage, isMissing }: VmStateProps) {
  const isSettled = provisioningState === "Succeeded";
  const state = isSettled ? (powerState ?? "unknown") : provisioningState;
  return (
    <span className="inline-flex max-w-64 flex-col items-start gap-1">
      <span title={errorMessage ?? undefined}>
        <StatusBadge state={state} />
      </span>
      {isMissing && <span className="text-xs text-warning">Not found in Azure</span>}
      {errorMessage && (
        <details className="text-xs">
          <summary className="cursor-pointer text-destructive select-none">
            {provisioningState === "Failed" ? "Why it failed" : "Last action failed"}
          </summary>
          <p className="mt-1 break-words text-muted-foreground">{errorMessage}</p>
        </details>
      )}
    </span>
  );
}
