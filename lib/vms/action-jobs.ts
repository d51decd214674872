import { z } from "zod";
import {
  deallocateVm, deleteManagedDisk, deleteNic, deletePublicIp, deleteVm, getVm, listAvailableResizeSizes, pollLro, resizeVm, restartVm, setDataDisks, startVm,
  type AzureAccess, type LroProgress,
} from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { loadVmForJob, nicName, publicIpName } from "./load";

type PowerCall = (access: AzureAccess, resourceGroup: string, name: string) => Promise<LroProgress<unknown>>;

const vmInput = z.object({ vmId: z.string() });

/** An action failing leaves the VM as it was in Azure: back to Succeeded, with the reason shown on the VM. */
async function restoreAfterFailure(vmId: string, message: string) {
  await db.virtualMachine.updateMany({ where: { id: vmId }, data: { provisioningState: "Succeeded", errorMessage: message } });
}

function lro(op: JobContext, access: AzureAccess, name: string, start: () => Promise<LroProgress<unknown>>) {
  return op.lroStep(name, { start, poll: (c) => pollLro(access, c) });
}

function powerJob(kind: string, step: string, call: PowerCall, powerState: string) {
  return defineJob({
    kind,
    input: vmInput,
    async run({ vmId }, op) {
      await op.plan([step]);
      const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
      const access = await op.azureAccess(azureSubscriptionId);
      await lro(op, access, step, () => call(access, resourceGroup, vm.name));
      await db.virtualMachine.update({ where: { id: vmId }, data: { provisioningState: "Succeeded", powerState, errorMessage: null } });
    },
    onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
  });
}

export const startVmJob = powerJob("vm.start", "Start VM", startVm, "running");
export const stopVmJob = powerJob("vm.stop", "Stop and deallocate VM", deallocateVm, "deallocated");
export const restartVmJob = powerJob("vm.restart", "Restart VM", restartVm, "running");

/**
 * Resize: Azure moves a running VM only to sizes in its current hardware cluster; for any other size the VM is
 * deallocated, resized and started again — and the plan says so before the user confirms.
 */
export const resizeVmJob = defineJob({
  kind: "vm.resize",
  input: z.object({ vmId: z.string(), size: z.string(), vcpus: z.number(), memoryMb: z.number() }),
  async run({ vmId, size, vcpus, memoryMb }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    const access = await op.azureAccess(azureSubscriptionId);
    // Decided once and stored with the step, so a resumed run follows the same plan after the VM was deallocated.
    await op.plan(["Check the target size"]);
    const { cycle } = await op.step("Check the target size", async () => {
      const isRunning = vm.powerState === "running";
      const inCluster = isRunning ? (await listAvailableResizeSizes(access, resourceGroup, vm.name)).some((s) => s.name === size) : true;
      op.note(isRunning && !inCluster ? `${size} is outside the VM's hardware cluster: deallocate, resize, start` : `${size} can be applied directly`);
      return { cycle: isRunning && !inCluster };
    });
    await op.plan(["Check the target size", ...(cycle ? ["Deallocate VM", "Resize VM", "Start VM"] : ["Resize VM"])]);
    if (cycle) await lro(op, access, "Deallocate VM", () => deallocateVm(access, resourceGroup, vm.name));
    await lro(op, access, "Resize VM", () => resizeVm(access, resourceGroup, vm.name, size));
    if (cycle) await lro(op, access, "Start VM", () => startVm(access, resourceGroup, vm.name));
    await db.virtualMachine.update({ where: { id: vmId }, data: { size, vcpus, memoryMb, provisioningState: "Succeeded", errorMessage: null } });
  },
  onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
});

/**
 * The desired data disks are in the input (the service computed them), so a retry converges on the same set. A removed
 * disk is detached and then deleted, so it is not left behind in Azure (and billed).
 */
export const setDataDisksJob = defineJob({
  kind: "vm.setDataDisks",
  input: z.object({ vmId: z.string(), disks: z.array(z.object({ lun: z.number(), sizeGb: z.number() })), summary: z.string() }),
  async run({ vmId, disks, summary }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    const removedLuns = (vm.dataDisks as { lun: number }[]).map((d) => d.lun).filter((lun) => !disks.some((d) => d.lun === lun));
    await op.plan(removedLuns.length ? ["Find the disk to remove", summary, "Delete the detached disk"] : [summary]);
    const access = await op.azureAccess(azureSubscriptionId);
    const removedNames = removedLuns.length
      ? await op.step("Find the disk to remove", async () => ((await getVm(access, resourceGroup, vm.name))?.dataDisks ?? []).filter((d) => removedLuns.includes(d.lun)).map((d) => d.name))
      : [];
    await lro(op, access, summary, () => setDataDisks(access, resourceGroup, vm.name, disks));
    if (removedLuns.length) {
      // The service removes one disk per operation.
      const [name] = removedNames;
      await lro(op, access, "Delete the detached disk", async () => (name ? deleteManagedDisk(access, resourceGroup, name) : { done: true, result: null }));
    }
    await db.virtualMachine.update({ where: { id: vmId }, data: { dataDisks: disks, provisioningState: "Succeeded", errorMessage: null } });
  },
  onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
});

/**
 * Delete: the VM takes its NIC and disks with it (deleteOption Delete); the public IP is deleted explicitly after.
 * A VM whose create failed may have left a NIC without a VM, so that cleanup deletes the NIC by name too.
 */
export const deleteVmJob = defineJob({
  kind: "vm.delete",
  input: z.object({ vmId: z.string(), afterFailedCreate: z.boolean().default(false) }),
  async run({ vmId, afterFailedCreate }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    await op.plan([
      "Delete VM, its disks and network interface",
      ...(afterFailedCreate ? ["Delete network interface"] : []),
      ...(vm.hasPublicIp ? ["Delete public IP"] : []),
    ]);
    const access = await op.azureAccess(azureSubscriptionId);
    await lro(op, access, "Delete VM, its disks and network interface", () => deleteVm(access, resourceGroup, vm.name));
    if (afterFailedCreate) await lro(op, access, "Delete network interface", () => deleteNic(access, resourceGroup, nicName(vm.name)));
    if (vm.hasPublicIp) await lro(op, access, "Delete public IP", () => deletePublicIp(access, resourceGroup, publicIpName(vm.name)));
    await db.virtualMachine.delete({ where: { id: vmId } });
  },
  onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
});
