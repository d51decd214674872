import { RotateCcw, Ban } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Button } from "@/components/ui/button";
import { cancelOperationAction, retryOperationAction } from "@/lib/jobs/actions";

export type OperationAdminActionsProps = {
  id: string;
  state: string;
  targetName: string;
  isCancelRequested: boolean;
  /** Its kind may be cancelled in this state (lib/operations/kinds.ts: some only while queued). */
  isCancellable: boolean;
};

/**
 * Retry (failed) and Cancel (queued, or running when its kind allows) for provider admins; the actions check the role
 * and the kind's rule again on the server.
 */
export function OperationAdminActions({
  id,
  state,
  targetName,
  isCancelRequested,
  isCancellable,
}: OperationAdminActionsProps) {
  if (state === "failed") {
    return (
      <ConfirmDialog
        trigger={
          <>
            <RotateCcw aria-hidden /> Retry
          </>
        }
        triggerVariant="default"
        isDestructive={false}
        title="Retry this operation?"
        description={`It continues from the step that failed; steps that already succeeded on ${targetName} are not repeated.`}
        confirmLabel="Retry"
        action={retryOperationAction.bind(null, id)}
      />
    );
  }
  if (state !== "queued" && state !== "running") return null;
  if (!isCancelRequested && !isCancellable) return null;
  if (isCancelRequested) {
    return (
      <Button variant="outline" disabled>
        <Ban aria-hidden /> Cancel requested
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <>
          <Ban aria-hidden /> Cancel
        </>
      }
      triggerVariant="outline"
      title="Cancel this operation?"
      description={
        state === "queued"
          ? `It has not started yet, so nothing has changed in Azure for ${targetName}. It stops before its first step.`
          : `It stops after its current step (a request already sent to Azure finishes first). What earlier steps did for ${targetName} stays, and ${targetName} is settled as after a failure.`
      }
      confirmLabel="Cancel operation"
      dismissLabel={state === "queued" ? "Keep it queued" : "Keep it running"}
      action={cancelOperationAction.bind(null, id)}
    />
  );
}
