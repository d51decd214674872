"use client";

import * as React from "react";
import { CredentialFields } from "@/components/credential-fields";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { rotatePartnerSecretAction } from "@/lib/partners/actions";
import type { CredentialKindName } from "@/lib/subscriptions/cloud-names";
import { idleResult } from "@/lib/utils/action-result";

/**
 * A new secret or certificate for the partner's app (either kind, whatever the current one is); subscriptions
 * onboarded with the app get it too. Never shown again.
 */
export function RotatePartnerSecretForm({
  connectionId,
  currentKind,
}: {
  connectionId: string;
  currentKind: CredentialKindName;
}) {
  const [state, formAction, isPending] = React.useActionState(
    rotatePartnerSecretAction.bind(null, connectionId),
    idleResult,
  );
  const errors = state.ok ? undefined : state;
  return (
    <form
      action={formAction}
      noValidate
      className="grid max-w-xl gap-3"
      aria-label="Rotate the partner app's credential"
    >
      <FormAlert>{errors?.formError}</FormAlert>
      {state.ok && state.message && (
        <p role="status" className="text-sm text-muted-foreground">
          {state.message}
        </p>
      )}
      <CredentialFields
        fieldError={(name) => errors?.fieldErrors?.[name]}
        secretLabel="New client secret"
        initialKind={currentKind}
      />
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Replacing…" variant="outline">
          Replace the credential
        </SubmitButton>
      </div>
    </form>
  );
}
