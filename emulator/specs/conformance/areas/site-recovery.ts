import type { JsonBody as Body } from "../../../core/plugin.js";
import { PROVIDER_APP_ID } from "../../../seed.js";
import type { Prerequisites } from "../prerequisites.js";
import type { ConformanceArea } from "./area.js";

/**
 * Site Recovery: the protected item an example acts on, built as its owner built it (Hyper-V VMs in a VMM cloud,
 * replicated to Azure): the VMM server registers the cloud and its VM, a replication policy is paired with the cloud,
 * protection is enabled with the portal's HyperVReplicaAzure input, and initial replication finishes. An example that
 * acts after a failover (change recovery point) gets one first.
 */
const ASR_API = "2023-06-01";
const ITEM =
  /^(\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+))\/replicationFabrics\/([^/]+)\/replicationProtectionContainers\/([^/]+)\/replicationProtectedItems\/([^/]+)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function call(pre: Prerequisites, method: string, path: string, body?: unknown): Promise<Body> {
  const res = await pre.emu.arm(PROVIDER_APP_ID, method, `${path}?api-version=${ASR_API}`, body);
  if (res.status >= 300)
    throw new Error(
      `prerequisite ${method} ${path}: ${res.status} ${res.body?.error?.code}: ${res.body?.error?.message}`,
    );
  return res.body;
}

/** Reads `path` until `done` holds for its body (the emulator's clock moves the item through its states). */
async function until(pre: Prerequisites, path: string, what: string, done: (p: Body) => boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const body = await call(pre, "GET", path);
    if (done(body.properties ?? {})) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`prerequisite ${path} did not reach ${what}`);
}

/**
 * Site Recovery's modelled durations are minutes (enable 2 min, initial replication 1 min + the disks, failover 1.5
 * min): the replay runs them on a clock ten times faster than the rest of the replay's, as a test would, and puts the
 * clock back after.
 */
async function onFasterClock<T>(pre: Prerequisites, run: () => Promise<T>): Promise<T> {
  const { timeScale } = (await pre.emu.control.getConfig()) as { timeScale: number };
  await pre.emu.control.setConfig({ timeScale: timeScale / 10 });
  try {
    return await run();
  } finally {
    await pre.emu.control.setConfig({ timeScale });
  }
}

async function protectItem(pre: Prerequisites, id: string, m: RegExpExecArray): Promise<void> {
  const [, vaultId, sub, rg, vault, fabric, container, itemName] = m;
  const group = `/subscriptions/${sub}/resourceGroups/${rg}`;
  const containerId = `${vaultId}/replicationFabrics/${fabric}/replicationProtectionContainers/${container}`;
  await pre.ensure(vaultId);
  // The portal names a protected item after its VM's id in VMM, which is the protectable item's name; an item named
  // otherwise protects a VM VMM gave its own id.
  const vmName = `vm-${itemName.slice(0, 8)}`;
  await pre.emu.control.call("POST", "site-recovery/register-vmm", {
    vaultId,
    serverName: fabric,
    fabricName: fabric,
    clouds: [
      {
        name: fabric,
        containerName: container,
        vms: [{ name: vmName, ...(GUID.test(itemName) ? { id: itemName } : {}), disksGB: [127] }],
      },
    ],
    networks: [],
  });
  const protectables = (await call(pre, "GET", `${containerId}/replicationProtectableItems`)).value as Body[];
  const vm = protectables.find((p) => p.properties?.friendlyName === vmName);
  if (!vm) throw new Error(`prerequisite ${containerId}: VMM registered no VM '${vmName}'`);

  // The replica disks' storage account and the failover VM's network and resource group, in the vault's region.
  const storage = `${group}/providers/Microsoft.Storage/storageAccounts/asr${rg.replace(/\W/g, "").toLowerCase().slice(0, 18)}`;
  const vnet = `${group}/providers/Microsoft.Network/virtualNetworks/${vault}-recovery-vnet`;
  await pre.ensure(storage);
  await pre.ensure(`${vnet}/subnets/default`);

  const policyId = `${vaultId}/replicationPolicies/${fabric}-to-azure`;
  await call(pre, "PUT", policyId, {
    properties: { providerSpecificInput: { instanceType: "HyperVReplicaAzure", storageAccounts: [storage] } },
  });
  await until(
    pre,
    policyId,
    "Succeeded",
    (p) => p.provisioningState === undefined || p.provisioningState === "Succeeded",
  );
  const mapping = `${containerId}/replicationProtectionContainerMappings/${fabric}-to-azure`;
  await call(pre, "PUT", mapping, {
    properties: {
      policyId,
      targetProtectionContainerId: "Microsoft Azure",
      providerSpecificInput: { instanceType: "HyperVReplicaAzure" },
    },
  });
  await until(pre, mapping, "Paired", (p) => p.state === "Paired");

  const custom = vm.properties.customDetails as { diskDetails: { vhdId: string; vhdType: string }[] };
  await call(pre, "PUT", id, {
    properties: {
      policyId,
      protectableItemId: vm.id,
      providerSpecificDetails: {
        instanceType: "HyperVReplicaAzure",
        vmName,
        osType: "Windows",
        vhdId: custom.diskDetails.find((d) => d.vhdType === "OperatingSystem")?.vhdId,
        targetAzureVmName: vmName,
        targetStorageAccountId: storage,
        targetAzureV2ResourceGroupId: group,
        targetAzureNetworkId: vnet,
        targetAzureSubnetId: "default",
        useManagedDisks: "false",
      },
    },
  });
  await until(pre, id, "Protected", (p) => p.protectionState === "Protected");
}

/** Operations Azure allows only after a failover and before its commit (allowedOperations "ChangePit", "Commit"). */
const AFTER_FAILOVER: Record<string, string> = {
  ReplicationProtectedItems_ApplyRecoveryPoint: "ChangePit",
  ReplicationProtectedItems_FailoverCommit: "Commit",
};

export const siteRecovery: ConformanceArea = {
  unmodelled: [],
  async ensure(pre, id) {
    const m = ITEM.exec(id);
    if (!m) return false;
    await onFasterClock(pre, () => protectItem(pre, id, m));
    return true;
  },
  async prepare(pre, example, request) {
    const allowed = AFTER_FAILOVER[example.operationId];
    const item = request.path.replace(/\/[^/]+$/, "");
    if (!allowed || !ITEM.test(item)) return;
    // An unplanned failover to the latest recovery point, as "Fail over Hyper-V VMs to Azure" (Microsoft Learn) runs it.
    await onFasterClock(pre, async () => {
      await call(pre, "POST", `${item}/unplannedFailover`, {
        properties: {
          failoverDirection: "PrimaryToRecovery",
          sourceSiteOperations: "NotRequired",
          providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
        },
      });
      await until(pre, item, allowed, (p) => (p.allowedOperations as string[] | undefined)?.includes(allowed) ?? false);
    });
  },
};
