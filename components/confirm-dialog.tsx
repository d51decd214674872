"use client";

import * as React from "react";
import { unstable_rethrow, useRouter } from "next/navigation";
import { toast } from "sonner";
import { LoaderCircle } from "lucide-react";
import type { ActionResult, ActionSuccess } from "@/lib/utils/action-result";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
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
import { FormAlert } from "./form-alert";

/** `T` is what the action returns on success, so `onSuccess` reads `result.data` without a cast. */
export type ConfirmDialogProps<T = unknown> = {
  /** The trigger's content ("Delete", an icon + text). */
  trigger: React.ReactNode;
  triggerVariant?: ButtonProps["variant"];
  triggerSize?: ButtonProps["size"];
  triggerClassName?: string;
  /** Replaces the trigger button entirely (e.g. a DropdownMenuItem); must accept a ref and onClick. */
  triggerAsChild?: boolean;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Bound server action; receives `fields` plus, when set, `confirmName`. */
  action: (formData: FormData) => Promise<ActionResult<T>>;
  /** Hidden inputs sent with the action (ids, versions); an array becomes one input per value. */
  fields?: Record<string, string | string[]>;
  confirmLabel?: string;
  /** The button that closes the dialog without acting; "Cancel" unless that word is the action itself. */
  dismissLabel?: string;
  pendingLabel?: string;
  /** Destructive styling for the confirm button. Defaults to true. */
  isDestructive?: boolean;
  /** Ask the user to type this (a VM or tenant name) before the confirm button enables. */
  confirmText?: string;
  /** Toast shown on success when the action returns no message. */
  successMessage?: string;
  /** Runs after success (the dialog is already closed); by default the page refreshes to show the new state. */
  onSuccess?: (result: ActionSuccess<T>) => void;
  disabled?: boolean;
};

export function ConfirmDialog<T>(props: ConfirmDialogProps<T>) {
  const {
    trigger,
    triggerVariant = "destructive",
    triggerSize,
    triggerClassName,
    triggerAsChild,
    title,
    description,
    action,
    fields,
    confirmLabel = "Confirm",
    dismissLabel = "Cancel",
    pendingLabel,
    isDestructive = true,
    confirmText,
    successMessage = "Done.",
    onSuccess,
    disabled,
  } = props;
  const router = useRouter();
  const [isOpen, setOpen] = React.useState(false);
  const [typed, setTyped] = React.useState("");
  const [formError, setFormError] = React.useState<string>();
  const [isPending, startTransition] = React.useTransition();
  const inputId = React.useId();
  const isConfirmBlocked = confirmText !== undefined && typed.trim() !== confirmText;

  function handleOpenChange(next: boolean) {
    if (isPending) return; // keep the dialog while the action runs, so its outcome is seen
    setOpen(next);
    if (!next) {
      setTyped("");
      setFormError(undefined);
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isConfirmBlocked) return;
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      setFormError(undefined);
      let result: ActionResult<T>;
      try {
        result = await action(formData);
      } catch (error) {
        unstable_rethrow(error); // redirect() and notFound() inside the action are Next.js's to handle
        result = { ok: false, formError: "Something went wrong. Please try again." };
      }
      if (!result || result.ok) {
        setOpen(false);
        setTyped("");
        toast.success(result?.message ?? successMessage);
        if (onSuccess) onSuccess(result ?? { ok: true });
        else router.refresh();
      } else {
        const fieldMessages = Object.values(result.fieldErrors ?? {})
          .flat()
          .filter(Boolean);
        setFormError(result.formError ?? (fieldMessages.length > 0 ? fieldMessages.join(" ") : "The action failed."));
      }
    });
  }

  return (
    <AlertDialog open={isOpen} onOpenChange={handleOpenChange}>
      <AlertDialogTrigger asChild>
        {triggerAsChild ? (
          trigger
        ) : (
          <Button variant={triggerVariant} size={triggerSize} className={triggerClassName} disabled={disabled}>
            {trigger}
          </Button>
        )}
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            {description && <AlertDialogDescription>{description}</AlertDialogDescription>}
          </AlertDialogHeader>
          {Object.entries(fields ?? {}).flatMap(([name, value]) =>
            (Array.isArray(value) ? value : [value]).map((v, i) => (
              <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
            )),
          )}
          {confirmText !== undefined && (
            <div className="grid gap-1.5">
              <Label htmlFor={inputId} className="block leading-normal font-normal text-muted-foreground">
                Type{" "}
                <span className="rounded bg-muted px-1 py-0.5 font-mono text-[13px] text-foreground">
                  {confirmText}
                </span>{" "}
                to confirm.
              </Label>
              <Input
                id={inputId}
                name="confirmName"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                autoFocus
                disabled={isPending}
              />
            </div>
          )}
          <FormAlert>{formError}</FormAlert>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={isPending}>{dismissLabel}</AlertDialogCancel>
            <Button
              type="submit"
              variant={isDestructive ? "destructive" : "default"}
              disabled={isPending || isConfirmBlocked}
              aria-busy={isPending || undefined}
            >
              {isPending && <LoaderCircle aria-hidden className="animate-spin" />}
              {isPending ? (pendingLabel ?? `${confirmLabel}…`) : confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
