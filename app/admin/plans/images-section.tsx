import { FormAlert } from "@/components/form-alert";
import { FormSection } from "@/components/form-section";
import { ImagePicker } from "./image-picker";
import type { PlanSectionProps } from "./plan-form-state";

/** The OS images tenants may start VMs from, each following the latest version or pinned to one. */
export function ImagesSection({
  form,
  view,
  dispatch,
  errors,
}: Omit<PlanSectionProps, "fieldError"> & { errors: string[] }) {
  const { subscription } = view;
  return (
    <FormSection
      id="images"
      layout="aside"
      title="OS images"
      error={errors.length ? errors : undefined}
      description="Images tenants may start VMs from. Latest follows Azure's newest version; a pinned version stays fixed."
    >
      {!subscription ? (
        <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
          Choose a subscription to see its image catalogue.
        </p>
      ) : subscription.images.length === 0 ? (
        <FormAlert variant="warning">
          Validation found no images in this subscription. Validate it again from its page.
        </FormAlert>
      ) : (
        <ImagePicker
          images={subscription.images}
          selected={form.images}
          onChange={(images) => dispatch({ type: "chooseImages", images })}
          describedBy={errors.length ? "images-error" : undefined}
        />
      )}
    </FormSection>
  );
}
