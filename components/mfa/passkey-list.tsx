"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { startRegistration } from "@simplewebauthn/browser";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  addPasskeyAction,
  passkeyRegistrationOptionsAction,
  removePasskeyAction,
} from "@/lib/auth/mfa/passkey-actions";
import { RecoveryCodes } from "./totp-enrolment";

type Passkey = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

/** The user's passkeys: add one (the browser creates it for this site), remove one. */
export function PasskeyList({ passkeys }: { passkeys: Passkey[] }) {
  const router = useRouter();
  const [name, setName] = React.useState("");
  const [errors, setErrors] = React.useState<{ form?: string; name?: string[] }>({});
  const [codes, setCodes] = React.useState<string[] | null>(null);
  const [isPending, startTransition] = React.useTransition();

  function add() {
    setErrors({});
    startTransition(async () => {
      const options = await passkeyRegistrationOptionsAction();
      if (!options.ok) return setErrors({ form: options.formError });
      let response;
      try {
        response = await startRegistration({ optionsJSON: options.data });
      } catch {
        return setErrors({ form: "No passkey was created. Try again." });
      }
      const outcome = await addPasskeyAction({ name, response: JSON.stringify(response) });
      if (!outcome.ok) return setErrors({ form: outcome.formError, name: outcome.fieldErrors?.name });
      setName("");
      if (outcome.data) setCodes(outcome.data);
      else router.refresh();
    });
  }

  function remove(id: string) {
    startTransition(async () => {
      const outcome = await removePasskeyAction(id);
      if (!outcome.ok) setErrors({ form: outcome.formError });
    });
  }

  if (codes)
    return (
      <div className="space-y-3">
        <RecoveryCodes codes={codes} />
        <Button onClick={() => (setCodes(null), router.refresh())}>I have saved my recovery codes</Button>
      </div>
    );

  return (
    <div className="space-y-3">
      {passkeys.length > 0 && (
        <ul className="divide-y rounded-md border text-sm" aria-label="Passkeys">
          {passkeys.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-2 px-3 py-2">
              <span>
                {p.name}
                <span className="block text-xs text-muted-foreground">
                  Added {p.createdAt.toISOString().slice(0, 10)}
                  {p.lastUsedAt && `, last used ${p.lastUsedAt.toISOString().slice(0, 10)}`}
                </span>
              </span>
              <Button variant="outline" size="sm" disabled={isPending} onClick={() => remove(p.id)}>
                Remove {p.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FormAlert>{errors.form}</FormAlert>
      <FormField label="Passkey name" name="passkeyName" error={errors.name}>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Work laptop" maxLength={60} />
      </FormField>
      <Button variant="outline" disabled={isPending} onClick={add}>
        Add a passkey
      </Button>
    </div>
  );
}
