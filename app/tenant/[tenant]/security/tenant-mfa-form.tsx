"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { setTenantMfaAction } from "@/lib/auth/mfa/tenant-actions";
import { idleResult } from "@/lib/utils/action-result";

export function TenantMfaForm({ tenant, isRequired }: { tenant: string; isRequired: boolean }) {
  const [state, formAction, isPending] = React.useActionState(setTenantMfaAction.bind(null, tenant), idleResult);
  return (
    <form action={formAction} className="space-y-4">
      <FormAlert>{state.ok ? undefined : state.formError}</FormAlert>
      {state.ok && state.message && <FormAlert variant="success">{state.message}</FormAlert>}
      <div className="flex items-center gap-2">
        <Checkbox id="requireMfa" name="requireMfa" defaultChecked={isRequired} />
        <Label htmlFor="requireMfa">Require two-step sign-in for every member</Label>
      </div>
      <SubmitButton isPending={isPending} pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}
