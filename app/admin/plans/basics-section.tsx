import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { PlanFormValues, PlanSectionProps } from "./plan-form-state";

const visibilities = [
  ["private", "Private", "Only admins subscribe tenants. Good while you try the plan out."],
  ["public", "Public", "Tenants see the plan and can subscribe to it themselves."],
] as const;

/** Name, description and, for a new plan, who may subscribe; an existing plan's visibility changes from its page. */
export function BasicsSection({
  form,
  dispatch,
  fieldError,
  initial,
  isNew,
}: Omit<PlanSectionProps, "view"> & { initial: PlanFormValues; isNew: boolean }) {
  return (
    <FormSection id="basics" layout="aside" title="Basics" description="What tenants see when they choose a plan.">
      <div className="grid max-w-xl gap-4">
        <FormField label="Name" name="name" required error={fieldError("name")}>
          <Input name="name" defaultValue={initial.name} maxLength={64} autoComplete="off" autoFocus={isNew} />
        </FormField>
        <FormField
          label="Description"
          name="description"
          optional
          error={fieldError("description")}
          description="Up to 500 characters, e.g. what the plan is for and what it includes."
        >
          <Textarea name="description" defaultValue={initial.description} maxLength={500} rows={3} />
        </FormField>
        {!isNew ? (
          <p className="text-sm text-muted-foreground">
            Visibility and retirement are changed from the plan&apos;s page.
          </p>
        ) : (
          <fieldset className="grid gap-2" data-invalid={fieldError("state") ? true : undefined}>
            <legend className="mb-1 text-sm font-medium">Who may subscribe</legend>
            {visibilities.map(([value, label, hint]) => (
              <label
                key={value}
                className="flex cursor-pointer items-start gap-2.5 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5"
              >
                <input
                  type="radio"
                  name="state"
                  value={value}
                  checked={form.visibility === value}
                  onChange={() => dispatch({ type: "setVisibility", visibility: value })}
                  className="mt-0.5 accent-[var(--primary)]"
                />
                <span>
                  <span className="font-medium">{label}</span>
                  <span className="block text-muted-foreground">{hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </div>
    </FormSection>
  );
}
