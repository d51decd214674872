"use client";

import * as React from "react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { importPriceSheetAction } from "@/lib/pricing/actions";
import { idleResult } from "@/lib/utils/action-result";

/**
 * Import a price sheet: from the Retail Prices endpoint (no file), or from a JSON/CSV file in that format. A sheet
 * with bad rows is refused whole and the refusal lists each bad line beside the field.
 */
export function ImportForm({ endpoint }: { endpoint: string }) {
  const [state, action, isPending] = React.useActionState(importPriceSheetAction, idleResult);
  const errors = state.ok ? undefined : state;
  // A refusal can name dozens of lines: beside the field a count, and each line on its own row in the alert.
  const badLines = errors?.fieldErrors?.file ?? [];
  const fileError = badLines.length > 1 ? `${badLines.length} problems, each listed below.` : badLines;
  return (
    <ActionForm action={action} className="grid gap-4" aria-label="Import a price sheet">
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr] sm:items-start">
        <FormField label="Currency" name="currency" required error={errors?.fieldErrors?.currency}>
          <Input name="currency" defaultValue="USD" maxLength={3} className="uppercase" autoComplete="off" />
        </FormField>
        <FormField
          label="File"
          name="file"
          optional
          description={`JSON (the Retail Prices answer or an array of its items) or CSV with those field names. Without a file the sheet is read from ${endpoint}.`}
          error={fileError}
        >
          <Input name="file" type="file" accept=".json,.csv,application/json,text/csv" />
        </FormField>
      </div>
      {errors?.formError && (
        <FormAlert title={badLines.length > 1 ? errors.formError : undefined}>
          {badLines.length > 1 ? (
            <ul className="list-disc space-y-0.5 pl-4">
              {badLines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            errors.formError
          )}
        </FormAlert>
      )}
      {state.ok && state.message && (
        <p role="status" className="text-sm text-muted-foreground">
          {state.message}
        </p>
      )}
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Importing…">
          Import price sheet
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
