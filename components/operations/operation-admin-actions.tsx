import { RotateCcw, Ban } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { cancelOperationAction, retryOperationAction } from "@/lib/jobs/actions";

/** Retry (failed) and Cancel (queued) for provider admins; the actions check the role again on the server. */
export function OperationAdminActions({ id, state, targetName }: { id: string; state: string; targetName: string }) {
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
  if (state === "queued") {
    return (
      <ConfirmDialog
        trigger={
          <>
            <Ban aria-hidden /> Cancel
          </>
        }
        triggerVariant="outline"
        title="Cancel this operation?"
        description={`It has not started yet, so nothing has changed in Azure for ${targetName}.`}
        confirmLabel="Cancel operation"
        action={cancelOperationAction.bind(null, id)}
      />
    );
  }
  return null;
}
