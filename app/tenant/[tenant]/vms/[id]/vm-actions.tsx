"use client";

import { Play, Power, RotateCcw, Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { vmPowerAction } from "@/lib/vms/actions";
import { ResizeDialog, type ResizeOption } from "./resize-dialog";

export type VmActionsProps = {
  tenant: string;
  vm: {
    id: string;
    name: string;
    size: string;
    vcpus: number;
    family?: string;
    powerState: string | null;
    provisioningState: string;
    hasPublicIp: boolean;
    dataDiskCount: number;
  };
  sizes: ResizeOption[];
  vcpusLeft: number;
};

/** The VM's actions; each asks first and says what it will do in Azure. Hidden entirely for readers (by the page). */
export function VmActions({ tenant, vm, sizes, vcpusLeft }: VmActionsProps) {
  const isIdle = vm.provisioningState === "Succeeded";
  const isRunning = vm.powerState === "running";
  const fields = { vmId: vm.id };
  const busyHint = isIdle ? undefined : "Wait until the current operation has finished.";
  return (
    <div className="flex flex-wrap items-center gap-2" title={busyHint}>
      {!isRunning && (
        <ConfirmDialog
          trigger={
            <>
              <Play aria-hidden /> Start
            </>
          }
          triggerVariant="outline"
          isDestructive={false}
          disabled={!isIdle}
          title={`Start ${vm.name}?`}
          description="Azure allocates the VM and boots it; compute billing resumes."
          confirmLabel="Start"
          action={vmPowerAction.bind(null, tenant, "start")}
          fields={fields}
          successMessage="Starting the VM…"
        />
      )}
      {isRunning && (
        <ConfirmDialog
          trigger={
            <>
              <Power aria-hidden /> Stop
            </>
          }
          triggerVariant="outline"
          disabled={!isIdle}
          title={`Stop ${vm.name}?`}
          description={
            <>
              The VM shuts down and is <strong>deallocated</strong>: compute billing stops and it keeps its disks, which
              are still billed.
              {vm.hasPublicIp ? " Its public IP is static and stays." : ""} A dynamic IP address would be released, and
              the VM may get a different one when it starts again.
            </>
          }
          confirmLabel="Stop"
          action={vmPowerAction.bind(null, tenant, "stop")}
          fields={fields}
          successMessage="Stopping the VM…"
        />
      )}
      {isRunning && (
        <ConfirmDialog
          trigger={
            <>
              <RotateCcw aria-hidden /> Restart
            </>
          }
          triggerVariant="outline"
          isDestructive={false}
          disabled={!isIdle}
          title={`Restart ${vm.name}?`}
          description="The operating system restarts; anyone signed in is disconnected. The VM stays allocated."
          confirmLabel="Restart"
          action={vmPowerAction.bind(null, tenant, "restart")}
          fields={fields}
          successMessage="Restarting the VM…"
        />
      )}
      <ResizeDialog tenant={tenant} vm={vm} sizes={sizes} vcpusLeft={vcpusLeft} disabled={!isIdle} />
      <ConfirmDialog
        trigger={
          <>
            <Trash2 aria-hidden /> Delete
          </>
        }
        disabled={!isIdle && vm.provisioningState !== "Failed"}
        title={`Delete ${vm.name}?`}
        description={`The VM is deleted in Azure together with its network interface, ${vm.hasPublicIp ? "public IP address, " : ""}OS disk${vm.dataDiskCount ? ` and ${vm.dataDiskCount} data disk${vm.dataDiskCount === 1 ? "" : "s"}` : ""}. This cannot be undone.`}
        confirmText={vm.name}
        confirmLabel="Delete VM"
        action={vmPowerAction.bind(null, tenant, "delete")}
        fields={fields}
        successMessage="Deleting the VM…"
      />
    </div>
  );
}
