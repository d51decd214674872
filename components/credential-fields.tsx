"use client";

import * as React from "react";
import { FormField } from "@/components/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { credentialKindLabels, credentialKinds, type CredentialKindName } from "@/lib/subscriptions/cloud-names";

/**
 * An app's credential: a radio group (arrow keys move between "Client secret" and "Certificate (PEM)") and the field
 * of the chosen kind. Posts credentialKind with clientSecret or certificate; both are sealed on the server.
 */
export function CredentialFields({
  fieldError,
  secretLabel = "Client secret",
  secretDescription,
  initialKind = "secret",
}: {
  fieldError: (name: string) => string[] | undefined;
  secretLabel?: string;
  secretDescription?: React.ReactNode;
  initialKind?: CredentialKindName;
}) {
  const [kind, setKind] = React.useState<CredentialKindName>(initialKind);
  const groupId = React.useId();
  return (
    <div className="grid gap-3">
      <fieldset aria-describedby={`${groupId}-hint`}>
        <legend className="mb-1.5 text-sm font-medium">Credential</legend>
        <div className="flex flex-wrap gap-2">
          {credentialKinds.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
            >
              <input
                type="radio"
                name="credentialKind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
                className="accent-[var(--primary)]"
              />
              {credentialKindLabels[value]}
            </label>
          ))}
        </div>
        <p id={`${groupId}-hint`} className="mt-1 text-xs text-muted-foreground">
          Sealed at rest and never shown again.
        </p>
      </fieldset>
      {kind === "secret" ? (
        <FormField
          label={secretLabel}
          name="clientSecret"
          required
          error={fieldError("clientSecret")}
          description={secretDescription}
        >
          <Input name="clientSecret" type="password" autoComplete="new-password" spellCheck={false} />
        </FormField>
      ) : (
        <FormField
          label="Certificate and private key (PEM)"
          name="certificate"
          required
          error={fieldError("certificate")}
          description="The certificate uploaded to the app registration, then its unencrypted private key: -----BEGIN CERTIFICATE----- … -----BEGIN PRIVATE KEY----- …"
        >
          <Textarea
            name="certificate"
            rows={6}
            spellCheck={false}
            autoComplete="off"
            className="font-mono text-xs"
            placeholder={"-----BEGIN CERTIFICATE-----\n…\n-----BEGIN PRIVATE KEY-----\n…"}
          />
        </FormField>
      )}
    </div>
  );
}
