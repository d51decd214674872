"use client";

import * as React from "react";
import { toast } from "sonner";
import { Plus } from "lucide-react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { addFrontendAction } from "@/lib/network/actions";
import { guideDefaults } from "@/lib/network/schema";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";
import { ProbeChoiceSection, RuleFields, Section, useFormValues } from "../lb-fields";

type Props = {
  tenant: string;
  lb: {
    id: string;
    name: string;
    sku: string;
    region: string;
    frontendCount: number;
    probeCount: number;
    ruleCount: number;
  };
  pools: string[];
  probes: string[];
  publicIps: { id: string; name: string; ipAddress: string | null; sku: string }[];
  disabled?: boolean;
};

/**
 * "Add frontend IP": public IP, frontend, probe and rule in one form, prefilled with the next names (the guide's
 * PublicVIP2 / <lb>-FE2 / Probe2 / Rule2 for a load balancer with one frontend). Conflicts come back beside their fields.
 */
export function AddFrontendDialog({ tenant, lb, pools, probes, publicIps, disabled }: Props) {
  const [isOpen, setOpen] = React.useState(false);
  const n = lb.frontendCount + 1;
  const form = useFormValues({
    publicIpMode: "new",
    publicIpName: `PublicVIP${n}`,
    publicIpAllocation: guideDefaults.publicIpAllocation,
    publicIpSku: lb.sku,
    existingPublicIpId: "",
    frontendName: `${lb.name}-FE${n}`,
    probeChoice: "new",
    probeName: `Probe${lb.probeCount + 1}`,
    probeProtocol: guideDefaults.probeProtocol,
    probePort: String(guideDefaults.probePort),
    probePath: guideDefaults.probePath,
    probeInterval: String(guideDefaults.probeInterval),
    probeCount: String(guideDefaults.probeCount),
    ruleName: `Rule${lb.ruleCount + 1}`,
    ruleProtocol: guideDefaults.ruleProtocol,
    frontendPort: String(guideDefaults.frontendPort),
    backendPort: String(guideDefaults.backendPort),
    backendPool: pools[0] ?? "",
    idleTimeout: String(guideDefaults.idleTimeout),
    floatingIp: false,
    tcpReset: false,
  });
  const [state, formAction, isPending] = React.useActionState(async (prev: ActionResult, data: FormData) => {
    const result = await addFrontendAction(tenant, prev, data);
    if (result.ok) {
      setOpen(false);
      form.reset();
      toast.success("Adding the frontend IP… its steps show on this page.");
    }
    return result;
  }, idleResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const isExisting = form.values.publicIpMode === "existing";

  return (
    <Dialog open={isOpen} onOpenChange={(open) => !isPending && setOpen(open)}>
      <DialogTrigger asChild>
        <Button disabled={disabled}>
          <Plus aria-hidden /> Add frontend IP
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <ActionForm action={formAction} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Add a frontend IP to {lb.name}</DialogTitle>
            <DialogDescription>
              A public IP, a frontend, a health probe and a load-balancing rule, saved together as one update of the
              load balancer. Nothing changes if Azure would refuse any part.
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="loadBalancerId" value={lb.id} />

          <Section title="Public IP address">
            <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label="Public IP address">
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="publicIpMode"
                  value="new"
                  checked={!isExisting}
                  onChange={() => form.set("publicIpMode", "new")}
                  className="accent-primary"
                />{" "}
                Create a new one
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="publicIpMode"
                  value="existing"
                  checked={isExisting}
                  onChange={() => form.set("publicIpMode", "existing")}
                  className="accent-primary"
                  disabled={publicIps.length === 0}
                />
                Use an unattached one{publicIps.length === 0 ? " (none)" : ""}
              </label>
            </div>
            {isExisting ? (
              <FormField
                label="Public IP address"
                name="existingPublicIpId"
                required
                error={errors?.existingPublicIpId}
              >
                <NativeSelect
                  {...form.text("existingPublicIpId")}
                  placeholder="Choose an address…"
                  options={publicIps.map((p) => ({
                    value: p.id,
                    label: `${p.name} · ${p.ipAddress ?? "no address"} · ${p.sku}`,
                  }))}
                />
              </FormField>
            ) : (
              <div className="grid gap-3 sm:grid-cols-3">
                <FormField label="Name" name="publicIpName" required error={errors?.publicIpName}>
                  <Input {...form.text("publicIpName")} autoComplete="off" />
                </FormField>
                <FormField label="Assignment" name="publicIpAllocation" error={errors?.publicIpAllocation}>
                  <NativeSelect
                    {...form.text("publicIpAllocation")}
                    options={[
                      { value: "Static", label: "Static" },
                      { value: "Dynamic", label: "Dynamic" },
                    ]}
                  />
                </FormField>
                <FormField
                  label="SKU"
                  name="publicIpSku"
                  description={`Must match the load balancer (${lb.sku}).`}
                  error={errors?.publicIpSku}
                >
                  <NativeSelect
                    {...form.text("publicIpSku")}
                    options={[
                      { value: "Standard", label: "Standard" },
                      { value: "Basic", label: "Basic" },
                    ]}
                  />
                </FormField>
              </div>
            )}
          </Section>

          <Section title="Frontend">
            <FormField label="Frontend name" name="frontendName" required error={errors?.frontendName}>
              <Input {...form.text("frontendName")} autoComplete="off" />
            </FormField>
          </Section>

          <ProbeChoiceSection form={form} errors={errors} probes={probes} />

          <Section
            title="Load-balancing rule"
            description={`Traffic to the new frontend on the frontend port goes to the pool's VMs on the backend port.`}
          >
            <RuleFields form={form} errors={errors} pools={pools} />
          </Section>

          <FormAlert>{state.ok ? undefined : state.formError}</FormAlert>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Adding…">
              Add frontend IP
            </SubmitButton>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
