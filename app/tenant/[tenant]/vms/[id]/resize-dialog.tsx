"use client";

import * as React from "react";
import { toast } from "sonner";
import { Scaling } from "lucide-react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
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
import { NativeSelect } from "@/components/ui/select";
import { resizeVmAction } from "@/lib/vms/actions";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";
import { formatMemory } from "../vm-format";

export type ResizeOption = { name: string; vCpus: number; memoryMb: number; family?: string };

type Props = {
  tenant: string;
  vm: { id: string; name: string; size: string; vcpus: number; family?: string; powerState: string | null };
  /** Plan sizes available in the VM's region. */
  sizes: ResizeOption[];
  vcpusLeft: number;
  disabled?: boolean;
};

/**
 * Resize to a plan size in the VM's region. Sizes that need more vCPUs than the quota has left are listed but
 * disabled, with the reason, and the dialog says when Azure will have to deallocate the VM to move it.
 */
export function ResizeDialog({ tenant, vm, sizes, vcpusLeft, disabled }: Props) {
  const [isOpen, setOpen] = React.useState(false);
  const [size, setSize] = React.useState("");
  const [state, formAction, isPending] = React.useActionState(async (prev: ActionResult, form: FormData) => {
    const result = await resizeVmAction(tenant, prev, form);
    if (result.ok) {
      setOpen(false);
      setSize("");
      toast.success(result.message ?? "Resizing the VM…");
    }
    return result;
  }, idleResult);
  const target = sizes.find((s) => s.name === size);
  const others = sizes.filter((s) => s.name !== vm.size);
  const isRunning = vm.powerState === "running";
  // Azure only moves a running VM within its hardware cluster; the family is the best guess the portal has before the job asks Azure.
  const mayCycle = Boolean(target && isRunning && target.family !== vm.family);
  const errors = state.ok ? undefined : state;

  return (
    <Dialog open={isOpen} onOpenChange={(open) => !isPending && setOpen(open)}>
      <DialogTrigger asChild>
        <Button variant="outline" disabled={disabled}>
          <Scaling aria-hidden /> Resize
        </Button>
      </DialogTrigger>
      <DialogContent>
        <ActionForm action={formAction} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Resize {vm.name}</DialogTitle>
            <DialogDescription>
              Now {vm.size} ({vm.vcpus} vCPUs). Sizes your plan offers in this region are listed; {vcpusLeft} more vCPU
              {vcpusLeft === 1 ? "" : "s"} are left in your quota.
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="vmId" value={vm.id} />
          {others.length === 0 ? (
            <FormAlert variant="info">Your plan offers no other size in this region.</FormAlert>
          ) : (
            <FormField label="New size" name="size" required error={errors?.fieldErrors?.size}>
              <NativeSelect
                name="size"
                value={size}
                onChange={(e) => setSize(e.target.value)}
                placeholder="Choose a size…"
                required
              >
                {others.map((s) => {
                  const isOver = s.vCpus - vm.vcpus > vcpusLeft;
                  return (
                    <option key={s.name} value={s.name} disabled={isOver}>
                      {s.name} — {s.vCpus} vCPU, {formatMemory(s.memoryMb)}
                      {isOver ? " (over your vCPU quota)" : ""}
                    </option>
                  );
                })}
              </NativeSelect>
            </FormField>
          )}
          {target && (
            <FormAlert variant={mayCycle ? "warning" : "info"}>
              {mayCycle
                ? "Resizing to a size outside the VM's current hardware family stops (deallocates) the VM, resizes it and starts it again. Expect a few minutes of downtime."
                : isRunning
                  ? "A running VM restarts during the resize. If Azure cannot fit the new size on the current hardware, the VM is deallocated, resized and started again."
                  : "The VM is stopped, so it is resized without starting it."}
            </FormAlert>
          )}
          <FormAlert>{errors?.formError}</FormAlert>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} disabled={!target} pendingLabel="Resizing…">
              Resize
            </SubmitButton>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
