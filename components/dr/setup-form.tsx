"use client";

import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { NativeSelect, type SelectOption } from "@/components/ui/select";
import type { SetupDefaults } from "@/lib/dr/setup-defaults";
import type { ActionResult } from "@/lib/utils/action-result";
import { useKeptActionState } from "./kept-action-state";

export type SetupFormProps = {
  /** The admin's setupTenantAction or the owner's setupOwnDrAction (bound to the tenant): one service behind both. */
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  containerId: string;
  tenantSubscriptionId: string;
  defaults: SetupDefaults;
  networks: SelectOption[];
  /** The setup's operation is queued or running: the "started" notice shows only until the steps have finished. */
  isRunning: boolean;
};

/** The tenant DR setup: the guide's values are the defaults; every field's error shows beside it and every value survives a refused post. */
export function SetupForm({
  action,
  containerId,
  tenantSubscriptionId,
  defaults,
  networks,
  isRunning,
}: SetupFormProps) {
  const { state, formAction, isPending, value, posts } = useKeptActionState(action, defaults);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  const field = (name: string, label: string, description?: string) => (
    <FormField label={label} name={name} description={description} error={e(name)} required>
      <Input name={name} defaultValue={value(name)} />
    </FormField>
  );
  return (
    <form action={formAction} className="space-y-6">
      <input type="hidden" name="containerId" value={containerId} />
      <input type="hidden" name="tenantSubscriptionId" value={tenantSubscriptionId} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">1 · Targets in the tenant&apos;s subscription</legend>
        {field("resourceGroup", "Resource group")}
        {field(
          "storageAccount",
          "Storage account (Standard_GRS)",
          "3–24 lowercase letters and digits; checked for availability in Azure.",
        )}
        {field("vnetName", "Virtual network")}
        {field("addressSpace", "Address space", "Must not overlap the tenant's other networks.")}
        {field("subnetName", "Subnet")}
        {field("subnetPrefix", "Subnet prefix")}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">2 · Replication policy (HyperVReplicaAzure)</legend>
        {field("policyName", "Policy name")}
        <FormField label="Copy frequency" name="copyFrequencySeconds" error={e("copyFrequencySeconds")} required>
          <NativeSelect
            key={posts}
            name="copyFrequencySeconds"
            defaultValue={value("copyFrequencySeconds")}
            options={[
              { value: "30", label: "30 seconds" },
              { value: "300", label: "5 minutes" },
              { value: "900", label: "15 minutes" },
            ]}
          />
        </FormField>
        {field("recoveryPointHours", "Recovery points to keep (hours)", "1–24.")}
        {field(
          "appConsistentHours",
          "App-consistent snapshot frequency (hours)",
          "0 turns them off; at most the hours kept.",
        )}
        <FormField
          label="Initial replication start (UTC, HH:MM)"
          name="initialReplicationStart"
          description="Empty starts now."
          error={e("initialReplicationStart")}
          optional
        >
          <Input name="initialReplicationStart" defaultValue={value("initialReplicationStart")} placeholder="Now" />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">3 · Network mapping</legend>
        <FormField
          label="On-premises VM network"
          name="vmNetworkId"
          description="Mapped to the virtual network above."
          error={e("vmNetworkId")}
          required
        >
          <NativeSelect
            key={posts}
            name="vmNetworkId"
            options={networks}
            placeholder="Choose…"
            defaultValue={value("vmNetworkId")}
          />
        </FormField>
      </fieldset>
      {!state.ok && state.formError && <FormAlert>{state.formError}</FormAlert>}
      {state.ok && state.message && isRunning && (
        <FormAlert variant="info">{state.message} The steps above update as they run.</FormAlert>
      )}
      <SubmitButton isPending={isPending} pendingLabel="Starting…">
        Save and run setup
      </SubmitButton>
    </form>
  );
}
