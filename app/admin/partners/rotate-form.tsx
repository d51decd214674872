"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { rotatePartnerSecretAction } from "@/lib/partners/actions";
import { idleResult } from "@/lib/utils/action-result";

/** A new secret for the partner's app; subscriptions onboarded with the app get it too. Never shown again. */
export function RotatePartnerSecretForm() {
  const [state, formAction, isPending] = React.useActionState(rotatePartnerSecretAction, idleResult);
  const errors = state.ok ? undefined : state;
  return (
    <form action={formAction} noValidate className="grid max-w-md gap-3" aria-label="Rotate the partner app's secret">
      <FormAlert>{errors?.formError}</FormAlert>
      {state.ok && state.message && (
        <p role="status" className="text-sm text-muted-foreground">
          {state.message}
        </p>
      )}
      <FormField label="New client secret" name="clientSecret" required error={errors?.fieldErrors?.clientSecret}>
        <Input name="clientSecret" type="password" autoComplete="new-password" />
      </FormField>
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Replacing…" variant="outline">
          Replace the secret
        </SubmitButton>
      </div>
    </form>
  );
}
