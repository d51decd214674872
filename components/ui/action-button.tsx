"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { LoaderCircle } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { ActionResult } from "@/lib/utils/action-result";

/**
 * A one-click, harmless action (validate again, send a test event, redeliver, enable): progress on the button, the
 * outcome in a toast, the page refreshed after a success.
 */
export function ActionButton({
  action,
  children,
  pendingLabel,
  ...props
}: Omit<ButtonProps, "onClick" | "action"> & { action: () => Promise<ActionResult<unknown>>; pendingLabel?: string }) {
  const router = useRouter();
  const [isPending, startTransition] = React.useTransition();
  function run() {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        toast.success(result.message ?? "Done.");
        router.refresh();
      } else toast.error(result.formError ?? "The action failed.");
    });
  }
  return (
    <Button {...props} onClick={run} disabled={props.disabled || isPending} aria-busy={isPending || undefined}>
      {isPending && <LoaderCircle aria-hidden className="animate-spin" />}
      {isPending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
