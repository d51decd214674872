import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { vmNameProblem } from "@/lib/vms/rules";
import type { CreateVmSectionProps } from "./create-vm-state";

/** Step 3: the VM's name, or a prefix and a count for several at once. */
export function NameSection({ form, view, dispatch, fieldError, liveError }: CreateVmSectionProps) {
  const { names, osType } = view;
  // Bulk names all have one length, so checking the last one checks the suffix against Windows' 15 characters too.
  const nameProblem = form.name ? vmNameProblem(names[names.length - 1] ?? form.name, osType) : "Enter a name.";
  const rule = osType === "Windows" ? "at most 15 characters on Windows" : "letters, digits, hyphens and periods";
  return (
    <FormSection
      id="name"
      step={3}
      title="Name"
      description={`Used for the VM in Azure and as its computer name (${rule}). It cannot change later.`}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={form.isBulk ? "Name prefix" : "Name"}
          name="name"
          required
          error={liveError("name", nameProblem)}
        >
          <Input
            name="name"
            value={form.name}
            onChange={(e) => dispatch({ type: "change", values: { name: e.target.value } })}
            onBlur={() => dispatch({ type: "touch", field: "name" })}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
          />
        </FormField>
        <div className="grid content-start gap-3">
          <label className="flex items-center gap-2.5 pt-7 text-sm">
            <Switch
              checked={form.isBulk}
              onCheckedChange={(isBulk) => dispatch({ type: "change", values: { isBulk } })}
              aria-describedby="bulk-hint"
            />
            Create several
          </label>
          {form.isBulk && (
            <FormField
              label="How many"
              name="countInput"
              error={fieldError("count")}
              description="1 to 50 VMs, each with its own operation."
            >
              <Input
                type="number"
                min={1}
                max={50}
                value={form.count}
                onChange={(e) => dispatch({ type: "change", values: { count: Number(e.target.value) } })}
                className="w-28"
              />
            </FormField>
          )}
        </div>
      </div>
      <p id="bulk-hint" className="text-xs text-muted-foreground" aria-live="polite">
        {names.length > 1
          ? `Creates ${names.length} VMs: ${names.length > 4 ? `${names.slice(0, 3).join(", ")} … ${names[names.length - 1]}` : names.join(", ")}`
          : "Creates one VM. Turn on “Create several” to create up to 50 with this name as a prefix."}
      </p>
    </FormSection>
  );
}
