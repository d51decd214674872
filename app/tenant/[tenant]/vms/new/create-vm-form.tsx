"use client";

import * as React from "react";
import { Card, CardContent } from "@/components/ui/card";
import { createVmAction } from "@/lib/vms/actions";
import { idleResult } from "@/lib/utils/action-result";
import { AccountSection } from "./account-section";
import {
  createVmReducer,
  createVmView,
  initialCreateVmState,
  type CreateVmSectionProps,
  type SubscriptionOption,
} from "./create-vm-state";
import { DisksSection } from "./disks-section";
import { MachineSection } from "./machine-section";
import { NameSection } from "./name-section";
import { NetworkSection } from "./network-section";
import { PlacementSection } from "./placement-section";
import { ReviewCard } from "./review-card";

type Props = { tenant: string; subscriptions: SubscriptionOption[]; cancelHref: string };

export function CreateVmForm({ tenant, subscriptions, cancelHref }: Props) {
  const [state, formAction, isPending] = React.useActionState(createVmAction.bind(null, tenant), idleResult);
  const [, startTransition] = React.useTransition();
  const formRef = React.useRef<HTMLFormElement>(null);
  const [form, dispatch] = React.useReducer(createVmReducer, subscriptions[0], initialCreateVmState);
  const view = createVmView(form, subscriptions);

  const serverErrors = state.ok ? undefined : state;
  const fieldError = (key: string) => serverErrors?.fieldErrors?.[key];
  const sectionProps: CreateVmSectionProps = {
    form,
    view,
    dispatch,
    fieldError,
    liveError: (key, problem) => (form.touched.has(key) && problem) || fieldError(key),
  };

  React.useEffect(() => {
    if (state.ok) return;
    const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]");
    invalid?.focus();
  }, [state]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault(); // calling the action ourselves keeps what was typed when it answers with errors
    if (view.overruns.length) return;
    const posted = new FormData(event.currentTarget);
    dispatch({ type: "submitted" });
    startTransition(() => formAction(posted));
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label="Create a virtual machine"
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start"
    >
      <input type="hidden" name="osType" value={view.osType} />
      <input type="hidden" name="count" value={view.vmCount} />
      <input type="hidden" name="authType" value={view.authType} />
      <input type="hidden" name="publicIp" value={form.publicIp ? "true" : "false"} />
      <Card>
        <CardContent className="grid gap-8 pt-6">
          <PlacementSection {...sectionProps} subscriptions={subscriptions} />
          <MachineSection {...sectionProps} />
          <NameSection {...sectionProps} />
          <AccountSection {...sectionProps} />
          <NetworkSection {...sectionProps} />
          <DisksSection {...sectionProps} />
        </CardContent>
      </Card>
      <ReviewCard
        form={form}
        view={view}
        formError={serverErrors?.formError}
        isPending={isPending}
        cancelHref={cancelHref}
      />
    </form>
  );
}
