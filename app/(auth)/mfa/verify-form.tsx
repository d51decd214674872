"use client";

import * as React from "react";
import Link from "next/link";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { verifySecondFactorAction } from "@/lib/auth/mfa/actions";
import { idleResult } from "@/lib/utils/action-result";
import { PasskeySignIn } from "@/components/mfa/passkey-sign-in";

/** A code from the authenticator app, or one of the recovery codes when the phone is not at hand. */
export function VerifyForm({ next, hasTotp, hasPasskey }: { next: string; hasTotp: boolean; hasPasskey: boolean }) {
  const [method, setMethod] = React.useState<"totp" | "recovery">(hasTotp ? "totp" : "recovery");
  const [state, formAction, isPending] = React.useActionState(verifySecondFactorAction, idleResult);
  const errors = state.ok ? undefined : state;
  return (
    <div className="space-y-4">
      {hasPasskey && <PasskeySignIn next={next} />}
      <form action={formAction} className="space-y-4" noValidate key={method}>
        <FormAlert>{errors?.formError}</FormAlert>
        <input type="hidden" name="method" value={method} />
        <input type="hidden" name="next" value={next} />
        {method === "totp" ? (
          <FormField label="Code from your authenticator app" name="code" error={errors?.fieldErrors?.code}>
            <Input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus required />
          </FormField>
        ) : (
          <FormField label="Recovery code" name="code" error={errors?.fieldErrors?.code}>
            <Input name="code" autoComplete="off" autoFocus required />
          </FormField>
        )}
        <SubmitButton className="w-full" isPending={isPending} pendingLabel="Checking…">
          Verify
        </SubmitButton>
      </form>
      {hasTotp && (
        <Button variant="link" className="px-0" onClick={() => setMethod(method === "totp" ? "recovery" : "totp")}>
          {method === "totp" ? "Use a recovery code instead" : "Use the authenticator app instead"}
        </Button>
      )}
      <Button variant="ghost" asChild className="w-full">
        <Link href="/login">Cancel</Link>
      </Button>
    </div>
  );
}
