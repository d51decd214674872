import { restorePoller, type DataDisk, type VirtualMachineUpdate } from "@azure/arm-compute";
import { armClientsFor } from "./clients";
import { armCall } from "./errors";
import { defineLro, startLro, type LroProgress } from "./lro";
import { deleteOrDone } from "./not-found";
import type { AzureAccess } from "./types";
import type { VmRef } from "./vm-gateway";
import { mapVm, type VmInfo } from "./vm-mappers";

type PowerAction = "start" | "powerOff" | "deallocate" | "restart";

const powerLro = (action: PowerAction) =>
  defineLro<VmRef, null>({
    kind: `vm.${action}`,
    start: ({ compute }, r) => compute.virtualMachines[action](r.resourceGroup, r.name),
    restore: ({ compute }, _r, state) => restorePoller(compute, state, compute.virtualMachines[action]),
    map: () => null,
  });

const POWER = {
  start: powerLro("start"),
  powerOff: powerLro("powerOff"),
  deallocate: powerLro("deallocate"),
  restart: powerLro("restart"),
};

const deleteVmLro = defineLro<VmRef, null>({
  kind: "vm.delete",
  start: ({ compute }, r) => compute.virtualMachines.delete(r.resourceGroup, r.name),
  restore: ({ compute }, _r, state) => restorePoller(compute, state, compute.virtualMachines.delete),
  map: () => null,
  // The first poll waits for a typical delete (the emulator models 30 s), so a delete costs a DELETE and one poll.
  typicalSeconds: 30,
});

/** PATCH; the body (a size, or the disk list read just before) is `input`, so the continuation stays names-only. */
const updateVmLro = defineLro<VmRef & { change: "resize" | "dataDisks" }, VmInfo, VirtualMachineUpdate>({
  kind: "vm.update",
  start: ({ compute }, r, body) => compute.virtualMachines.update(r.resourceGroup, r.name, body),
  restore: ({ compute }, _r, state) => restorePoller(compute, state, compute.virtualMachines.update),
  map: mapVm,
});

// Asking for the state a VM is already in (start a running VM) succeeds at once in Azure, so retried job steps are harmless.
export const startVm = (access: AzureAccess, resourceGroup: string, name: string) =>
  startLro(access, POWER.start, { resourceGroup, name });
/** Stops the guest but keeps the hardware allocated (still billed for compute). */
export const powerOffVm = (access: AzureAccess, resourceGroup: string, name: string) =>
  startLro(access, POWER.powerOff, { resourceGroup, name });
/** Releases the hardware (no compute charge); dynamic public IPs lose their address. */
export const deallocateVm = (access: AzureAccess, resourceGroup: string, name: string) =>
  startLro(access, POWER.deallocate, { resourceGroup, name });
/** Azure refuses a restart unless the VM is running (409 OperationNotAllowed). */
export const restartVm = (access: AzureAccess, resourceGroup: string, name: string) =>
  startLro(access, POWER.restart, { resourceGroup, name });

/** Deletes the VM; disks and NICs created by createVm go with it (deleteOption Delete). A missing VM counts as done. */
export function deleteVm(access: AzureAccess, resourceGroup: string, name: string): Promise<LroProgress<null>> {
  return deleteOrDone(() => startLro(access, deleteVmLro, { resourceGroup, name }));
}

/**
 * A running VM restarts into the new size when the size is in its hardware cluster (listAvailableResizeSizes). Any
 * other size fails with 409 OperationNotAllowed: check `needsDeallocation(err)`, deallocate, resize, start.
 */
export function resizeVm(
  access: AzureAccess,
  resourceGroup: string,
  name: string,
  size: string,
): Promise<LroProgress<VmInfo>> {
  return startLro(
    access,
    updateVmLro,
    { resourceGroup, name, change: "resize" },
    { hardwareProfile: { vmSize: size } },
  );
}

/**
 * Makes the VM's data disks exactly `disks` by LUN: new LUNs get empty managed disks (deleted with the VM), missing LUNs
 * are detached (Azure keeps the detached disk; delete it separately if it should go). Existing LUNs are not resized.
 */
export async function setDataDisks(
  access: AzureAccess,
  resourceGroup: string,
  name: string,
  disks: { lun: number; sizeGb: number }[],
): Promise<LroProgress<VmInfo>> {
  const { compute } = armClientsFor(access);
  const vm = await armCall(() => compute.virtualMachines.get(resourceGroup, name));
  const current = new Map((vm.storageProfile?.dataDisks ?? []).map((d) => [d.lun, d]));
  const dataDisks: DataDisk[] = disks.map(
    (d) => current.get(d.lun) ?? { lun: d.lun, createOption: "Empty", diskSizeGB: d.sizeGb, deleteOption: "Delete" },
  );
  return startLro(access, updateVmLro, { resourceGroup, name, change: "dataDisks" }, { storageProfile: { dataDisks } });
}

const deleteDiskLro = defineLro<VmRef, null>({
  kind: "disk.delete",
  start: ({ compute }, r) => compute.disks.delete(r.resourceGroup, r.name),
  restore: ({ compute }, _r, state) => restorePoller(compute, state, compute.disks.delete),
  map: () => null,
});

/** Deletes a managed disk (one detached from a VM, so it is not left behind and billed). A missing disk counts as done. */
export function deleteManagedDisk(
  access: AzureAccess,
  resourceGroup: string,
  name: string,
): Promise<LroProgress<null>> {
  return deleteOrDone(() => startLro(access, deleteDiskLro, { resourceGroup, name }));
}
