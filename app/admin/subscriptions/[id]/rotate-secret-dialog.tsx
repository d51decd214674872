"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { KeyRound } from "lucide-react";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { rotateSecretAction } from "@/lib/subscriptions/actions";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

/** Replaces the client secret. The field starts empty every time: the current secret is never sent to the browser. */
export function RotateSecretDialog({ id, isDisabled }: { id: string; isDisabled: boolean }) {
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
      const outcome = await rotateSecretAction(idleResult, form);
      setResult(outcome);
      if (outcome.ok) {
        setOpen(false);
        toast.success(isDisabled ? "Secret replaced. Enable the subscription to validate it." : "Secret replaced: validating with the new secret.");
        router.refresh();
      }
    });
  }

  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <KeyRound aria-hidden /> Rotate secret
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Rotate the client secret</DialogTitle>
            <DialogDescription>
              Paste the new secret&apos;s value from the app registration. It replaces the stored one (encrypted at rest)
              {isDisabled ? "." : " and the subscription is validated again with it."}
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="id" value={id} />
          <FormField label="New client secret" name="clientSecret" required error={errors?.fieldErrors?.clientSecret}>
            <Input name="clientSecret" type="password" autoComplete="new-password" spellCheck={false} autoFocus disabled={isPending} />
          </FormField>
          <FormAlert>{errors?.fieldErrors?.clientSecret ? undefined : errors?.formError}</FormAlert>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Saving…">
              Save and validate
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
