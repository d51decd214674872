import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { NativeSelect } from "@/components/ui/select";
import { imageKey } from "@/lib/vms/schema";
import { formatMemory } from "../vm-format";
import type { CreateVmSectionProps } from "./create-vm-state";

/** Step 2: the image, which decides the OS, and a size the plan offers in the chosen region. */
export function MachineSection({ form, view, dispatch, fieldError }: CreateVmSectionProps) {
  const { catalogue, chosenImage, chosenSize, regionSizes } = view;
  return (
    <FormSection
      id="machine"
      step={2}
      title="Image and size"
      description="The image decides the operating system; sizes are those your plan offers in this region."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Image"
          name="image"
          required
          error={fieldError("image")}
          description={
            chosenImage
              ? `${chosenImage.osType} · ${chosenImage.publisher} ${chosenImage.offer} ${chosenImage.sku}`
              : undefined
          }
        >
          <NativeSelect
            name="image"
            value={form.image}
            onChange={(e) => dispatch({ type: "change", values: { image: e.target.value } })}
            placeholder="Choose an image…"
            required
          >
            {(["Windows", "Linux"] as const).map((os) => {
              const images = catalogue.images.filter((i) => i.osType === os);
              return (
                images.length > 0 && (
                  <optgroup key={os} label={os}>
                    {images.map((i) => (
                      <option key={imageKey(i)} value={imageKey(i)}>
                        {i.label}
                      </option>
                    ))}
                  </optgroup>
                )
              );
            })}
          </NativeSelect>
        </FormField>
        <FormField
          label="Size"
          name="size"
          required
          error={fieldError("size")}
          description={
            chosenSize
              ? `${chosenSize.vCpus} vCPUs · ${formatMemory(chosenSize.memoryMb)} memory · up to ${chosenSize.maxDataDisks} data disks`
              : `${regionSizes.length} size${regionSizes.length === 1 ? "" : "s"} available in this region`
          }
        >
          <NativeSelect
            name="size"
            value={form.size}
            onChange={(e) => dispatch({ type: "change", values: { size: e.target.value } })}
            placeholder={regionSizes.length ? "Choose a size…" : "No size is offered in this region"}
            required
          >
            {regionSizes.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} — {s.vCpus} vCPU, {formatMemory(s.memoryMb)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
    </FormSection>
  );
}
