"use client";

import * as React from "react";
import { toast } from "sonner";
import { Plus } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
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
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { addDataDiskAction, removeDataDiskAction } from "@/lib/vms/actions";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

type Props = {
  tenant: string;
  vm: { id: string; name: string; osType: string; provisioningState: string };
  disks: { lun: number; sizeGb: number }[];
  maxDataDisks?: number;
  /** False for readers: the list without buttons. */
  canChange: boolean;
};

export function VmDisks({ tenant, vm, disks, maxDataDisks, canChange }: Props) {
  const isIdle = vm.provisioningState === "Succeeded";
  const isFull = maxDataDisks !== undefined && disks.length >= maxDataDisks;
  return (
    <div className="grid gap-3">
      <Table aria-label="Disks">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Disk</TableHead>
            <TableHead>LUN</TableHead>
            <TableHead className="text-right">Size</TableHead>
            {canChange && <TableHead className="w-0" />}
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>OS disk ({vm.osType})</TableCell>
            <TableCell className="text-muted-foreground">—</TableCell>
            <TableCell className="text-right text-muted-foreground">Image default</TableCell>
            {canChange && <TableCell />}
          </TableRow>
          {disks.map((d) => (
            <TableRow key={d.lun}>
              <TableCell>Data disk</TableCell>
              <TableCell className="tabular-nums">{d.lun}</TableCell>
              <TableCell className="text-right tabular-nums">{d.sizeGb.toLocaleString("en-US")} GiB</TableCell>
              {canChange && (
                <TableCell>
                  <ConfirmDialog
                    trigger="Remove"
                    triggerVariant="ghost"
                    triggerSize="sm"
                    disabled={!isIdle}
                    title={`Remove the data disk at LUN ${d.lun}?`}
                    description={`The ${d.sizeGb} GiB disk is detached from ${vm.name} and deleted with everything on it. Unmount it in the operating system first.`}
                    confirmLabel="Remove disk"
                    action={removeDataDiskAction.bind(null, tenant)}
                    fields={{ vmId: vm.id, lun: String(d.lun) }}
                    successMessage="Detaching the data disk…"
                  />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canChange && (
        <div className="flex items-center gap-3">
          <AddDiskDialog tenant={tenant} vmId={vm.id} disabled={!isIdle || isFull} />
          {isFull && (
            <p className="text-xs text-muted-foreground">This size takes at most {maxDataDisks} data disks.</p>
          )}
        </div>
      )}
    </div>
  );
}

function AddDiskDialog({ tenant, vmId, disabled }: { tenant: string; vmId: string; disabled: boolean }) {
  const [isOpen, setOpen] = React.useState(false);
  const [state, formAction, isPending] = React.useActionState(async (prev: ActionResult, form: FormData) => {
    const result = await addDataDiskAction(tenant, prev, form);
    if (result.ok) {
      setOpen(false);
      toast.success(result.message ?? "Adding the data disk…");
    }
    return result;
  }, idleResult);
  const errors = state.ok ? undefined : state;
  return (
    <Dialog open={isOpen} onOpenChange={(open) => !isPending && setOpen(open)}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={disabled}>
          <Plus aria-hidden /> Add data disk
        </Button>
      </DialogTrigger>
      <DialogContent>
        <ActionForm action={formAction} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Add a data disk</DialogTitle>
            <DialogDescription>
              An empty managed disk is attached at the next free LUN; format it in the operating system before use.
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="vmId" value={vmId} />
          <FormField
            label="Size (GiB)"
            name="sizeGb"
            required
            error={errors?.fieldErrors?.sizeGb}
            description="4 to 32,767 GiB."
          >
            <Input type="number" name="sizeGb" min={4} max={32767} defaultValue={128} className="w-32" />
          </FormField>
          <FormAlert>{errors?.formError}</FormAlert>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Adding…">
              Add disk
            </SubmitButton>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
