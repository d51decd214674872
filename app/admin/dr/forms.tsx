"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect, type SelectOption } from "@/components/ui/select";
import { assignCloudAction, registerVaultAction } from "@/lib/dr/actions";
import type { ActionResult } from "@/lib/utils/action-result";
import { useKeptActionState } from "@/components/dr/kept-action-state";

const err = (s: ActionResult, k: string) => (s.ok ? undefined : s.fieldErrors?.[k]);

export function RegisterVaultForm({ subscriptions }: { subscriptions: SelectOption[] }) {
  const { state, formAction, isPending, value, posts } = useKeptActionState(registerVaultAction, {
    azureSubscriptionId: "",
    region: "westus",
    resourceGroup: "WAPRecoveryGroup",
    name: "WAPRecoveryVault",
  });
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2">
      <FormField
        label="Provider subscription"
        name="azureSubscriptionId"
        error={err(state, "azureSubscriptionId")}
        required
      >
        <NativeSelect
          key={posts}
          name="azureSubscriptionId"
          options={subscriptions}
          placeholder="Choose a subscription"
          defaultValue={value("azureSubscriptionId")}
        />
      </FormField>
      <FormField
        label="Region"
        name="region"
        description="Every tenant's replicas land here."
        error={err(state, "region")}
        required
      >
        <Input name="region" defaultValue={value("region")} />
      </FormField>
      <FormField label="Resource group" name="resourceGroup" error={err(state, "resourceGroup")} required>
        <Input name="resourceGroup" defaultValue={value("resourceGroup")} />
      </FormField>
      <FormField
        label="Vault name"
        name="name"
        description="An existing vault with this name is picked, not recreated."
        error={err(state, "name")}
        required
      >
        <Input name="name" defaultValue={value("name")} />
      </FormField>
      <div className="space-y-3 sm:col-span-2">
        {!state.ok && state.formError && <FormAlert>{state.formError}</FormAlert>}
        {state.ok && state.message && <FormAlert variant="info">{state.message}</FormAlert>}
        <SubmitButton isPending={isPending} pendingLabel="Registering…">
          Create or pick the vault
        </SubmitButton>
      </div>
    </form>
  );
}

/** The cloud's tenant subscription and the tenant's on-premises VM networks, chosen from the vault's unclaimed ones. */
export function AssignCloudForm({
  containerId,
  options,
  networks,
}: {
  containerId: string;
  options: SelectOption[];
  networks: SelectOption[];
}) {
  const { state, formAction, isPending, value, values, isPosted, posts } = useKeptActionState(assignCloudAction);
  const networkId = React.useId();
  if (options.length === 0)
    return (
      <span className="text-sm text-muted-foreground">
        No unassigned tenant subscription on a plan that offers disaster recovery
      </span>
    );
  if (networks.length === 0)
    return (
      <span className="text-sm text-muted-foreground">
        No unclaimed VM network to give a tenant: refresh the VMM servers after adding one in VMM.
      </span>
    );
  const networkError = err(state, "vmNetworkIds");
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-4">
      <input type="hidden" name="containerId" value={containerId} />
      <FormField
        label="Tenant subscription"
        name="tenantSubscriptionId"
        error={err(state, "tenantSubscriptionId") ?? (!state.ok && !state.fieldErrors ? state.formError : undefined)}
        className="min-w-64"
      >
        <NativeSelect
          key={posts}
          name="tenantSubscriptionId"
          options={options}
          placeholder="Choose…"
          defaultValue={value("tenantSubscriptionId")}
        />
      </FormField>
      <fieldset
        className="grid gap-1.5"
        aria-describedby={networkError ? `${networkId}-error` : undefined}
        aria-invalid={networkError ? true : undefined}
      >
        <legend className="mb-1.5 text-sm font-medium">Tenant&apos;s VM networks</legend>
        {networks.map((n) => (
          <div key={n.value} className="flex items-center gap-2">
            <Checkbox
              key={posts}
              id={`${networkId}-${n.value}`}
              name="vmNetworkIds"
              value={n.value}
              defaultChecked={isPosted && values("vmNetworkIds").includes(n.value)}
            />
            <Label htmlFor={`${networkId}-${n.value}`} className="font-normal">
              {n.label}
            </Label>
          </div>
        ))}
        {networkError && (
          <p id={`${networkId}-error`} className="text-xs font-medium text-destructive">
            {networkError.join(" ")}
          </p>
        )}
      </fieldset>
      <SubmitButton isPending={isPending} pendingLabel="Assigning…" className="mt-6" size="sm">
        Assign
      </SubmitButton>
    </form>
  );
}
