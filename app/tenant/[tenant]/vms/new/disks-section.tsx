import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { Input } from "@/components/ui/input";
import type { CreateVmSectionProps } from "./create-vm-state";

/** Step 6: empty data disks, as many as the chosen size takes, all of one size. */
export function DisksSection({ form, view, dispatch, fieldError }: CreateVmSectionProps) {
  const { chosenSize } = view;
  return (
    <FormSection
      id="disks"
      step={6}
      title="Data disks"
      description="Empty managed disks besides the OS disk; you can add or remove them later."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Number of data disks"
          name="dataDiskCount"
          error={fieldError("dataDiskCount")}
          description={chosenSize ? `${chosenSize.name} takes up to ${chosenSize.maxDataDisks}.` : undefined}
        >
          <Input
            type="number"
            name="dataDiskCount"
            min={0}
            max={chosenSize?.maxDataDisks ?? 16}
            value={form.diskCount}
            onChange={(e) => dispatch({ type: "change", values: { diskCount: Number(e.target.value) } })}
            className="w-28"
          />
        </FormField>
        {form.diskCount > 0 && (
          <FormField
            label="Size of each disk (GiB)"
            name="dataDiskSizeGb"
            error={fieldError("dataDiskSizeGb")}
            description="4 to 32,767 GiB."
          >
            <Input
              type="number"
              name="dataDiskSizeGb"
              min={4}
              max={32767}
              value={form.diskSize}
              onChange={(e) => dispatch({ type: "change", values: { diskSize: Number(e.target.value) } })}
              className="w-32"
            />
          </FormField>
        )}
      </div>
    </FormSection>
  );
}
