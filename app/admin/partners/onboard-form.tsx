"use client";

import * as React from "react";
import Link from "next/link";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { onboardPartnerSubscriptionsAction } from "@/lib/partners/actions";
import type { ActionResult } from "@/lib/utils/action-result";

type Started = { operationId: string; subscriptionId: string }[];
const idle: ActionResult<Started> = { ok: true, data: [] };

export const ONBOARD_FORM_ID = "partner-onboard";

/**
 * The role and the submit for the subscriptions ticked in the customer table (their checkboxes belong to this form
 * through the form attribute, since the table's search has a form of its own). One operation each.
 */
export function OnboardSelectedForm({ connectionId }: { connectionId: string }) {
  const [state, formAction, isPending] = React.useActionState(
    onboardPartnerSubscriptionsAction.bind(null, connectionId),
    idle,
  );
  const [role, setRole] = React.useState("Contributor");
  const [, startTransition] = React.useTransition();
  const errors = state.ok ? undefined : state;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  }

  return (
    <form
      id={ONBOARD_FORM_ID}
      onSubmit={submit}
      noValidate
      className="grid gap-4 rounded-lg border p-4"
      aria-label="Onboard the selected subscriptions"
    >
      <FormAlert>{errors?.formError}</FormAlert>
      {errors?.fieldErrors?.subscriptions && (
        <ul role="alert" className="list-disc space-y-1 pl-5 text-sm text-destructive">
          {errors.fieldErrors.subscriptions.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {state.ok && state.data && state.data.length > 0 && (
        <div role="status" className="text-sm">
          <p>{state.message}</p>
          <ul className="mt-1 list-disc pl-5">
            {state.data.map((s) => (
              <li key={s.operationId}>
                <Link href={`/admin/operations/${s.operationId}`} className="underline">
                  Operation for {s.subscriptionId}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-[16rem_1fr]">
        <FormField
          label="Role for the portal's app"
          name="role"
          required
          error={errors?.fieldErrors?.role}
          description="Contributor is enough to run tenants' resources."
        >
          <NativeSelect
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            options={[
              { value: "Contributor", label: "Contributor (recommended)" },
              { value: "Owner", label: "Owner" },
            ]}
          />
        </FormField>
        {role === "Owner" && (
          <FormField
            label="Why Owner?"
            name="reason"
            required
            error={errors?.fieldErrors?.reason}
            description="Shown on each operation and in the audit log."
          >
            <Textarea name="reason" rows={2} maxLength={500} />
          </FormField>
        )}
      </div>
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Starting…">
          Onboard selected subscriptions
        </SubmitButton>
      </div>
    </form>
  );
}
