import { db } from "@/lib/db/client";

/** A VM as its jobs need it: the row, its resource group and the Azure subscription behind the tenant's plan. */
export async function loadVmForJob(vmId: string) {
  const vm = await db.virtualMachine.findUniqueOrThrow({
    where: { id: vmId },
    include: {
      tenantSubscription: {
        select: {
          resourceGroup: true,
          location: true,
          planId: true,
          tenant: { select: { slug: true } },
          plan: { select: { azureSubscriptionId: true } },
        },
      },
    },
  });
  return {
    vm,
    resourceGroup: vm.tenantSubscription.resourceGroup,
    azureSubscriptionId: vm.tenantSubscription.plan.azureSubscriptionId,
  };
}

export const nicName = (vmName: string) => `${vmName}-nic`;
export const publicIpName = (vmName: string) => `${vmName}-ip`;

/** Marks the VM's intent failed with Azure's message, so nothing stays "Creating" forever. */
export async function markVmFailed(vmId: string, message: string, code?: string) {
  await db.virtualMachine.updateMany({
    where: { id: vmId },
    data: { provisioningState: "Failed", errorMessage: message, errorCode: code ?? null },
  });
}

/** An action failing leaves the VM as it was in Azure: back to Succeeded, with the reason shown on the VM. */
export async function restoreAfterFailure(vmId: string, message: string) {
  await db.virtualMachine.updateMany({
    where: { id: vmId },
    data: { provisioningState: "Succeeded", errorMessage: message },
  });
}
