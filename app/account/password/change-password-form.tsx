"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/auth/password-actions";
import { idleResult } from "@/lib/utils/action-result";
import { FormField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";

export function ChangePasswordForm({ isOneTime, hint }: { isOneTime: boolean; hint: string }) {
  const [state, formAction, isPending] = useActionState(changePasswordAction, idleResult);
  const errors = state.ok ? undefined : state;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {errors?.formError && <FormAlert>{errors.formError}</FormAlert>}
      <FormField
        label={isOneTime ? "One-time password" : "Current password"}
        name="currentPassword"
        error={errors?.fieldErrors?.currentPassword}
      >
        <Input name="currentPassword" type="password" autoComplete="current-password" autoFocus required />
      </FormField>
      <FormField label="New password" name="newPassword" description={hint} error={errors?.fieldErrors?.newPassword}>
        <Input name="newPassword" type="password" autoComplete="new-password" required />
      </FormField>
      <FormField label="Repeat the new password" name="confirmPassword" error={errors?.fieldErrors?.confirmPassword}>
        <Input name="confirmPassword" type="password" autoComplete="new-password" required />
      </FormField>
      <SubmitButton className="w-full" isPending={isPending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
