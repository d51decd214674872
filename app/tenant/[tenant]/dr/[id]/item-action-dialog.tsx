"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import type { ActionResult } from "@/lib/utils/action-result";

export type ItemActionDialogProps = {
  action: string;
  label: string;
  title: string;
  description: string;
  isDestructive: boolean;
  /** Typed by the user before a destructive action enables. */
  confirmText?: string;
  disabled?: boolean;
  run: (form: FormData) => Promise<ActionResult>;
};

const NOTES_MAX = 1024;

/**
 * The confirmation for one failover action, with the inputs the action takes: notes on a test failover cleanup
 * (kept with the VM as the drill's record) and the recovery point of an unplanned failover.
 */
export function ItemActionDialog({
  action,
  label,
  title,
  description,
  isDestructive,
  confirmText,
  disabled,
  run,
}: ItemActionDialogProps) {
  const router = useRouter();
  const [isOpen, setOpen] = React.useState(false);
  const [typed, setTyped] = React.useState("");
  const [notes, setNotes] = React.useState("");
  const [result, setResult] = React.useState<ActionResult>({ ok: true });
  const [isPending, startTransition] = React.useTransition();
  const isBlocked = (confirmText !== undefined && typed.trim() !== confirmText) || notes.length > NOTES_MAX;
  const fieldError = (k: string) => (result.ok ? undefined : result.fieldErrors?.[k]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBlocked) return;
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const r = await run(form).catch((): ActionResult => ({
        ok: false,
        formError: "Something went wrong. Please try again.",
      }));
      setResult(r);
      if (r.ok) {
        setOpen(false);
        setTyped("");
        setNotes("");
        toast.success(r.message ?? "Started.");
        router.refresh();
      }
    });
  }

  return (
    <AlertDialog open={isOpen} onOpenChange={(next) => !isPending && (setOpen(next), setResult({ ok: true }))}>
      <AlertDialogTrigger asChild>
        <Button variant={isDestructive ? "destructive" : "outline"} disabled={disabled}>
          {label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            <AlertDialogDescription>{description}</AlertDialogDescription>
          </AlertDialogHeader>
          <input type="hidden" name="action" value={action} />
          {action === "testFailoverCleanup" && (
            <FormField
              label="Notes"
              name="notes"
              optional
              description={`What the drill showed; kept with the VM. ${notes.length}/${NOTES_MAX} characters.`}
              error={notes.length > NOTES_MAX ? `Notes are at most ${NOTES_MAX} characters.` : fieldError("notes")}
            >
              <Textarea name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} disabled={isPending} />
            </FormField>
          )}
          {action === "unplannedFailover" && (
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Recovery point</legend>
              <Label className="flex items-start gap-2 font-normal">
                <input type="radio" name="recoveryPoint" value="latestProcessed" defaultChecked className="mt-1" />
                <span>Latest processed — starts fastest, from the newest point Azure has already processed.</span>
              </Label>
              <Label className="flex items-start gap-2 font-normal">
                <input type="radio" name="recoveryPoint" value="latest" className="mt-1" />
                <span>
                  Latest — Azure first processes all data it has received: the least data lost, the longest wait.
                </span>
              </Label>
              {fieldError("recoveryPoint") && <FormAlert>{fieldError("recoveryPoint")?.join(" ")}</FormAlert>}
            </fieldset>
          )}
          {confirmText !== undefined && (
            <FormField
              label={
                <>
                  Type <span className="rounded bg-muted px-1 font-mono">{confirmText}</span> to confirm.
                </>
              }
              name="confirmName"
            >
              <Input
                name="confirmName"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                disabled={isPending}
              />
            </FormField>
          )}
          {!result.ok && result.formError && <FormAlert>{result.formError}</FormAlert>}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={isPending}>Cancel</AlertDialogCancel>
            <Button
              type="submit"
              variant={isDestructive ? "destructive" : "default"}
              disabled={isPending || isBlocked}
              aria-busy={isPending || undefined}
            >
              {isPending ? `${label}…` : label}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
