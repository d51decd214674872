"use client";

import * as React from "react";
import { Plus } from "lucide-react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { ActionFailure, ActionResult } from "@/lib/utils/action-result";
import { SigningSecret } from "./signing-secret";

type Created = { id: string; url: string; secret: string };
type Props = {
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult<Created>>;
  eventTypes: { value: string; label: string }[];
  /** Whether http:// is accepted (demo mode); production needs https. */
  allowsHttp: boolean;
};

const notYet: ActionFailure = { ok: false };

/** Creates an endpoint and shows its signing secret once: the secret lives only in this component's state. */
export function CreateEndpointForm({ action, eventTypes, allowsHttp }: Props) {
  const [state, dispatch] = React.useActionState(action, notYet);
  const [dismissed, setDismissed] = React.useState<string | null>(null);
  const created = state.ok && state.data && state.data.id !== dismissed ? state.data : null;
  const errors = state.ok ? undefined : state;
  const typeErrors = errors?.fieldErrors
    ? Object.entries(errors.fieldErrors)
        .filter(([key]) => key.startsWith("eventTypes"))
        .flatMap(([, messages]) => messages ?? [])
    : [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>New endpoint</CardTitle>
        <CardDescription>
          Events are POSTed as JSON, signed per Standard Webhooks, retried with back-off for 24 hours.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {created && (
          <SigningSecret
            title={`Endpoint ${created.url} created`}
            secret={created.secret}
            onDismiss={() => setDismissed(created.id)}
          />
        )}
        <ActionForm action={dispatch} className="grid gap-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
            <FormField
              label="URL"
              name="url"
              required
              error={errors?.fieldErrors?.url}
              description={
                allowsHttp
                  ? "https:// (http:// only in demo mode), no user name or password in it."
                  : "https://, no user name or password in it."
              }
            >
              <Input
                name="url"
                type="url"
                maxLength={2000}
                autoComplete="off"
                placeholder="https://hooks.example.com/portal"
              />
            </FormField>
            <FormField label="Description" name="description" optional error={errors?.fieldErrors?.description}>
              <Input name="description" maxLength={200} autoComplete="off" placeholder="Billing system" />
            </FormField>
          </div>
          <fieldset className="grid gap-2" aria-describedby="event-types-hint">
            <legend className="text-sm font-medium">Events</legend>
            <p id="event-types-hint" className="text-sm text-muted-foreground">
              Tick none to receive every event type, including types added later.
            </p>
            <div className="grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
              {eventTypes.map((t) => (
                <label key={t.value} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="eventTypes" value={t.value} className="size-4 accent-primary" />
                  <span>
                    {t.label} <code className="font-mono text-xs text-muted-foreground">{t.value}</code>
                  </span>
                </label>
              ))}
            </div>
            {typeErrors.length > 0 && (
              <p role="alert" className="text-sm text-destructive">
                {typeErrors.join(" ")}
              </p>
            )}
          </fieldset>
          <div>
            <SubmitButton pendingLabel="Checking the URL…">
              <Plus aria-hidden /> Add endpoint
            </SubmitButton>
          </div>
        </ActionForm>
        <FormAlert>{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
      </CardContent>
    </Card>
  );
}
