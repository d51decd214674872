import { ArmError } from "../../core/errors.js";
import type { ControlRoute } from "../../core/plugin.js";
import type { SeedContext } from "../../core/seed-context.js";
import { VAULT_TYPE } from "./vault-shape.js";
import { registerVmm, type VmmSpec } from "./infrastructure.js";

/** Demo seed: the provider's vault with one VMM server that manages AcmeCorp's and Contoso's clouds. */
export const DR_RESOURCE_GROUP = "WAPRecoveryGroup";
export const DR_VAULT = "WAPRecoveryVault";
export const DR_LOCATION = "westus";
export const VMM_SERVER = "vmm01.provider.local";

export const DEMO_VMM: VmmSpec = {
  serverName: VMM_SERVER,
  clouds: [
    {
      name: "AcmeCorp Cloud",
      vms: [
        { name: "VM01", disksGB: [127, 256] },
        { name: "VM02", disksGB: [127] },
        { name: "WEB01", osName: "Windows Server 2019 Datacenter", disksGB: [127, 64] },
      ],
    },
    {
      name: "Contoso Cloud",
      vms: [
        { name: "SQL01", cpuCount: 8, memoryMB: 32768, disksGB: [127, 512, 256] },
        { name: "APP01", disksGB: [127] },
        { name: "LNX01", osType: "Linux", osName: "Ubuntu 22.04 LTS", generation: "2", disksGB: [64] },
      ],
    },
  ],
  networks: [
    { name: "YellowNetwork", subnets: ["YellowNetwork_Subnet"] },
    { name: "BlueNetwork", subnets: ["BlueNetwork_Subnet"] },
  ],
};

export function vaultIdFor(subscriptionId: string, resourceGroup = DR_RESOURCE_GROUP, vault = DR_VAULT): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault}`;
}

export function seedSiteRecovery(s: SeedContext): void {
  const sub = s.ids.subscriptions.provider;
  const rgId = `/subscriptions/${sub}/resourceGroups/${DR_RESOURCE_GROUP}`;
  if (!s.store.getResource(rgId)) {
    s.putResource(rgId, {
      name: DR_RESOURCE_GROUP,
      type: "Microsoft.Resources/resourceGroups",
      location: DR_LOCATION,
      tags: {},
      properties: { provisioningState: "Succeeded" },
    });
  }
  const vaultId = vaultIdFor(sub);
  if (!s.store.getResource(vaultId)) {
    s.putResource(vaultId, {
      name: DR_VAULT,
      type: VAULT_TYPE,
      location: DR_LOCATION,
      tags: {},
      sku: { name: "RS0", tier: "Standard" },
      etag: `W/"datetime'${encodeURIComponent(s.clock.iso())}'"`,
      properties: {
        provisioningState: "Succeeded",
        privateEndpointStateForBackup: "None",
        privateEndpointStateForSiteRecovery: "None",
        publicNetworkAccess: "Enabled",
        secureScore: "None",
        bcdrSecurityLevel: "Poor",
        redundancySettings: { standardTierStorageRedundancy: "GeoRedundant", crossRegionRestore: "Disabled" },
        securitySettings: { softDeleteSettings: { softDeleteState: "Enabled", softDeleteRetentionPeriodInDays: 14 } },
      },
    });
  }
  registerVmm(s.store, s.clock, vaultId, DEMO_VMM);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /_emulator/site-recovery/register-vmm` `{ vaultId, serverName, fabricName?, clouds: [{ name, containerName?, vms: [{ name, id?, osType?, disksGB? }] }], networks: [{ name }] }`:
 * registers a VMM server (as the Provider setup on the server would) with any vault, for demos; the optional ARM names
 * and VM ids (VMM's, not Azure's) let the conformance replay build the fabric, container and VM a published example
 * names. Idempotent.
 */
export const registerVmmControl: ControlRoute = {
  method: "POST",
  path: "site-recovery/register-vmm",
  handler: ({ store, clock }, body) => {
    const vaultId = String(body.vaultId ?? "");
    const vault = store.getResource(vaultId);
    if (!vault || vault.type !== VAULT_TYPE.toLowerCase())
      throw new ArmError(
        400,
        "InvalidControlRequest",
        `'vaultId' must be the id of an existing Recovery Services vault.`,
      );
    if (typeof body.serverName !== "string" || !body.serverName)
      throw new ArmError(400, "InvalidControlRequest", "'serverName' is required.");
    const clouds = (body.clouds ?? []) as VmmSpec["clouds"];
    const badId = clouds.flatMap((c) => c.vms ?? []).find((vm) => vm.id !== undefined && !GUID.test(String(vm.id)));
    if (badId)
      throw new ArmError(
        400,
        "InvalidControlRequest",
        `The VM id '${String(badId.id)}' is not a GUID (VMM's VM ids are).`,
      );
    const spec: VmmSpec = {
      serverName: body.serverName,
      ...(typeof body.fabricName === "string" && body.fabricName ? { fabricName: body.fabricName } : {}),
      clouds,
      networks: body.networks ?? [],
    };
    const fabricId = registerVmm(store, clock, vault.id, spec);
    return { status: 200, body: { fabricId, fabricName: fabricId.split("/").pop() } };
  },
};
