"use client";

import * as React from "react";
import { createPlanAction, updatePlanAction } from "@/lib/plans/actions";
import type { AttachableSubscription } from "@/lib/plans/queries";
import type { PlanQuotas } from "@/lib/plans/schema";
import { idleResult } from "@/lib/utils/action-result";
import { BasicsSection } from "./basics-section";
import { DrSection } from "./dr-section";
import { ImagesSection } from "./images-section";
import { initialPlanFormState, planFormReducer, planFormView, type PlanFormValues } from "./plan-form-state";
import { QuotasSection } from "./quotas-section";
import { ReviewSection } from "./review-section";
import { SizesSection } from "./sizes-section";
import { SubscriptionSection } from "./subscription-section";

type Props = {
  /** Absent for a new plan. */
  planId?: string;
  initial: PlanFormValues;
  subscriptions: AttachableSubscription[];
  /** Tenants subscribe to the plan, so its subscription cannot change. */
  isSubscriptionLocked?: boolean;
  hasAllowedRegions: boolean;
  usage?: PlanQuotas;
};

export function PlanForm({ planId, initial, subscriptions, isSubscriptionLocked, hasAllowedRegions, usage }: Props) {
  const action = planId ? updatePlanAction.bind(null, planId) : createPlanAction;
  const [state, formAction, isPending] = React.useActionState(action, idleResult);
  const [, startTransition] = React.useTransition();
  const formRef = React.useRef<HTMLFormElement>(null);
  const [form, dispatch] = React.useReducer(planFormReducer, initial, initialPlanFormState);
  const view = planFormView(form, subscriptions, initial);
  const errors = state.ok ? undefined : state;
  const fieldError = (key: string) => errors?.fieldErrors?.[key];
  const imageErrors = Object.entries(errors?.fieldErrors ?? {})
    .filter(([key]) => key.startsWith("allowedImages"))
    .flatMap(([, messages]) => messages ?? []);
  const sectionProps = { form, view, dispatch, fieldError };

  React.useEffect(() => {
    if (state.ok) return;
    const section = formRef.current?.querySelector("[data-invalid]");
    section?.scrollIntoView({ block: "center" });
    section
      ?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button[role=checkbox]")
      ?.focus({ preventScroll: true });
  }, [state]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault(); // calling the action ourselves keeps what was typed when it answers with errors
    const posted = new FormData(event.currentTarget);
    startTransition(() => formAction(posted));
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="grid gap-8"
      aria-label={planId ? "Edit plan" : "New plan"}
    >
      {view.chosenSizes.map((name) => (
        <input key={name} type="hidden" name="allowedSizes" value={name} />
      ))}
      {view.chosenImages.map(({ image, version }) => (
        <input
          key={image.key}
          type="hidden"
          name="allowedImages"
          value={JSON.stringify({ publisher: image.publisher, offer: image.offer, sku: image.sku, version })}
        />
      ))}
      <BasicsSection {...sectionProps} initial={initial} isNew={!planId} />
      <SubscriptionSection
        {...sectionProps}
        subscriptions={subscriptions}
        isSubscriptionLocked={isSubscriptionLocked}
      />
      <SizesSection {...sectionProps} hasAllowedRegions={hasAllowedRegions} />
      <ImagesSection {...sectionProps} errors={imageErrors} />
      <QuotasSection initial={initial} usage={usage} offersDr={form.offersDr} fieldError={fieldError} />
      <DrSection {...sectionProps} />
      <ReviewSection
        view={view}
        offersDr={form.offersDr}
        planId={planId}
        formError={errors?.formError}
        isPending={isPending}
      />
    </form>
  );
}
