"use client";

import * as React from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { ActionFailure, ActionResult, ActionSuccess } from "@/lib/utils/action-result";

/** `T` is what the action returns on success, so `onSuccess` reads `result.data` without a cast. */
export type FormDialogProps<T = unknown> = {
  /** The button that opens the dialog. */
  trigger: React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** The server action, already bound to its ids. */
  action: (form: FormData) => Promise<ActionResult<T>>;
  submitLabel: React.ReactNode;
  pendingLabel: React.ReactNode;
  isSubmitDisabled?: boolean;
  /** Runs once the dialog has closed after a success: a toast, a refresh, a revealed password. */
  onSuccess: (result: ActionSuccess<T>) => void;
  /** Runs whenever the dialog closes, to clear state the fields keep outside the form. */
  onClose?: () => void;
  /** The fields, given the last refusal (errors beside each field) and whether the action is running. */
  children: (form: { errors?: ActionFailure; isPending: boolean }) => React.ReactNode;
};

/**
 * A dialog around one server action. The form is submitted by hand rather than through `action=`, so a refused post
 * keeps what was typed (React 19 resets uncontrolled fields after a form action); the form-wide message shows only
 * when no field has its own.
 */
export function FormDialog<T>({
  trigger,
  title,
  description,
  action,
  submitLabel,
  pendingLabel,
  isSubmitDisabled,
  onSuccess,
  onClose,
  children,
}: FormDialogProps<T>) {
  const [isOpen, setOpen] = React.useState(false);
  const [errors, setErrors] = React.useState<ActionFailure>();
  const [isPending, startTransition] = React.useTransition();

  function onOpenChange(next: boolean) {
    if (isPending) return;
    setOpen(next);
    if (!next) {
      setErrors(undefined);
      onClose?.();
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await action(form);
      if (!outcome.ok) return setErrors(outcome);
      setOpen(false);
      setErrors(undefined);
      onClose?.();
      onSuccess(outcome);
    });
  }

  return (
    <Dialog open={isOpen} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description && <DialogDescription>{description}</DialogDescription>}
          </DialogHeader>
          {children({ errors, isPending })}
          <FormAlert>{errors?.fieldErrors ? undefined : errors?.formError}</FormAlert>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel={pendingLabel} disabled={isSubmitDisabled}>
              {submitLabel}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
