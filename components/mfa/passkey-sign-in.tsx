"use client";

import * as React from "react";
import { startAuthentication } from "@simplewebauthn/browser";
import { KeyRound } from "lucide-react";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import { passkeySignInOptionsAction, verifyPasskeySignInAction } from "@/lib/auth/mfa/passkey-actions";

/** The second step with a passkey: the browser signs the server's challenge with a key registered for this user. */
export function PasskeySignIn({ next }: { next: string }) {
  const [error, setError] = React.useState<string>();
  const [isPending, startTransition] = React.useTransition();
  function signIn() {
    setError(undefined);
    startTransition(async () => {
      const options = await passkeySignInOptionsAction();
      if (!options.ok) return setError(options.formError);
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options.data });
      } catch {
        return setError("The passkey was not used. Try again, or use another way to sign in.");
      }
      const outcome = await verifyPasskeySignInAction(next, JSON.stringify(response));
      if (outcome && !outcome.ok) setError(outcome.formError ?? outcome.fieldErrors?.code?.[0]);
    });
  }
  return (
    <div className="space-y-3">
      <FormAlert>{error}</FormAlert>
      <Button className="w-full" variant="outline" disabled={isPending} onClick={signIn}>
        <KeyRound aria-hidden /> Use a passkey
      </Button>
    </div>
  );
}
