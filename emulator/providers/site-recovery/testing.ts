import { existsSync } from "node:fs";
import { SiteRecoveryManagementClient } from "@azure/arm-recoveryservices-siterecovery";
import type { TestEmulator } from "../../testing.js";
import { ACME_APP_ID, ACME_SUBSCRIPTION_ID, PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../../seed.js";

/** Helpers for the Site Recovery contract tests: names from the provider guide, SDK client, polling. */
export const RG = "WAPRecoveryGroup";
export const VAULT = "WAPRecoveryVault";
export const ACME_RG = "AcmeCorp-DR";
export const ACME_STORAGE = "acmecorpdrstore";
export const ACME_VNET = "AcmeCorp-DR-VNet";
export const POLL = { updateIntervalInMs: 20 };
/** The Network RP is a colleague's plugin; network-dependent tests run once it is in the tree. */
export const HAS_NETWORK_RP = existsSync(new URL("../network.ts", import.meta.url));

export const asr = (emu: TestEmulator) =>
  new SiteRecoveryManagementClient(emu.credential(PROVIDER_APP_ID), PROVIDER_SUBSCRIPTION_ID, emu.clientOptions());
export const acmeRgId = `/subscriptions/${ACME_SUBSCRIPTION_ID}/resourceGroups/${ACME_RG}`;
export const acmeStorageId = `${acmeRgId}/providers/Microsoft.Storage/storageAccounts/${ACME_STORAGE}`;
export const acmeVnetId = `${acmeRgId}/providers/Microsoft.Network/virtualNetworks/${ACME_VNET}`;

export async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** The tenant's own Azure resources in the AcmeCorp subscription: resource group, storage account (and vnet when the Network RP exists). */
export async function createAcmeTargets(emu: TestEmulator, location = "westus"): Promise<void> {
  await emu.resources(ACME_APP_ID, ACME_SUBSCRIPTION_ID).resourceGroups.createOrUpdate(ACME_RG, { location });
  await emu
    .storage(ACME_APP_ID, ACME_SUBSCRIPTION_ID)
    .storageAccounts.beginCreateAndWait(
      ACME_RG,
      ACME_STORAGE,
      { location, sku: { name: "Standard_GRS" }, kind: "StorageV2" },
      POLL,
    );
  if (!HAS_NETWORK_RP) return;
  const res = await emu.arm(ACME_APP_ID, "PUT", `${acmeVnetId}?api-version=2024-05-01`, {
    location,
    properties: {
      addressSpace: { addressPrefixes: ["10.20.0.0/16"] },
      subnets: [{ name: "default", properties: { addressPrefix: "10.20.1.0/24" } }],
    },
  });
  if (res.status >= 300) throw new Error(`vnet create failed: ${res.status} ${JSON.stringify(res.body)}`);
  await waitFor(
    () => emu.arm(ACME_APP_ID, "GET", `${acmeVnetId}?api-version=2024-05-01`),
    (r) => r.body.properties?.provisioningState === "Succeeded",
    "vnet",
  );
}

/** Seeded names → ARM names: the VMM fabric, a cloud and a VM (names are hashes/GUIDs as in Azure). */
export async function locate(client: SiteRecoveryManagementClient, cloud: string, vm?: string) {
  const fabric = (await all(client.replicationFabrics.list(VAULT, RG))).find(
    (f) => f.properties?.friendlyName === "vmm01.provider.local",
  )!;
  const containers = await all(
    client.replicationProtectionContainers.listByReplicationFabrics(VAULT, RG, fabric.name!),
  );
  const container = containers.find((c) => c.properties?.friendlyName === cloud)!;
  const items = await all(
    client.replicationProtectableItems.listByReplicationProtectionContainers(VAULT, RG, fabric.name!, container.name!),
  );
  const item = vm ? items.find((i) => i.properties?.friendlyName === vm) : undefined;
  return { fabric: fabric.name!, container: container.name!, containerId: container.id!, item, items };
}
