"use client";

import * as React from "react";
import { toast } from "sonner";
import { unstable_rethrow, useRouter } from "next/navigation";
import { LoaderCircle, X } from "lucide-react";
import type { ActionResult } from "@/lib/utils/action-result";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "../confirm-dialog";

export type BulkAction = {
  label: string;
  /** Server action; receives every selected row id as `ids` (read them with `formData.getAll("ids")`) plus `fields`. */
  action: (formData: FormData) => Promise<ActionResult>;
  fields?: Record<string, string>;
  variant?: "default" | "outline" | "destructive" | "secondary";
  /** Ask first (use it for anything destructive). */
  confirm?: { title: string; description?: string; confirmLabel?: string };
  successMessage?: string;
};

export function BulkActionsBar({ ids, actions, onDone }: { ids: string[]; actions: BulkAction[]; onDone: () => void }) {
  const router = useRouter();
  const [pendingLabel, setPendingLabel] = React.useState<string>();
  const [isPending, startTransition] = React.useTransition();

  function run(item: BulkAction) {
    const formData = new FormData();
    for (const id of ids) formData.append("ids", id);
    for (const [k, v] of Object.entries(item.fields ?? {})) formData.set(k, v);
    setPendingLabel(item.label);
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await item.action(formData);
      } catch (error) {
        unstable_rethrow(error);
        result = { ok: false, formError: "Something went wrong. Please try again." };
      }
      if (!result || result.ok) {
        toast.success(result?.message ?? item.successMessage ?? `${item.label}: ${ids.length} selected`);
        onDone();
        router.refresh();
      } else {
        toast.error(result.formError ?? "The action failed.");
      }
      setPendingLabel(undefined);
    });
  }

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="flex animate-fade-in flex-wrap items-center gap-2 border-b bg-primary/6 px-4 py-2 text-sm"
    >
      <span className="font-medium tabular-nums">{ids.length.toLocaleString("en-US")} selected</span>
      <Button variant="ghost" size="sm" onClick={onDone} className="text-muted-foreground">
        <X aria-hidden /> Clear
      </Button>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {actions.map((item) =>
          item.confirm ? (
            <ConfirmDialog
              key={item.label}
              trigger={item.label}
              triggerSize="sm"
              triggerVariant={item.variant ?? "destructive"}
              title={item.confirm.title}
              description={item.confirm.description}
              confirmLabel={item.confirm.confirmLabel ?? item.label}
              action={item.action}
              fields={{ ...item.fields, ids }}
              successMessage={item.successMessage}
              onSuccess={() => {
                onDone();
                router.refresh();
              }}
            />
          ) : (
            <Button
              key={item.label}
              size="sm"
              variant={item.variant ?? "outline"}
              disabled={isPending}
              onClick={() => run(item)}
            >
              {isPending && pendingLabel === item.label && <LoaderCircle aria-hidden className="animate-spin" />}
              {item.label}
            </Button>
          ),
        )}
      </div>
    </div>
  );
}
