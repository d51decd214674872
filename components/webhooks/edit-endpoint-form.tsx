"use client";

import * as React from "react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";
import { EndpointFields, type EndpointDefaults } from "./endpoint-fields";

type Props = {
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  eventTypes: { value: string; label: string }[];
  allowsHttp: boolean;
  defaults: EndpointDefaults;
};

/** Changes an endpoint's URL (checked again like a new one), description and event types; the secret stays. */
export function EditEndpointForm({ action, eventTypes, allowsHttp, defaults }: Props) {
  const [state, dispatch] = React.useActionState(action, idleResult);
  const errors = state.ok ? undefined : state;
  return (
    <details className="rounded-lg border bg-card px-4 py-3">
      <summary className="cursor-pointer text-sm font-medium">Edit URL and events</summary>
      <ActionForm action={dispatch} className="mt-4 grid gap-4" noValidate>
        <EndpointFields
          eventTypes={eventTypes}
          allowsHttp={allowsHttp}
          fieldErrors={errors?.fieldErrors}
          defaults={defaults}
        />
        <div>
          <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
        </div>
      </ActionForm>
      <FormAlert className="mt-4">{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
      <FormAlert className="mt-4" variant="success">
        {state.ok ? state.message : undefined}
      </FormAlert>
    </details>
  );
}
