"use client";

import * as React from "react";
import { KeyRound, X } from "lucide-react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { CopyButton } from "@/components/copy-button";
import { SubmitButton } from "@/components/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect, type SelectOption } from "@/components/ui/select";
import { API_TOKEN_DEFAULT_DAYS, apiTokenLifetimes } from "@/lib/api-tokens/schema";
import type { IssuedApiToken } from "@/lib/api-tokens/service";
import type { ActionFailure, ActionResult } from "@/lib/utils/action-result";

type Props = {
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult<IssuedApiToken>>;
  /** The scope (provider tokens) or role (tenant tokens) field. */
  choice: { name: "scope" | "role"; label: string; options: SelectOption[]; defaultValue: string; description: string };
};

const notYet: ActionFailure = { ok: false };
const lifetimeOptions = apiTokenLifetimes.map((d) => ({ value: String(d), label: d === 365 ? "1 year" : `${d} days` }));

/** Creates a token and shows it once: the secret lives only in this component's state until dismissed. */
export function CreateTokenForm({ action, choice }: Props) {
  // Nothing submitted yet reads as a failure with no message, so the form shows no error and no token.
  const [state, dispatch] = React.useActionState(action, notYet);
  const [dismissed, setDismissed] = React.useState<string | null>(null);
  const issued = state.ok && state.data && state.data.id !== dismissed ? state.data : null;
  const errors = state.ok ? undefined : state;

  return (
    <Card>
      <CardHeader>
        <CardTitle>New token</CardTitle>
        <CardDescription>
          The token is shown once, right here. Send it as <code className="font-mono">Authorization: Bearer …</code>.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {issued && <RevealedToken issued={issued} onDismiss={() => setDismissed(issued.id)} />}
        <ActionForm action={dispatch} className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start" noValidate>
          <FormField label="Name" name="name" required error={errors?.fieldErrors?.name} description="What uses it.">
            <Input name="name" maxLength={60} autoComplete="off" placeholder="ci" />
          </FormField>
          <FormField
            label={choice.label}
            name={choice.name}
            error={errors?.fieldErrors?.[choice.name]}
            description={choice.description}
          >
            <NativeSelect name={choice.name} defaultValue={choice.defaultValue} options={choice.options} />
          </FormField>
          <FormField label="Expires in" name="expiresInDays" error={errors?.fieldErrors?.expiresInDays}>
            <NativeSelect
              name="expiresInDays"
              defaultValue={String(API_TOKEN_DEFAULT_DAYS)}
              options={lifetimeOptions}
            />
          </FormField>
          <SubmitButton className="sm:mt-[22px]" pendingLabel="Creating…">
            <KeyRound aria-hidden /> Create token
          </SubmitButton>
        </ActionForm>
        <FormAlert>{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
      </CardContent>
    </Card>
  );
}

function RevealedToken({ issued, onDismiss }: { issued: IssuedApiToken; onDismiss: () => void }) {
  return (
    <Alert
      variant="warning"
      icon={<KeyRound aria-hidden />}
      title={`Token ${issued.name} created`}
      data-testid="new-token"
    >
      <div className="mt-1 grid gap-3">
        <p>
          Copy it now and keep it in a secret store. <strong>It will not be shown again</strong>: the portal keeps only
          a hash. If it is lost, revoke it and create another.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            aria-label="API token"
            className="max-w-full rounded-md border bg-background px-3 py-1.5 font-mono text-sm break-all select-all"
          >
            {issued.token}
          </code>
          <CopyButton value={issued.token} label="Copy the token" className="size-8" />
          <Button variant="ghost" size="sm" onClick={onDismiss} className="ml-auto">
            <X aria-hidden /> I have saved it
          </Button>
        </div>
      </div>
    </Alert>
  );
}
