import type { ItemRef, VaultRef } from "@/lib/azure";
import { db } from "@/lib/db/client";

/** What DR jobs need: the vault (provider subscription) and, for tenant work, the tenant's own Azure subscription. */
export async function loadSetupForJob(setupId: string) {
  const setup = await db.tenantDrSetup.findUniqueOrThrow({
    where: { id: setupId },
    include: {
      tenant: { select: { id: true, slug: true } },
      vmNetwork: { include: { fabric: true } },
      tenantSubscription: {
        select: {
          planId: true,
          plan: { select: { azureSubscriptionId: true, azureSubscription: { select: { subscriptionId: true } } } },
        },
      },
      container: { include: { fabric: true, vault: true } },
    },
  });
  const vault = setup.container.vault;
  return {
    setup,
    vault,
    vaultRef: { resourceGroup: vault.resourceGroup, vault: vault.name } satisfies VaultRef,
    tenantAzureSubscriptionId: setup.tenantSubscription.plan.azureSubscriptionId,
    tenantArmSubscription: setup.tenantSubscription.plan.azureSubscription.subscriptionId,
  };
}

export async function loadItemForJob(protectedItemId: string) {
  const item = await db.protectedItem.findUniqueOrThrow({ where: { id: protectedItemId } });
  const loaded = await loadSetupForJob(
    (await db.tenantDrSetup.findUniqueOrThrow({ where: { containerId: item.containerId }, select: { id: true } })).id,
  );
  const ref: ItemRef = {
    ...loaded.vaultRef,
    fabric: loaded.setup.container.fabric.armName,
    container: loaded.setup.container.armName,
    item: item.armName,
  };
  return { item, ref, ...loaded };
}

export const tenantRgId = (armSubscription: string, rg: string) =>
  `/subscriptions/${armSubscription}/resourceGroups/${rg}`;
export const testVnetName = (vnet: string) => `${vnet}-test`;
