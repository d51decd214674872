import { deleteManagedDisk, getVm, setDataDisks } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { recordVmUsage, stepEndedAt } from "@/lib/usage/record";
import { loadVmForJob, restoreAfterFailure } from "./job-support";
import { kinds } from "@/lib/operations/kinds";

/**
 * The desired data disks are in the input (the service computed them), so a retry converges on the same set. A removed
 * disk is detached and then deleted, so it is not left behind in Azure (and billed).
 */
export const setDataDisksJob = defineJob({
  kind: kinds.vm.setDataDisks,
  async run({ vmId, disks, summary }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    const removedLuns = (vm.dataDisks as { lun: number }[])
      .map((d) => d.lun)
      .filter((lun) => !disks.some((d) => d.lun === lun));
    await op.plan(removedLuns.length ? ["Find the disk to remove", summary, "Delete the detached disk"] : [summary]);
    const access = await op.azureAccess(azureSubscriptionId);
    const arm = op.arm(access);
    const removedNames = removedLuns.length
      ? await op.step("Find the disk to remove", async () =>
          ((await getVm(access, resourceGroup, vm.name))?.dataDisks ?? [])
            .filter((d) => removedLuns.includes(d.lun))
            .map((d) => d.name),
        )
      : [];
    const updated = await arm.lro(summary, () => setDataDisks(access, resourceGroup, vm.name, disks));
    if (removedLuns.length) {
      // The service removes one disk per operation.
      const [name] = removedNames;
      await arm.lro("Delete the detached disk", async () =>
        name ? deleteManagedDisk(access, resourceGroup, name) : { done: true, result: null },
      );
    }
    await db.$transaction(async (tx) => {
      await tx.virtualMachine.update({
        where: { id: vmId },
        data: { dataDisks: disks, provisioningState: "Succeeded", errorMessage: null },
      });
      // A removed disk is billed until its delete finished; an added one from the update.
      const at = await stepEndedAt(tx, op.operationId, removedLuns.length ? "Delete the detached disk" : summary);
      await recordVmUsage(
        tx,
        vmId,
        at,
        { source: "operation", operationId: op.operationId },
        {
          data: updated.dataDisks,
        },
      );
    });
  },
  onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
});
