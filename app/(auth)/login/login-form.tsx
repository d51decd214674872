"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { FormField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction, isPending] = useActionState(signInAction, null);
  const errors = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {errors?.formError && <FormAlert>{errors.formError}</FormAlert>}
      <input type="hidden" name="next" value={next ?? ""} />
      <FormField label="Email" name="email" error={errors?.fieldErrors?.email}>
        <Input name="email" type="email" autoComplete="username" autoFocus required />
      </FormField>
      <FormField label="Password" name="password" error={errors?.fieldErrors?.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <SubmitButton className="w-full" isPending={isPending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
