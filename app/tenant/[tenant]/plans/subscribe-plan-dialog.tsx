"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { subscribeToPlanAction } from "@/lib/tenancy/actions";
import { idleResult } from "@/lib/utils/action-result";

export function SubscribePlanDialog(props: {
  tenant: string;
  plan: { id: string; name: string };
  isSubscribed: boolean;
  disabledReason?: string;
}) {
  const router = useRouter();
  const label = props.isSubscribed ? "Subscribe again" : "Subscribe";
  if (props.disabledReason) {
    return (
      <Button variant={props.isSubscribed ? "outline" : "default"} disabled title={props.disabledReason}>
        {label}
      </Button>
    );
  }
  return (
    <FormDialog
      trigger={
        <Button variant={props.isSubscribed ? "outline" : "default"} aria-label={`${label} to ${props.plan.name}`}>
          {label}
        </Button>
      }
      title={`Subscribe to ${props.plan.name}`}
      description={
        <>
          A resource group is created for this subscription in Azure; it takes a minute and you can follow it under
          Operations.
          {props.isSubscribed && " You already have a subscription to this plan: give this one a different name."}
        </>
      }
      action={(form) => subscribeToPlanAction(props.tenant, idleResult, form)}
      submitLabel="Subscribe"
      pendingLabel="Subscribing…"
      onSuccess={({ data: { operationId } }) => {
        toast.success(`Subscribed to ${props.plan.name}: your resource group is being created.`, {
          action: {
            label: "Follow it",
            onClick: () => router.push(`/tenant/${props.tenant}/operations/${operationId}`),
          },
        });
        router.refresh();
      }}
    >
      {({ errors, isPending }) => (
        <>
          <input type="hidden" name="planId" value={props.plan.id} />
          <FormField
            label="Subscription name"
            name="name"
            optional
            error={errors?.fieldErrors?.name ?? errors?.fieldErrors?.planId}
            description={`Defaults to "${props.plan.name}".`}
          >
            <Input name="name" autoComplete="off" maxLength={64} autoFocus disabled={isPending} />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
