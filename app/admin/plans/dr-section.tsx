import { FormSection } from "@/components/form-section";
import { Switch } from "@/components/ui/switch";
import type { PlanSectionProps } from "./plan-form-state";

/** Whether tenants on the plan may protect VMs with Site Recovery; the protected VMs quota applies only then. */
export function DrSection({ form, dispatch }: Pick<PlanSectionProps, "form" | "dispatch">) {
  return (
    <FormSection
      id="dr"
      layout="aside"
      title="Disaster recovery"
      description="Tenants on a DR plan can protect their on-premises VMs to Azure with Site Recovery."
    >
      <div className="flex items-start gap-3">
        <Switch
          id="field-offersDr"
          name="offersDr"
          checked={form.offersDr}
          onCheckedChange={(offersDr) => dispatch({ type: "setOffersDr", offersDr })}
          aria-describedby="offersDr-hint"
        />
        <div className="grid gap-0.5">
          <label htmlFor="field-offersDr" className="cursor-pointer text-sm font-medium">
            Offer DR to tenants on this plan
          </label>
          <p id="offersDr-hint" className="text-sm text-muted-foreground">
            {form.offersDr
              ? "Tenants can protect as many VMs as the protected VMs quota allows."
              : "Off: tenants on this plan cannot protect VMs."}
          </p>
        </div>
      </div>
    </FormSection>
  );
}
