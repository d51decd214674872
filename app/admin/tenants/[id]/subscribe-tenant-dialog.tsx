"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Plus } from "lucide-react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { subscribeTenantAction } from "@/lib/tenancy/actions";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

export type PlanOption = { id: string; name: string; state: string; description: string; isAvailable: boolean };

/** Any plan that is not retired; private plans are the provider's to hand out, so they are offered here and marked. */
export function SubscribeTenantDialog(props: { tenantId: string; tenantName: string; plans: PlanOption[]; isSuspended: boolean }) {
  const router = useRouter();
  const [isOpen, setOpen] = React.useState(false);
  const [planId, setPlanId] = React.useState("");
  const [result, setResult] = React.useState<ActionResult>(idleResult);
  const [isPending, startTransition] = React.useTransition();
  const errors = result.ok ? undefined : result;
  const plan = props.plans.find((p) => p.id === planId);

  function onOpenChange(next: boolean) {
    if (isPending) return;
    setOpen(next);
    if (!next) {
      setResult(idleResult);
      setPlanId("");
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await subscribeTenantAction(props.tenantId, idleResult, form);
      setResult(outcome);
      if (!outcome.ok) return;
      const { operationId } = outcome.data as { operationId: string };
      onOpenChange(false);
      toast.success(`Subscribed: the resource group is being created.`, {
        action: { label: "View operation", onClick: () => router.push(`/helpdesk/operations/${operationId}`) },
      });
      router.refresh();
    });
  }

  const trigger = (
    <Button disabled={props.isSuspended} title={props.isSuspended ? "Reactivate the tenant to subscribe it to a plan" : undefined}>
      <Plus aria-hidden /> Subscribe to a plan
    </Button>
  );
  if (props.isSuspended) return trigger;

  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Subscribe {props.tenantName} to a plan</DialogTitle>
            <DialogDescription>A resource group is created for the subscription in the plan&apos;s Azure subscription, as an operation.</DialogDescription>
          </DialogHeader>
          {props.plans.length === 0 ? (
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
                description={plan ? plan.description || undefined : "Private plans are offered only by you; tenants do not see them."}
              >
                <NativeSelect name="planId" value={planId} onChange={(e) => setPlanId(e.target.value)} placeholder="Choose a plan…" required disabled={isPending}>
                  {props.plans.map((p) => (
                    <option key={p.id} value={p.id} disabled={!p.isAvailable}>
                      {p.name}
                      {p.state === "private" ? " (private)" : ""}
                      {p.isAvailable ? "" : " — its Azure subscription is not active"}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
              <FormField label="Subscription name" name="name" optional error={errors?.fieldErrors?.name} description={`Defaults to the plan's name${plan ? ` (${plan.name})` : ""}.`}>
                <Input name="name" autoComplete="off" maxLength={64} disabled={isPending} />
              </FormField>
            </>
          )}
          <FormAlert>{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Subscribing…" disabled={props.plans.length === 0}>
              Subscribe
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
