import { db } from "@/lib/db/client";

export type NetworkClaim = {
  state: "ready" | "mine" | "busy";
  /** When the claim was taken (busy: by the other operation). */ claimedAt: Date;
};

/**
 * One vm.create per network creates the resource group and the virtual network in Azure; the others in the same bulk
 * wait for it instead of sending the same PUTs 50 times (which also ate the subscription's write budget). A claim
 * held by an operation that is no longer queued or running is taken over.
 */
export async function claimNetwork(networkId: string, operationId: string): Promise<NetworkClaim> {
  const taken = await db.$executeRaw`
    update "VirtualNetwork" set "provisioningOperationId" = ${operationId}, "updatedAt" = now()
    where id = ${networkId} and "azureResourceId" is null
      and ("provisioningOperationId" is null or "provisioningOperationId" = ${operationId}
           or not exists (select 1 from "Operation" o where o.id = "VirtualNetwork"."provisioningOperationId" and o.state in ('queued', 'running')))`;
  if (taken === 1) return { state: "mine", claimedAt: new Date() };
  const network = await db.virtualNetwork.findUniqueOrThrow({
    where: { id: networkId },
    select: { azureResourceId: true, updatedAt: true },
  });
  return { state: network.azureResourceId ? "ready" : "busy", claimedAt: network.updatedAt };
}

export async function releaseNetwork(networkId: string, azureResourceId: string) {
  await db.virtualNetwork.update({
    where: { id: networkId },
    data: { azureResourceId, provisioningOperationId: null },
  });
}
