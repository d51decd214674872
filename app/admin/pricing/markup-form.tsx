"use client";

import * as React from "react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { setPlanPricingAction } from "@/lib/pricing/actions";
import { MARKUP_FIXED, MARKUP_PERCENT } from "@/lib/pricing/schema";
import { idleResult } from "@/lib/utils/action-result";

type PlanPricing = { id: string; name: string; currency: string; markupKind: string; markupValue: string };

/** One plan's currency and markup, refused beside the field when out of bounds. */
export function MarkupForm({ plan }: { plan: PlanPricing }) {
  const [state, action, isPending] = React.useActionState(setPlanPricingAction.bind(null, plan.id), idleResult);
  const errors = state.ok ? undefined : state;
  const [kind, setKind] = React.useState(plan.markupKind);
  const bounds = kind === "percent" ? MARKUP_PERCENT : MARKUP_FIXED;
  return (
    <ActionForm action={action} className="grid gap-3" aria-label={`Pricing of ${plan.name}`}>
      <div className="grid gap-3 sm:grid-cols-[6rem_9rem_10rem_auto] sm:items-start">
        <FormField label="Currency" name={`currency-${plan.id}`} error={errors?.fieldErrors?.currency}>
          <Input name="currency" defaultValue={plan.currency} maxLength={3} className="uppercase" />
        </FormField>
        <FormField label="Markup" name={`kind-${plan.id}`} error={errors?.fieldErrors?.markupKind}>
          <NativeSelect
            name="markupKind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={[
              { value: "percent", label: "Percent" },
              { value: "fixed", label: "Fixed per unit" },
            ]}
          />
        </FormField>
        <FormField
          label={kind === "percent" ? "Percent" : "Amount per unit"}
          name={`value-${plan.id}`}
          description={`${bounds.min} to ${bounds.max}; negative is a discount`}
          error={errors?.fieldErrors?.markupValue}
        >
          <Input name="markupValue" type="number" step="any" defaultValue={plan.markupValue} />
        </FormField>
        <div className="sm:pt-6">
          <SubmitButton isPending={isPending} pendingLabel="Saving…" variant="outline">
            Save
          </SubmitButton>
        </div>
      </div>
      {errors?.formError && <FormAlert>{errors.formError}</FormAlert>}
      {state.ok && state.message && (
        <p role="status" className="text-sm text-muted-foreground">
          {state.message}
        </p>
      )}
    </ActionForm>
  );
}
