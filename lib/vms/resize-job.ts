import { deallocateVm, listAvailableResizeSizes, resizeVm, startVm } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { recordVmUsage, stepEndedAt } from "@/lib/usage/record";
import { loadVmForJob, restoreAfterFailure } from "./job-support";
import { kinds } from "@/lib/operations/kinds";
import { publishVmPowerChanges } from "@/lib/events/vm-events";

const powerFields = { id: true, powerState: true } as const;

/**
 * Resize: Azure moves a running VM only to sizes in its current hardware cluster; for any other size the VM is
 * deallocated, resized and started again — and the plan says so before the user confirms.
 */
export const resizeVmJob = defineJob({
  kind: kinds.vm.resize,
  async run({ vmId, size, vcpus, memoryMb }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    const access = await op.azureAccess(azureSubscriptionId);
    const arm = op.arm(access);
    // Decided once and stored with the step, so a resumed run follows the same plan after the VM was deallocated.
    await op.plan(["Check the target size"]);
    const { cycle } = await op.step("Check the target size", async () => {
      const isRunning = vm.powerState === "running";
      const inCluster = isRunning
        ? (await listAvailableResizeSizes(access, resourceGroup, vm.name)).some((s) => s.name === size)
        : true;
      op.note(
        isRunning && !inCluster
          ? `${size} is outside the VM's hardware cluster: deallocate, resize, start`
          : `${size} can be applied directly`,
      );
      return { cycle: isRunning && !inCluster };
    });
    await op.plan(["Check the target size", ...(cycle ? ["Deallocate VM", "Resize VM", "Start VM"] : ["Resize VM"])]);
    const usage = { source: "operation", operationId: op.operationId } as const;
    if (cycle) {
      await arm.lro("Deallocate VM", () => deallocateVm(access, resourceGroup, vm.name));
      // Compute stops while the VM is deallocated between the two sizes.
      await db.$transaction(async (tx) => {
        const before = await tx.virtualMachine.findUniqueOrThrow({ where: { id: vmId }, select: powerFields });
        await tx.virtualMachine.update({ where: { id: vmId }, data: { powerState: "deallocated" } });
        await publishVmPowerChanges(tx, [before], "operation");
        await recordVmUsage(tx, vmId, await stepEndedAt(tx, op.operationId, "Deallocate VM"), usage);
      });
    }
    await arm.lro("Resize VM", () => resizeVm(access, resourceGroup, vm.name, size));
    if (cycle) await arm.lro("Start VM", () => startVm(access, resourceGroup, vm.name));
    await db.$transaction(async (tx) => {
      const before = await tx.virtualMachine.findUniqueOrThrow({ where: { id: vmId }, select: powerFields });
      await tx.virtualMachine.update({
        where: { id: vmId },
        data: {
          size,
          vcpus,
          memoryMb,
          provisioningState: "Succeeded",
          errorMessage: null,
          ...(cycle ? { powerState: "running" } : {}),
        },
      });
      await publishVmPowerChanges(tx, [before], "operation");
      const at = await stepEndedAt(tx, op.operationId, cycle ? "Start VM" : "Resize VM");
      await recordVmUsage(tx, vmId, at, usage);
    });
  },
  onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
});
