import Link from "next/link";
import { FormAlert } from "@/components/form-alert";
import { FormSection } from "@/components/form-section";
import type { PlanSectionProps } from "./plan-form-state";
import { SizePicker } from "./size-picker";

// Inside a sentence a link is underlined: its colour alone is too close to the text around it (WCAG 1.4.1).
const regionsLink = "text-primary underline underline-offset-4";

/** The VM sizes tenants may use: those the subscription offers in an allowed region, with saved ones it dropped. */
export function SizesSection({
  form,
  view,
  dispatch,
  fieldError,
  hasAllowedRegions,
}: PlanSectionProps & { hasAllowedRegions: boolean }) {
  const { subscription, offerable, droppedSizes } = view;
  const error = fieldError("allowedSizes");
  return (
    <FormSection
      id="sizes"
      layout="aside"
      title="VM sizes"
      error={error}
      description={
        <>
          Sizes tenants may create VMs with. Only sizes the subscription offers in an{" "}
          <Link href="/admin/regions" className={regionsLink}>
            allowed region
          </Link>{" "}
          are listed.
        </>
      }
    >
      {!subscription ? (
        <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
          Choose a subscription to see the sizes it offers.
        </p>
      ) : !hasAllowedRegions || offerable.length === 0 ? (
        <FormAlert variant="warning" title="No size can be offered">
          {hasAllowedRegions ? "This subscription offers no size in the allowed regions." : "No region is allowed yet."}{" "}
          <Link href="/admin/regions" className={`font-medium ${regionsLink}`}>
            Choose the allowed regions
          </Link>{" "}
          first.
        </FormAlert>
      ) : (
        <div className="grid gap-3">
          {droppedSizes.length > 0 && (
            <FormAlert variant="warning">
              {droppedSizes.join(", ")} {droppedSizes.length === 1 ? "is" : "are"} no longer offered in an allowed
              region and will be removed when you save.
            </FormAlert>
          )}
          <SizePicker
            sizes={offerable}
            selected={form.sizes}
            onChange={(sizes) => dispatch({ type: "chooseSizes", sizes })}
            isInvalid={Boolean(error)}
            describedBy={error ? "sizes-error" : undefined}
          />
        </div>
      )}
    </FormSection>
  );
}
