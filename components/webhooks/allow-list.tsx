"use client";

import * as React from "react";
import { Plus } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

type Entry = {
  id: string;
  value: string;
  note: string;
  createdBy: string | null;
  /** Its bound removal (a server action). */
  remove: (form: FormData) => Promise<ActionResult>;
};
type Props = { entries: Entry[]; add: (prev: ActionResult, form: FormData) => Promise<ActionResult> };

/**
 * The SSRF allow-list: webhook targets resolving to private, loopback, link-local or metadata addresses are refused
 * unless listed here (checked when an endpoint is saved and again on every delivery).
 */
export function AllowList({ entries, add }: Props) {
  const [state, dispatch] = React.useActionState(add, idleResult);
  const errors = state.ok ? undefined : state;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Private address allow-list</CardTitle>
        <CardDescription>
          Endpoints on private, loopback, link-local, CGNAT or metadata addresses are refused unless their address or
          host is listed here. Applies to every tenant&apos;s endpoints too.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing allowed: only public addresses receive webhooks.</p>
        ) : (
          <ul className="divide-y rounded-md border" aria-label="Allowed addresses and hosts">
            {entries.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
                <code className="font-mono">{e.value}</code>
                <span className="text-muted-foreground">
                  {e.note || (e.createdBy ? `added by ${e.createdBy}` : "")}
                </span>
                <ConfirmDialog
                  trigger="Remove"
                  triggerVariant="outline"
                  triggerSize="sm"
                  triggerClassName="ml-auto"
                  title={`Remove ${e.value} from the allow-list?`}
                  description="Deliveries to endpoints on it are refused from the next attempt on."
                  confirmLabel="Remove"
                  pendingLabel="Removing…"
                  action={e.remove}
                />
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={dispatch} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start" noValidate>
          <FormField
            label="CIDR, address or host"
            name="value"
            required
            error={errors?.fieldErrors?.value}
            description="10.20.0.0/16, 192.168.1.10 or hooks.internal"
          >
            <Input name="value" maxLength={255} autoComplete="off" />
          </FormField>
          <FormField label="Note" name="note" optional error={errors?.fieldErrors?.note}>
            <Input name="note" maxLength={200} autoComplete="off" placeholder="Billing system in the datacentre" />
          </FormField>
          <SubmitButton className="sm:mt-[22px]" pendingLabel="Adding…">
            <Plus aria-hidden /> Allow
          </SubmitButton>
        </ActionForm>
        <FormAlert>{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
      </CardContent>
    </Card>
  );
}
