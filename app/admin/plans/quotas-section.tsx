import * as React from "react";
import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { Input } from "@/components/ui/input";
import { quotaFieldNames, quotaFields, type PlanQuotas } from "@/lib/plans/schema";
import type { PlanFormValues } from "./plan-form-state";

type Props = {
  initial: PlanFormValues;
  usage?: PlanQuotas;
  offersDr: boolean;
  fieldError: (key: string) => string[] | undefined;
};

/** One number per quota, with what tenants already use when the plan is edited. */
export function QuotasSection({ initial, usage, offersDr, fieldError }: Props) {
  return (
    <FormSection
      id="quotas"
      layout="aside"
      title="Quotas"
      description="Totals per tenant subscription. Use 0 to offer none."
    >
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {quotaFieldNames.map((field) => (
          <FormField
            key={field}
            label={quotaFields[field].label}
            name={field}
            required
            error={fieldError(field)}
            description={
              [
                usage ? `${usage[field]} in use.` : null,
                field === "quotaProtectedVms" && !offersDr ? "Applies once DR is offered." : null,
              ]
                .filter(Boolean)
                .join(" ") || undefined
            }
          >
            <QuotaInput
              name={field}
              unit={quotaFields[field].unit}
              defaultValue={initial.quotas[field]}
              max={quotaFields[field].max}
            />
          </FormField>
        ))}
      </div>
    </FormSection>
  );
}

function QuotaInput({ unit, ...props }: React.ComponentProps<typeof Input> & { unit: string }) {
  return (
    <div className="relative">
      <Input type="number" inputMode="numeric" min={0} step={1} className="pr-28 tabular-nums" {...props} />
      <span
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-muted-foreground"
      >
        {unit}
      </span>
    </div>
  );
}
