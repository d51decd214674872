import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { NativeSelect } from "@/components/ui/select";
import type { CreateVmSectionProps, SubscriptionOption } from "./create-vm-state";

/** Step 1: the tenant subscription (whose plan and quota the VM uses) and the region. */
export function PlacementSection({
  form,
  view,
  dispatch,
  fieldError,
  subscriptions,
}: CreateVmSectionProps & { subscriptions: SubscriptionOption[] }) {
  const { catalogue } = view;
  return (
    <FormSection
      id="placement"
      step={1}
      title="Subscription and region"
      description="Where the VM runs and which plan's quota it uses."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Subscription"
          name="tenantSubscriptionId"
          required
          error={fieldError("tenantSubscriptionId")}
          description={`Plan: ${view.subscription.planName}`}
        >
          <NativeSelect
            name="tenantSubscriptionId"
            value={form.subscriptionId}
            onChange={(e) =>
              dispatch({
                type: "changeSubscription",
                subscription: subscriptions.find((s) => s.id === e.target.value)!,
              })
            }
          >
            {subscriptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Region" name="region" required error={fieldError("region")}>
          <NativeSelect
            name="region"
            value={form.region}
            onChange={(e) => dispatch({ type: "changeRegion", region: e.target.value, catalogue })}
            placeholder={catalogue.regions.length ? undefined : "No region is offered"}
          >
            {catalogue.regions.map((r) => (
              <option key={r.name} value={r.name}>
                {r.displayName}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
    </FormSection>
  );
}
