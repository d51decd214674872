"use client";

import * as React from "react";
import Link from "next/link";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { createLoadBalancerAction } from "@/lib/network/actions";
import { guideDefaults } from "@/lib/network/schema";
import { idleResult } from "@/lib/utils/action-result";
import { ProbeFields, RuleFields, Section, useFormValues } from "../lb-fields";

type Props = {
  tenant: string;
  subscriptions: { id: string; name: string; regions: { name: string; displayName: string }[] }[];
  vms: {
    id: string;
    name: string;
    region: string;
    tenantSubscriptionId: string;
    privateIp: string | null;
    provisioningState: string;
  }[];
  cancelHref: string;
};

/** Child names follow the load balancer's name (MultiVIPLB → MultiVIPLB-FE1, MultiVIPLB-BE) until the user edits them. */
const derived = (name: string) => ({ frontendName: `${name}-FE1`, backendPool: `${name}-BE` });

export function CreateLoadBalancerForm({ tenant, subscriptions, vms, cancelHref }: Props) {
  const form = useFormValues({
    tenantSubscriptionId: subscriptions[0].id,
    name: "",
    region: subscriptions[0].regions[0]?.name ?? "",
    sku: "Standard",
    frontendName: "",
    publicIpName: "PublicVIP1",
    publicIpAllocation: "Static",
    backendPool: "",
    probeName: "Probe1",
    probeProtocol: guideDefaults.probeProtocol,
    probePort: String(guideDefaults.probePort),
    probePath: guideDefaults.probePath,
    probeInterval: String(guideDefaults.probeInterval),
    probeCount: String(guideDefaults.probeCount),
    ruleName: "Rule1",
    ruleProtocol: guideDefaults.ruleProtocol,
    frontendPort: String(guideDefaults.frontendPort),
    backendPort: String(guideDefaults.backendPort),
    idleTimeout: String(guideDefaults.idleTimeout),
    floatingIp: false,
    tcpReset: false,
  });
  const [members, setMembers] = React.useState<string[]>([]);
  const [state, formAction, isPending] = React.useActionState(createLoadBalancerAction.bind(null, tenant), idleResult);
  const errors = state.ok ? undefined : state.fieldErrors;
  const subscription = subscriptions.find((s) => s.id === form.values.tenantSubscriptionId) ?? subscriptions[0];
  const regionVms = vms.filter((v) => v.tenantSubscriptionId === subscription.id && v.region === form.values.region);
  const name = String(form.values.name);

  function rename(next: string) {
    const before = derived(name);
    const after = derived(next);
    form.set("name", next);
    if (!form.values.frontendName || form.values.frontendName === before.frontendName)
      form.set("frontendName", after.frontendName);
    if (!form.values.backendPool || form.values.backendPool === before.backendPool)
      form.set("backendPool", after.backendPool);
  }

  return (
    <ActionForm action={formAction} className="grid max-w-3xl gap-5" noValidate aria-label="Create a load balancer">
      <Section title="Load balancer">
        <div className="grid gap-3 sm:grid-cols-2">
          {subscriptions.length > 1 ? (
            <FormField label="Subscription" name="tenantSubscriptionId" required error={errors?.tenantSubscriptionId}>
              <NativeSelect
                {...form.text("tenantSubscriptionId")}
                options={subscriptions.map((s) => ({ value: s.id, label: s.name }))}
              />
            </FormField>
          ) : (
            <input type="hidden" {...form.text("tenantSubscriptionId")} />
          )}
          <FormField label="Name" name="name" required error={errors?.name}>
            <Input
              name="name"
              value={name}
              onChange={(e) => rename(e.target.value)}
              placeholder="MultiVIPLB"
              autoComplete="off"
            />
          </FormField>
          <FormField label="Region" name="region" required error={errors?.region}>
            <NativeSelect
              {...form.text("region")}
              options={subscription.regions.map((r) => ({ value: r.name, label: r.displayName }))}
              placeholder="Choose a region…"
            />
          </FormField>
          <FormField
            label="SKU"
            name="sku"
            description="Standard: zone-redundant, TCP reset, secure by default. Basic was retired in September 2025."
            error={errors?.sku}
          >
            <NativeSelect
              {...form.text("sku")}
              options={[
                { value: "Standard", label: "Standard" },
                { value: "Basic", label: "Basic (retired)" },
              ]}
            />
          </FormField>
        </div>
      </Section>

      <Section
        title="First frontend"
        description="A new Standard public IP address: Static, assigned when it is created."
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField label="Frontend name" name="frontendName" required error={errors?.frontendName}>
            <Input {...form.text("frontendName")} autoComplete="off" />
          </FormField>
          <FormField label="Public IP name" name="publicIpName" required error={errors?.publicIpName}>
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
        </div>
      </Section>

      <Section
        title="Backend pool"
        description="The VMs that receive the traffic; their network interfaces join the pool as part of the operation."
      >
        <FormField label="Pool name" name="backendPool" required error={errors?.backendPool}>
          <Input {...form.text("backendPool")} autoComplete="off" />
        </FormField>
        <fieldset className="grid gap-1.5" aria-describedby={errors?.memberVmIds ? "members-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">VMs in {form.values.region || "the region"}</legend>
          {regionVms.length === 0 ? (
            <p className="text-sm text-muted-foreground">No VMs in this region yet; the pool starts empty.</p>
          ) : (
            regionVms.map((vm) => (
              <label key={vm.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="memberVmIds"
                  value={vm.id}
                  className="size-4 accent-primary"
                  checked={members.includes(vm.id)}
                  onChange={(e) => setMembers((m) => (e.target.checked ? [...m, vm.id] : m.filter((x) => x !== vm.id)))}
                />
                {vm.name}
                <span className="font-mono text-xs text-muted-foreground">
                  {vm.privateIp ?? (vm.provisioningState === "Creating" ? "being created" : "")}
                </span>
              </label>
            ))
          )}
          {errors?.memberVmIds?.map((m) => (
            <p key={m} id="members-error" className="text-xs font-medium text-destructive">
              {m}
            </p>
          ))}
        </fieldset>
      </Section>

      <Section title="Health probe">
        <ProbeFields form={form} errors={errors} />
      </Section>

      <Section title="Load-balancing rule">
        <RuleFields form={form} errors={errors} pools={[]} isPoolFixed />
      </Section>

      <FormAlert>{state.ok ? undefined : state.formError}</FormAlert>
      <div className="flex gap-2">
        <SubmitButton isPending={isPending} pendingLabel="Creating…">
          Create load balancer
        </SubmitButton>
        <Button asChild variant="ghost">
          <Link href={cancelHref}>Cancel</Link>
        </Button>
      </div>
    </ActionForm>
  );
}
