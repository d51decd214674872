import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { NativeSelect } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { CreateVmSectionProps } from "./create-vm-state";

/** Step 5: the virtual network (the region's default one unless another is chosen) and the public IP. */
export function NetworkSection({ form, view, dispatch, fieldError }: CreateVmSectionProps) {
  const { defaultNetwork, networks, osType } = view;
  const defaultHint = defaultNetwork
    ? `${defaultNetwork.addressSpace}, subnet "default".`
    : "Created with the first VM in this region, with a 10.x.0.0/16 address space.";
  return (
    <FormSection
      id="network"
      step={5}
      title="Networking"
      description="VMs in the same network reach each other on private addresses."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Virtual network"
          name="network"
          error={fieldError("network")}
          description={form.network === "default" ? defaultHint : undefined}
        >
          <NativeSelect
            name="network"
            value={form.network}
            onChange={(e) => dispatch({ type: "change", values: { network: e.target.value } })}
          >
            <option value="default">
              {defaultNetwork
                ? `${defaultNetwork.name} (default network)`
                : `Default network of ${form.region || "the region"} (created on first use)`}
            </option>
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({n.addressSpace})
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <div className="grid content-start gap-1.5">
          <label className="flex items-center gap-2.5 pt-7 text-sm">
            <Switch
              checked={form.publicIp}
              onCheckedChange={(publicIp) => dispatch({ type: "change", values: { publicIp } })}
              aria-describedby="public-ip-hint"
            />
            Public IP address
          </label>
          <p id="public-ip-hint" className="text-xs text-muted-foreground">
            A static public IP so you can connect over {osType === "Windows" ? "RDP" : "SSH"} from the internet; it
            counts against your public IP quota.
          </p>
        </div>
      </div>
    </FormSection>
  );
}
