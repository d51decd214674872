import { deleteNic, deletePublicIp, deleteVm, findVm, isOperationInProgress, type AzureAccess } from "@/lib/azure";
import { lroTimeScale } from "@/lib/jobs/poll-delay";
import type { Progress } from "@/lib/jobs/wait-step";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { recordVmUsage, stepEndedAt } from "@/lib/usage/record";
import { loadVmForJob, nicName, publicIpName, restoreAfterFailure } from "./job-support";
import { kinds } from "@/lib/operations/kinds";
import { publishVmDeleted } from "@/lib/events/vm-events";

const DELETE_VM = "Delete VM, its disks and network interface";
const DELETE_MANAGED = "Delete VM, its disks, network interface and public IP";

/** How often to look again while Azure refuses the DELETE because another operation on the VM runs. */
const LOOK_AGAIN_MS = 5_000;

/**
 * The VM's DELETE. Azure refuses a second one while the VM is being deleted (409 "another operation 'delete' is in
 * progress"): that is an earlier run's DELETE whose answer was lost when its worker was killed (npm run chaos aims at
 * it), or another operation finishing. The VM is then looked at again shortly: gone is deleted, else the DELETE is sent
 * again. Before, the operation failed and the VM showed as restored while Azure deleted it.
 */
async function sendDelete(access: AzureAccess, resourceGroup: string, name: string): Promise<Progress<null>> {
  try {
    return await deleteVm(access, resourceGroup, name);
  } catch (error) {
    if (!isOperationInProgress(error)) throw error;
    if (!(await findVm(access, resourceGroup, name))) return { done: true, result: null };
    return {
      done: false,
      reason: "Azure is finishing another operation on the VM (a delete sent by an earlier run)",
      waitMs: LOOK_AGAIN_MS * lroTimeScale(),
    };
  }
}

/**
 * Delete (issue 18): one DELETE of the VM. A VM created by one PUT (networkManagedByVm) takes its NIC, public IP and
 * disks with it (deleteOption Delete on each), whether its create succeeded or failed. A VM whose NIC and public IP
 * were created apart (before issue 18) takes its NIC and disks; its public IP is deleted after, and after a failed
 * create a NIC without a VM is deleted by name too.
 */
export const deleteVmJob = defineJob({
  kind: kinds.vm.delete,
  async run({ vmId, afterFailedCreate }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    const apart = !vm.networkManagedByVm;
    const deleteStep = apart ? DELETE_VM : DELETE_MANAGED;
    await op.plan([
      deleteStep,
      ...(apart && afterFailedCreate ? ["Delete network interface"] : []),
      ...(apart && vm.hasPublicIp ? ["Delete public IP"] : []),
    ]);
    const access = await op.azureAccess(azureSubscriptionId);
    const arm = op.arm(access);
    await arm.lro(deleteStep, () => sendDelete(access, resourceGroup, vm.name));
    if (apart && afterFailedCreate)
      await arm.lro("Delete network interface", () => deleteNic(access, resourceGroup, nicName(vm.name)));
    if (apart && vm.hasPublicIp)
      await arm.lro("Delete public IP", () => deletePublicIp(access, resourceGroup, publicIpName(vm.name)));
    await db.$transaction(async (tx) => {
      await publishVmDeleted(tx, vmId);
      await tx.virtualMachine.delete({ where: { id: vmId } });
      // Compute and disks end with the VM's delete; a public IP created apart with the delete of the address.
      const usage = { source: "operation", operationId: op.operationId } as const;
      const at = await stepEndedAt(tx, op.operationId, deleteStep);
      await recordVmUsage(tx, vmId, at, usage);
    });
  },
  onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
});
