import { Power, PowerOff, RefreshCw, Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import {
  deleteSubscriptionAction,
  setSubscriptionEnabledAction,
  validateAgainAction,
} from "@/lib/subscriptions/actions";
import type { SubscriptionDetail } from "@/lib/subscriptions/queries";
import { RotateSecretDialog } from "./rotate-secret-dialog";
import { ActionButton } from "@/components/ui/action-button";

/** Header actions; each server action checks the admin role again, whatever this page rendered. */
export function SubscriptionActions({
  sub,
}: {
  sub: Pick<SubscriptionDetail, "id" | "displayName" | "state" | "plan">;
}) {
  const isDisabled = sub.state === "disabled";
  return (
    <>
      {!isDisabled && (
        <ActionButton
          variant="outline"
          action={validateAgainAction.bind(null, sub.id)}
          disabled={sub.state === "validating"}
          pendingLabel="Starting…"
        >
          <RefreshCw aria-hidden /> Validate again
        </ActionButton>
      )}
      <RotateSecretDialog id={sub.id} isDisabled={isDisabled} />
      {isDisabled ? (
        <ActionButton
          variant="outline"
          action={setSubscriptionEnabledAction.bind(null, sub.id, true)}
          pendingLabel="Enabling…"
        >
          <Power aria-hidden /> Enable
        </ActionButton>
      ) : (
        <ConfirmDialog
          trigger={
            <>
              <PowerOff aria-hidden /> Disable
            </>
          }
          triggerVariant="outline"
          title={`Disable ${sub.displayName}?`}
          description="The portal stops validating and using this subscription until you enable it again. Nothing in Azure is changed or deleted."
          confirmLabel="Disable"
          successMessage="Subscription disabled."
          action={setSubscriptionEnabledAction.bind(null, sub.id, false)}
        />
      )}
      <ConfirmDialog
        trigger={
          <>
            <Trash2 aria-hidden /> Delete
          </>
        }
        title={`Delete ${sub.displayName}?`}
        description={
          sub.plan
            ? `Plan "${sub.plan.name}" uses this subscription, so it cannot be deleted: retire and delete the plan first.`
            : "The portal forgets this subscription and its stored secret. Nothing in Azure is deleted, and you can onboard it again later."
        }
        confirmText={sub.plan ? undefined : sub.displayName}
        confirmLabel="Delete subscription"
        action={deleteSubscriptionAction.bind(null, sub.id)}
        successMessage="Subscription deleted."
      />
    </>
  );
}
