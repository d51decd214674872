"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { CopyButton } from "@/components/copy-button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { TotpSetup } from "@/lib/auth/mfa/totp";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

type Props = {
  initialSetup: TotpSetup | null;
  start: () => Promise<ActionResult<TotpSetup>>;
  confirm: (prev: unknown, form: FormData) => Promise<ActionResult<string[]>>;
  /** After the recovery codes: sign-in continues with it; on the security page the page refreshes instead. */
  finish?: () => Promise<ActionResult>;
};

/** Set up an authenticator app: QR code and key, a first code to confirm, then the recovery codes shown once. */
export function TotpEnrolment({ initialSetup, start, confirm, finish }: Props) {
  const router = useRouter();
  const [setup, setSetup] = React.useState(initialSetup);
  const [startResult, setStartResult] = React.useState<ActionResult>(idleResult);
  const [isStarting, startTransition] = React.useTransition();
  const [state, confirmAction, isConfirming] = React.useActionState<ActionResult<string[]> | null, FormData>(
    confirm,
    null,
  );
  const [finishResult, setFinishResult] = React.useState<ActionResult>(idleResult);
  const [isFinishing, finishTransition] = React.useTransition();

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <RecoveryCodes codes={state.data} />
        <FormAlert>{finishResult.ok ? undefined : finishResult.formError}</FormAlert>
        <Button
          className="w-full"
          disabled={isFinishing}
          onClick={() => (finish ? finishTransition(async () => setFinishResult(await finish())) : router.refresh())}
        >
          I have saved my recovery codes
        </Button>
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="space-y-3">
        <FormAlert>{startResult.ok ? undefined : startResult.formError}</FormAlert>
        <Button
          disabled={isStarting}
          onClick={() =>
            startTransition(async () => {
              const result = await start();
              setStartResult(result);
              if (result.ok) setSetup(result.data);
            })
          }
        >
          Set up authenticator app
        </Button>
      </div>
    );
  }

  const errors = state && !state.ok ? state : undefined;
  return (
    <form action={confirmAction} className="space-y-4" noValidate>
      <p className="text-sm text-muted-foreground">
        Scan the code with your authenticator app (Microsoft Authenticator, Google Authenticator, 1Password…), or enter
        the key by hand. Then enter the 6-digit code the app shows.
      </p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an asset */}
      <img src={setup.qrDataUrl} alt="QR code for your authenticator app" width={200} height={200} />
      <div className="flex items-center gap-2">
        <code className="rounded bg-muted px-2 py-1 font-mono text-sm break-all" data-testid="totp-key">
          {setup.secret}
        </code>
        <CopyButton value={setup.secret} label="Copy key" />
      </div>
      <FormAlert>{errors?.formError}</FormAlert>
      <FormField label="Code from the app" name="code" error={errors?.fieldErrors?.code}>
        <Input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required />
      </FormField>
      <SubmitButton isPending={isConfirming} pendingLabel="Checking…">
        Confirm
      </SubmitButton>
    </form>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-2">
      <FormAlert variant="warning" title="Save your recovery codes now">
        Each code signs you in once if you lose your phone. They are shown only this once.
      </FormAlert>
      <ul className="grid grid-cols-2 gap-1 rounded-md border p-3 font-mono text-sm" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <CopyButton value={codes.join("\n")} label="Copy recovery codes" />
    </div>
  );
}
