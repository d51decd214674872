"use client";

import * as React from "react";
import { useFormStatus } from "react-dom";
import { LoaderCircle } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  /** Label while the form's action runs ("Creating…"); defaults to the children. */
  pendingLabel?: React.ReactNode;
  /** Forces the pending look, for forms driven by useActionState's isPending. */
  isPending?: boolean;
};

/** Must sit inside the <form>: useFormStatus reads the nearest parent form's submission. */
export function SubmitButton({ children, pendingLabel, isPending, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  const isBusy = pending || Boolean(isPending);
  return (
    <Button type="submit" disabled={disabled || isBusy} aria-busy={isBusy || undefined} {...props}>
      {isBusy && <LoaderCircle aria-hidden className="animate-spin" />}
      {isBusy ? (pendingLabel ?? children) : children}
    </Button>
  );
}
