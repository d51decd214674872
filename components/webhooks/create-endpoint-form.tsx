"use client";

import * as React from "react";
import { Plus } from "lucide-react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionFailure, ActionResult } from "@/lib/utils/action-result";
import { EndpointFields } from "./endpoint-fields";
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
          <EndpointFields eventTypes={eventTypes} allowsHttp={allowsHttp} fieldErrors={errors?.fieldErrors} />
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
