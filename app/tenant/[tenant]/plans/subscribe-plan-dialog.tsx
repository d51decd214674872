"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { subscribeToPlanAction } from "@/lib/tenancy/actions";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

export function SubscribePlanDialog(props: { tenant: string; plan: { id: string; name: string }; isSubscribed: boolean; disabledReason?: string }) {
  const router = useRouter();
  const [isOpen, setOpen] = React.useState(false);
  const [result, setResult] = React.useState<ActionResult>(idleResult);
  const [isPending, startTransition] = React.useTransition();
  const errors = result.ok ? undefined : result;

  function onOpenChange(next: boolean) {
    if (isPending) return;
    setOpen(next);
    if (!next) setResult(idleResult);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await subscribeToPlanAction(props.tenant, idleResult, form);
      setResult(outcome);
      if (!outcome.ok) return;
      const { operationId } = outcome.data as { operationId: string };
      onOpenChange(false);
      toast.success(`Subscribed to ${props.plan.name}: your resource group is being created.`, {
        action: { label: "Follow it", onClick: () => router.push(`/tenant/${props.tenant}/operations/${operationId}`) },
      });
      router.refresh();
    });
  }

  const label = props.isSubscribed ? "Subscribe again" : "Subscribe";
  if (props.disabledReason) {
    return (
      <Button variant={props.isSubscribed ? "outline" : "default"} disabled title={props.disabledReason}>
        {label}
      </Button>
    );
  }
  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={props.isSubscribed ? "outline" : "default"} aria-label={`${label} to ${props.plan.name}`}>
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Subscribe to {props.plan.name}</DialogTitle>
            <DialogDescription>
              A resource group is created for this subscription in Azure; it takes a minute and you can follow it under Operations.
              {props.isSubscribed && " You already have a subscription to this plan: give this one a different name."}
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="planId" value={props.plan.id} />
          <FormField label="Subscription name" name="name" optional error={errors?.fieldErrors?.name ?? errors?.fieldErrors?.planId} description={`Defaults to "${props.plan.name}".`}>
            <Input name="name" autoComplete="off" maxLength={64} autoFocus disabled={isPending} />
          </FormField>
          <FormAlert>{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Subscribing…">
              Subscribe
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
