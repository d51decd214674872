"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { UserPlus } from "lucide-react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { tenantRoleLabels } from "@/lib/auth/roles";
import { addMemberAction } from "@/lib/tenancy/actions";
import { tenantRoleDescriptions, tenantRoles } from "@/lib/tenancy/schema";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";
import type { RevealedCredential } from "../one-time-password";

type Added = { user: { email: string; name: string; isNew: boolean }; credential: RevealedCredential | null };

export function AddMemberDialog({ tenantId, tenantName, onCreatedUser }: { tenantId: string; tenantName: string; onCreatedUser: (c: RevealedCredential) => void }) {
  const router = useRouter();
  const [isOpen, setOpen] = React.useState(false);
  const [result, setResult] = React.useState<ActionResult>(idleResult);
  const [isPending, startTransition] = React.useTransition();
  const errors = result.ok ? undefined : result;

  function onOpenChange(next: boolean) {
    if (isPending) return;
    setOpen(next);
    if (!next) setResult(idleResult);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await addMemberAction(tenantId, idleResult, form);
      setResult(outcome);
      if (!outcome.ok) return;
      const added = outcome.data as Added;
      setOpen(false);
      setResult(idleResult);
      if (added.credential) onCreatedUser(added.credential);
      toast.success(added.user.isNew ? `${added.user.name} was created and added.` : `${added.user.name} was added to ${tenantName}.`);
      router.refresh();
    });
  }

  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Add member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Add a member to {tenantName}</DialogTitle>
            <DialogDescription>
              Someone who already has an account is added as they are. For a new email, enter their name too: an account is created with a one-time password that you see once.
            </DialogDescription>
          </DialogHeader>
          <FormField label="Email" name="email" required error={errors?.fieldErrors?.email}>
            <Input name="email" type="email" autoComplete="off" spellCheck={false} autoFocus disabled={isPending} />
          </FormField>
          <FormField label="Name" name="name" optional description="Needed only for a new user." error={errors?.fieldErrors?.name}>
            <Input name="name" autoComplete="off" disabled={isPending} />
          </FormField>
          <FormField label="Role" name="role" required error={errors?.fieldErrors?.role}>
            <NativeSelect name="role" defaultValue="operator" disabled={isPending} options={tenantRoles.map((r) => ({ value: r, label: `${tenantRoleLabels[r]} — ${tenantRoleDescriptions[r]}` }))} />
          </FormField>
          <FormAlert>{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Adding…">
              Add member
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
