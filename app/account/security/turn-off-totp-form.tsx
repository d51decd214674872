"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { turnOffTotpAction } from "@/lib/auth/mfa/actions";
import { idleResult } from "@/lib/utils/action-result";

/** Turning the app off asks for the password and a current code (or a recovery code). */
export function TurnOffTotpForm() {
  const [state, formAction, isPending] = React.useActionState(turnOffTotpAction, idleResult);
  const errors = state.ok ? undefined : state;
  return (
    <form action={formAction} className="space-y-3 rounded-md border p-3" noValidate>
      <FormAlert>{errors?.formError}</FormAlert>
      <FormField label="Password" name="password" error={errors?.fieldErrors?.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <FormField label="Code from the app or a recovery code" name="code" error={errors?.fieldErrors?.code}>
        <Input name="code" autoComplete="one-time-code" required />
      </FormField>
      <SubmitButton variant="destructive" isPending={isPending} pendingLabel="Turning off…">
        Turn off authenticator app
      </SubmitButton>
    </form>
  );
}
