import { deallocateVm, restartVm, startVm, type AzureAccess, type LroProgress } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { kinds } from "@/lib/operations/kinds";
import { recordVmUsage, stepEndedAt } from "@/lib/usage/record";
import { loadVmForJob, restoreAfterFailure } from "./job-support";
import { publishVmPowerChanges } from "@/lib/events/vm-events";

type PowerCall = (access: AzureAccess, resourceGroup: string, name: string) => Promise<LroProgress<unknown>>;

function powerJob<K extends typeof kinds.vm.start | typeof kinds.vm.stop | typeof kinds.vm.restart>(
  kind: K,
  step: string,
  call: PowerCall,
  powerState: string,
) {
  return defineJob({
    kind,
    async run({ vmId }, op) {
      await op.plan([step]);
      const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
      const access = await op.azureAccess(azureSubscriptionId);
      const arm = op.arm(access);
      await arm.lro(step, () => call(access, resourceGroup, vm.name));
      await db.$transaction(async (tx) => {
        await tx.virtualMachine.update({
          where: { id: vmId },
          data: { provisioningState: "Succeeded", powerState, errorMessage: null },
        });
        await publishVmPowerChanges(tx, [vm], "operation");
        const at = await stepEndedAt(tx, op.operationId, step);
        await recordVmUsage(tx, vmId, at, { source: "operation", operationId: op.operationId });
      });
    },
    onFailed: ({ vmId }, { message }) => restoreAfterFailure(vmId, message),
  });
}

export const startVmJob = powerJob(kinds.vm.start, "Start VM", startVm, "running");
export const stopVmJob = powerJob(kinds.vm.stop, "Stop and deallocate VM", deallocateVm, "deallocated");
export const restartVmJob = powerJob(kinds.vm.restart, "Restart VM", restartVm, "running");
