import { deleteNic, deletePublicIp, deleteVm } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { recordVmUsage, stepEndedAt } from "@/lib/usage/record";
import { loadVmForJob, nicName, publicIpName, restoreAfterFailure } from "./job-support";
import { kinds } from "@/lib/operations/kinds";
import { publishVmDeleted } from "@/lib/events/vm-events";

/**
 * Delete: the VM takes its NIC and disks with it (deleteOption Delete); the public IP is deleted explicitly after.
 * A VM whose create failed may have left a NIC without a VM, so that cleanup deletes the NIC by name too.
 */
export const deleteVmJob = defineJob({
  kind: kinds.vm.delete,
  async run({ vmId, afterFailedCreate }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    await op.plan([
      "Delete VM, its disks and network interface",
      ...(afterFailedCreate ? ["Delete network interface"] : []),
      ...(vm.hasPublicIp ? ["Delete public IP"] : []),
    ]);
    const access = await op.azureAccess(azureSubscriptionId);
    const arm = op.arm(access);
    await arm.lro("Delete VM, its disks and network interface", () => deleteVm(access, resourceGroup, vm.name));
    if (afterFailedCreate)
      await arm.lro("Delete network interface", () => deleteNic(access, resourceGroup, nicName(vm.name)));
    if (vm.hasPublicIp)
      await arm.lro("Delete public IP", () => deletePublicIp(access, resourceGroup, publicIpName(vm.name)));
    await db.$transaction(async (tx) => {
      await publishVmDeleted(tx, vmId);
      await tx.virtualMachine.delete({ where: { id: vmId } });
      // Compute and disks end with the VM's delete; its own public IP with the delete of the address.
      const usage = { source: "operation", operationId: op.operationId } as const;
      const at = await stepEndedAt(tx, op.operationId, "Delete VM, its disks and network interface");
      await recordVmUsage(tx, vmId, at, usage);
    });
  },
  onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
});
