"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { CredentialFields } from "@/components/credential-fields";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { onboardSubscriptionAction } from "@/lib/subscriptions/actions";
import { cloudLabels, clouds } from "@/lib/subscriptions/cloud-names";
import { idleResult } from "@/lib/utils/action-result";
import { EmulatorCredentials, UseBuiltinEmulator, type BuiltinEmulatorOffer } from "./builtin-emulator-fields";

const guidPlaceholder = "00000000-0000-0000-0000-000000000000";
// With the emulator the server fills these from the choice; an error it puts on them (a subscription onboarded by
// someone else meanwhile is "already onboarded" on subscriptionId) shows on the choice, the only field on screen.
const emulatorFields = ["emulatorChoice", "directoryId", "subscriptionId", "clientId", "clientSecret"];

/** `emulator` is set in demo mode only (the page asks the built-in emulator what it offers). */
export function OnboardForm({ emulator }: { emulator?: BuiltinEmulatorOffer | null }) {
  const [state, formAction, isPending] = React.useActionState(onboardSubscriptionAction, idleResult);
  const [cloud, setCloud] = React.useState<string>("AzureCloud");
  const [useEmulator, setUseEmulator] = React.useState(false);
  const [emulatorChoice, setEmulatorChoice] = React.useState("");
  const displayName = React.useRef<HTMLInputElement>(null);
  const isEmulator = Boolean(emulator && useEmulator && cloud === "Custom");
  // The endpoints are the emulator's, shown read-only; their key remounts them when switching back to typing.
  const emulatorValue = (value: string | undefined) => (isEmulator ? { value, readOnly: true } : {});
  const endpointKey = isEmulator ? "emulator" : "typed";
  const [, startTransition] = React.useTransition();
  const errors = state.ok ? undefined : state;
  const fieldError = (name: string) => errors?.fieldErrors?.[name];

  // Submitting through a transition instead of <form action> keeps what was typed when the server sends errors back
  // (React resets a form after its action runs).
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-label="Onboard an Azure subscription">
      <FormAlert>{errors?.formError}</FormAlert>
      {emulator && !isEmulator && (
        <UseBuiltinEmulator
          emulator={emulator}
          onUse={() => {
            setUseEmulator(true);
            setCloud("Custom");
          }}
        />
      )}
      <FormField
        label="Display name"
        name="displayName"
        required
        error={fieldError("displayName")}
        description="How admins and plans refer to this subscription."
      >
        <Input
          ref={displayName}
          name="displayName"
          maxLength={80}
          autoComplete="off"
          autoFocus
          placeholder="Production (West Europe)"
        />
      </FormField>
      <FormField label="Cloud" name="cloud" required error={fieldError("cloud")}>
        <NativeSelect
          name="cloud"
          value={cloud}
          onChange={(e) => setCloud(e.target.value)}
          options={clouds.map((c) => ({ value: c, label: cloudLabels[c] }))}
        />
      </FormField>
      {cloud === "Custom" && (
        <fieldset className="grid gap-5 rounded-lg border bg-muted/30 p-4">
          <legend className="px-1 text-sm font-medium">Custom cloud endpoints</legend>
          <FormField
            label="ARM endpoint"
            name="armEndpoint"
            required
            error={fieldError("armEndpoint")}
            description="Azure Resource Manager, e.g. https://management.local.azurestack.external."
          >
            <Input
              key={endpointKey}
              {...emulatorValue(emulator?.url)}
              name="armEndpoint"
              type="url"
              autoComplete="off"
              placeholder="https://management.local.azurestack.external"
            />
          </FormField>
          <FormField
            label="Authority host"
            name="authorityHost"
            required
            error={fieldError("authorityHost")}
            description="The Entra ID (or AD FS) sign-in endpoint that issues tokens for this cloud."
          >
            <Input
              key={endpointKey}
              {...emulatorValue(emulator?.url)}
              name="authorityHost"
              type="url"
              autoComplete="off"
              placeholder="https://login.microsoftonline.com"
            />
          </FormField>
          <FormField
            label="CA certificate"
            name="caCertificate"
            optional
            error={fieldError("caCertificate")}
            description="Only when the endpoints use a certificate from a private CA: paste the CA certificate in PEM form."
          >
            <Textarea
              key={endpointKey}
              {...emulatorValue(emulator?.caCertificate)}
              name="caCertificate"
              rows={5}
              spellCheck={false}
              className="font-mono text-xs"
              placeholder="-----BEGIN CERTIFICATE-----"
            />
          </FormField>
        </fieldset>
      )}
      {isEmulator && emulator ? (
        <EmulatorCredentials
          emulator={emulator}
          choice={emulatorChoice}
          error={emulatorFields.flatMap((name) => fieldError(name) ?? [])}
          onChoose={(choice) => {
            setEmulatorChoice(choice?.value ?? "");
            if (choice && displayName.current && !displayName.current.value)
              displayName.current.value = `${choice.subscriptionName} (emulator)`;
          }}
          onTypeThemMyself={() => setUseEmulator(false)}
        />
      ) : (
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField
            label="Directory (tenant) id"
            name="directoryId"
            required
            error={fieldError("directoryId")}
            description="The Entra ID tenant the service principal belongs to."
          >
            <Input
              name="directoryId"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder={guidPlaceholder}
            />
          </FormField>
          <FormField label="Subscription id" name="subscriptionId" required error={fieldError("subscriptionId")}>
            <Input
              name="subscriptionId"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder={guidPlaceholder}
            />
          </FormField>
          <FormField
            label="Application (client) id"
            name="clientId"
            required
            error={fieldError("clientId")}
            description="The app registration of the service principal."
          >
            <Input
              name="clientId"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder={guidPlaceholder}
            />
          </FormField>
          <div className="sm:col-span-2">
            <CredentialFields fieldError={fieldError} secretDescription="The secret's value, not its id." />
          </div>
        </div>
      )}
      <div className="flex items-center gap-3">
        <SubmitButton isPending={isPending} pendingLabel="Saving…">
          Onboard and validate
        </SubmitButton>
        <p className="text-xs text-muted-foreground">
          Validation runs in the background; you can follow it on the next page.
        </p>
      </div>
    </form>
  );
}
