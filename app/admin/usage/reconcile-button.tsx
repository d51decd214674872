"use client";

import * as React from "react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { startReconciliationAction } from "@/lib/usage-report/actions";
import { idleResult } from "@/lib/utils/action-result";

/** Starts usage.reconcile for the report's period: Azure Cost Management's actual cost per day and tenant tag. */
export function ReconcileButton({ from, to }: { from: string; to: string }) {
  const [state, action, isPending] = React.useActionState(startReconciliationAction, idleResult);
  const errors = state.ok ? undefined : state;
  const fieldError = errors?.fieldErrors && Object.values(errors.fieldErrors).flat().filter(Boolean).join(" ");
  return (
    <ActionForm action={action} className="grid gap-2" aria-label="Read actual cost">
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Starting…" variant="outline">
          Read actual cost from Azure
        </SubmitButton>
      </div>
      {errors?.formError && <FormAlert>{[errors.formError, fieldError].filter(Boolean).join(" ")}</FormAlert>}
      {state.ok && state.message && (
        <p role="status" className="text-sm text-muted-foreground">
          {state.message}
        </p>
      )}
    </ActionForm>
  );
}
