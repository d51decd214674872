"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { NativeSelect, type SelectOption } from "@/components/ui/select";
import { setupTenantAction } from "@/lib/dr/actions";
import { idleResult } from "@/lib/utils/action-result";

export type SetupDefaults = Record<string, string>;

/** The tenant DR setup: the guide's values are the defaults; every field's error shows beside it. */
export function SetupForm({ containerId, tenantSubscriptionId, defaults, networks }: { containerId: string; tenantSubscriptionId: string; defaults: SetupDefaults; networks: SelectOption[] }) {
  const [state, action, isPending] = React.useActionState(setupTenantAction, idleResult);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  const field = (name: string, label: string, description?: string) => (
    <FormField label={label} name={name} description={description} error={e(name)} required>
      <Input name={name} defaultValue={defaults[name]} />
    </FormField>
  );
  return (
    <form action={action} className="space-y-6">
      <input type="hidden" name="containerId" value={containerId} />
      <input type="hidden" name="tenantSubscriptionId" value={tenantSubscriptionId} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">1 · Targets in the tenant&apos;s subscription</legend>
        {field("resourceGroup", "Resource group")}
        {field("storageAccount", "Storage account (Standard_GRS)", "3–24 lowercase letters and digits; checked for availability in Azure.")}
        {field("vnetName", "Virtual network")}
        {field("addressSpace", "Address space", "Must not overlap the tenant's other networks.")}
        {field("subnetName", "Subnet")}
        {field("subnetPrefix", "Subnet prefix")}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">2 · Replication policy (HyperVReplicaAzure)</legend>
        {field("policyName", "Policy name")}
        <FormField label="Copy frequency" name="copyFrequencySeconds" error={e("copyFrequencySeconds")} required>
          <NativeSelect name="copyFrequencySeconds" defaultValue={defaults.copyFrequencySeconds} options={[{ value: "30", label: "30 seconds" }, { value: "300", label: "5 minutes" }, { value: "900", label: "15 minutes" }]} />
        </FormField>
        {field("recoveryPointHours", "Recovery points to keep (hours)", "1–24.")}
        {field("appConsistentHours", "App-consistent snapshot frequency (hours)", "0 turns them off; at most the hours kept.")}
        <FormField label="Initial replication start (UTC, HH:MM)" name="initialReplicationStart" description="Empty starts now." error={e("initialReplicationStart")} optional>
          <Input name="initialReplicationStart" defaultValue={defaults.initialReplicationStart} placeholder="Now" />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">3 · Network mapping</legend>
        <FormField label="On-premises VM network" name="vmNetworkId" description="Mapped to the virtual network above." error={e("vmNetworkId")} required>
          <NativeSelect name="vmNetworkId" options={networks} placeholder="Choose…" defaultValue={defaults.vmNetworkId} />
        </FormField>
      </fieldset>
      {!state.ok && state.formError && <FormAlert>{state.formError}</FormAlert>}
      {state.ok && state.message && <FormAlert variant="info">{state.message} The steps below update as they run.</FormAlert>}
      <SubmitButton isPending={isPending} pendingLabel="Starting…">Save and run setup</SubmitButton>
    </form>
  );
}
