"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { addSsoMappingAction, removeSsoMappingAction } from "@/lib/auth/sso/mapping-actions";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

type Mapping = { id: string; claimValue: string; staffRole: "admin" | "helpdesk" };

export function SsoMappings({ mappings }: { mappings: Mapping[] }) {
  const [state, formAction, isPending] = React.useActionState(addSsoMappingAction, idleResult);
  const [removal, setRemoval] = React.useState<ActionResult>(idleResult);
  const [isRemoving, startTransition] = React.useTransition();
  const errors = state.ok ? undefined : state;
  return (
    <div className="space-y-4">
      {mappings.length > 0 ? (
        <ul className="divide-y rounded-md border text-sm" aria-label="Role mappings">
          {mappings.map((m) => (
            <li key={m.id} className="flex items-center justify-between gap-2 px-3 py-2">
              <span>
                <code className="font-mono">{m.claimValue}</code> → {m.staffRole === "admin" ? "Admin" : "Helpdesk"}
              </span>
              <Button
                variant="outline"
                size="sm"
                disabled={isRemoving}
                onClick={() => startTransition(async () => setRemoval(await removeSsoMappingAction(m.id)))}
              >
                Remove {m.claimValue}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No mappings yet: nobody can sign in with single sign-on.</p>
      )}
      <FormAlert>{removal.ok ? undefined : removal.formError}</FormAlert>
      <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" noValidate>
        <FormField label="Group or role value" name="claimValue" error={errors?.fieldErrors?.claimValue}>
          <Input name="claimValue" required />
        </FormField>
        <FormField label="Portal role" name="staffRole" error={errors?.fieldErrors?.staffRole}>
          <select name="staffRole" defaultValue="helpdesk" className="h-9 rounded-md border bg-background px-2 text-sm">
            <option value="helpdesk">Helpdesk</option>
            <option value="admin">Admin</option>
          </select>
        </FormField>
        <SubmitButton isPending={isPending} pendingLabel="Adding…">
          Add mapping
        </SubmitButton>
      </form>
      <FormAlert>{errors?.formError}</FormAlert>
      {state.ok && state.message && <FormAlert variant="success">{state.message}</FormAlert>}
    </div>
  );
}
