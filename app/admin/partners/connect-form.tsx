"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { CredentialFields } from "@/components/credential-fields";
import { connectPartnerAction } from "@/lib/partners/actions";
import { idleResult } from "@/lib/utils/action-result";

const guid = "00000000-0000-0000-0000-000000000000";
export type EmulatorPartnerOffer = { partnerTenantId: string; appId: string; name: string } | null;

/**
 * The partner's multi-tenant app: its tenant, id and a secret or certificate; Custom adds the endpoints (the emulator,
 * demo mode). A partner tenant connected already is replaced; another one is added beside it.
 */
export function ConnectPartnerForm({ emulator, submitLabel }: { emulator: EmulatorPartnerOffer; submitLabel: string }) {
  const [state, formAction, isPending] = React.useActionState(connectPartnerAction, idleResult);
  const [cloud, setCloud] = React.useState("AzureCloud");
  const [useEmulator, setUseEmulator] = React.useState(false);
  const [, startTransition] = React.useTransition();
  const errors = state.ok ? undefined : state;
  const fieldError = (name: string) => errors?.fieldErrors?.[name];

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-label="Connect a Partner Center partner">
      <FormAlert>{errors?.formError}</FormAlert>
      {state.ok && state.message && (
        <p role="status" className="text-sm text-muted-foreground">
          {state.message}
        </p>
      )}
      <FormField label="Connection name" name="displayName" required error={fieldError("displayName")}>
        <Input name="displayName" maxLength={80} autoComplete="off" placeholder="Fabrikam CSP" />
      </FormField>
      {emulator && (
        <label className="flex items-start gap-3 rounded-lg border bg-muted/30 p-4 text-sm">
          <input
            type="checkbox"
            name="useEmulator"
            className="mt-0.5 size-4 accent-primary"
            checked={useEmulator}
            onChange={(e) => setUseEmulator(e.target.checked)}
          />
          <span>
            <span className="font-medium">Use the built-in emulator&apos;s partner</span>
            <span className="block text-muted-foreground">
              Demo mode: {emulator.name} ({emulator.partnerTenantId}), its endpoints and secret filled in on the server.
            </span>
            {fieldError("useEmulator") && (
              <span className="block text-destructive">{fieldError("useEmulator")?.join(" ")}</span>
            )}
          </span>
        </label>
      )}
      {!useEmulator && (
        <>
          <FormField label="Cloud" name="cloud" required error={fieldError("cloud")}>
            <NativeSelect
              name="cloud"
              value={cloud}
              onChange={(e) => setCloud(e.target.value)}
              options={[
                { value: "AzureCloud", label: "Azure (global) and Partner Center" },
                { value: "Custom", label: "Custom (the emulator, another Partner Center endpoint)" },
              ]}
            />
          </FormField>
          <FormField
            label="Partner tenant id"
            name="partnerTenantId"
            required
            error={fieldError("partnerTenantId")}
            description="Your partner organisation's Microsoft Entra tenant."
          >
            <Input name="partnerTenantId" autoComplete="off" placeholder={guid} />
          </FormField>
          <FormField
            label="Application (client) id"
            name="clientId"
            required
            error={fieldError("clientId")}
            description="A multi-tenant app registered in Partner Center for API access."
          >
            <Input name="clientId" autoComplete="off" placeholder={guid} />
          </FormField>
          <CredentialFields fieldError={fieldError} />
          {cloud === "Custom" && (
            <fieldset className="grid gap-5 rounded-lg border bg-muted/30 p-4">
              <legend className="px-1 text-sm font-medium">Custom endpoints</legend>
              {(
                [
                  ["partnerCenterEndpoint", "Partner Center endpoint"],
                  ["armEndpoint", "ARM endpoint"],
                  ["authorityHost", "Authority host"],
                ] as const
              ).map(([name, label]) => (
                <FormField key={name} label={label} name={name} required error={fieldError(name)}>
                  <Input name={name} type="url" autoComplete="off" placeholder="https://127.0.0.1:8443" />
                </FormField>
              ))}
              <FormField label="CA certificate" name="caCertificate" optional error={fieldError("caCertificate")}>
                <Textarea name="caCertificate" rows={3} className="font-mono text-xs" />
              </FormField>
            </fieldset>
          )}
        </>
      )}
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Connecting…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
