"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Plus } from "lucide-react";
import { FormAlert } from "@/components/form-alert";
import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { subscribeTenantAction } from "@/lib/tenancy/actions";
import { idleResult } from "@/lib/utils/action-result";

export type PlanOption = { id: string; name: string; state: string; description: string; isAvailable: boolean };

/** Any plan that is not retired; private plans are the provider's to hand out, so they are offered here and marked. */
export function SubscribeTenantDialog(props: {
  tenantId: string;
  tenantName: string;
  plans: PlanOption[];
  isSuspended: boolean;
}) {
  const router = useRouter();
  const [planId, setPlanId] = React.useState("");
  const plan = props.plans.find((p) => p.id === planId);

  const trigger = (
    <Button
      disabled={props.isSuspended}
      title={props.isSuspended ? "Reactivate the tenant to subscribe it to a plan" : undefined}
    >
      <Plus aria-hidden /> Subscribe to a plan
    </Button>
  );
  if (props.isSuspended) return trigger;

  return (
    <FormDialog
      trigger={trigger}
      title={`Subscribe ${props.tenantName} to a plan`}
      description="A resource group is created for the subscription in the plan's Azure subscription, as an operation."
      action={(form) => subscribeTenantAction(props.tenantId, idleResult, form)}
      submitLabel="Subscribe"
      pendingLabel="Subscribing…"
      isSubmitDisabled={props.plans.length === 0}
      onClose={() => setPlanId("")}
      onSuccess={({ data: { operationId } }) => {
        toast.success(`Subscribed: the resource group is being created.`, {
          action: { label: "View operation", onClick: () => router.push(`/admin/operations/${operationId}`) },
        });
        router.refresh();
      }}
    >
      {({ errors, isPending }) =>
        props.plans.length === 0 ? (
          <FormAlert variant="info" title="No plans to offer">
            Create a plan first (Offer → Plans); retired plans take no new subscriptions.
          </FormAlert>
        ) : (
          <>
            <FormField
              label="Plan"
              name="planId"
              required
              error={errors?.fieldErrors?.planId}
              description={
                plan ? plan.description || undefined : "Private plans are offered only by you; tenants do not see them."
              }
            >
              <NativeSelect
                name="planId"
                value={planId}
                onChange={(e) => setPlanId(e.target.value)}
                placeholder="Choose a plan…"
                required
                disabled={isPending}
              >
                {props.plans.map((p) => (
                  <option key={p.id} value={p.id} disabled={!p.isAvailable}>
                    {p.name}
                    {p.state === "private" ? " (private)" : ""}
                    {p.isAvailable ? "" : " — its Azure subscription is not active"}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField
              label="Subscription name"
              name="name"
              optional
              error={errors?.fieldErrors?.name}
              description={`Defaults to the plan's name${plan ? ` (${plan.name})` : ""}.`}
            >
              <Input name="name" autoComplete="off" maxLength={64} disabled={isPending} />
            </FormField>
          </>
        )
      }
    </FormDialog>
  );
}
