import {
  associatePolicy,
  checkStorageNameAvailability,
  ensureRecoveryVault,
  ensureReplicationPolicy,
  ensureResourceGroup,
  ensureStorageAccount,
  ensureVirtualNetwork,
  getStorageAccount,
  listFabrics,
  listOnPremVms,
  listProtectionContainers,
  listRecoveryProviders,
  listVmNetworks,
  mapVmNetworkToAzure,
  PORTAL_EXTRA_TAG,
  portalTags,
  readTags,
  withMissingPortalTags,
  type AzureAccess,
  type RecoveryVaultInfo,
  type ReplicationPolicyInfo,
  type StorageAccountInfo,
  type VaultRef,
  type VirtualNetworkInfo,
} from "@/lib/azure";
import { db, Prisma } from "@/lib/db/client";
import { Conflict } from "@/lib/errors";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { loadSetupForJob, tenantRgId, testVnetName } from "./load";
import { DR_ROLE, retagVault, TAG_STEP } from "./retag";
import type { SetupStep } from "./schema";
import { kinds } from "@/lib/operations/kinds";

/** dr.registerVault: the resource group and vault in the provider subscription (PUT: picking an existing vault is the same call), then the fabric. */
export const registerVaultJob = defineJob({
  kind: kinds.dr.registerVault,
  async run({ vaultId }, op) {
    await op.plan(["Ensure resource group", "Create or pick the vault", ...FABRIC_STEPS]);
    const vault = await db.recoveryVault.findUniqueOrThrow({ where: { id: vaultId } });
    const access = await op.azureAccess(vault.azureSubscriptionId);
    const arm = op.arm(access);
    // The provider's own vault: no tenant's, so no tenant or plan tag.
    const vaultTags = portalTags({ operationId: op.operationId, extra: { [PORTAL_EXTRA_TAG.role]: DR_ROLE } });
    await op.step("Ensure resource group", async () => {
      await ensureResourceGroup(access, vault.resourceGroup, vault.region, vaultTags);
      op.note(`${vault.resourceGroup} in ${vault.region}`);
    });
    const info = await arm.lro<RecoveryVaultInfo>("Create or pick the vault", () =>
      ensureRecoveryVault(access, { resourceGroup: vault.resourceGroup, vault: vault.name }, vault.region, vaultTags),
    );
    if (info.location && info.location !== vault.region)
      throw new Conflict(`${vault.name} exists in ${info.location}, not ${vault.region}.`);
    await db.recoveryVault.update({
      where: { id: vault.id },
      data: { azureResourceId: info.id, state: "ready", errorMessage: null },
    });
    await readFabric(op, access, vault.id, { resourceGroup: vault.resourceGroup, vault: vault.name });
  },
  async onFailed({ vaultId }, { message }) {
    await db.recoveryVault.updateMany({
      where: { id: vaultId, state: "creating" },
      data: { state: "error", errorMessage: message },
    });
  },
});

const FABRIC_STEPS = ["Read registered VMM servers", "Read clouds and their VMs", "Read VM networks"];

/** Reads the VMM servers, clouds (with VMs) and VM networks into the cache. Assignments are kept; vanished objects are marked missing. */
async function readFabric(op: JobContext, access: AzureAccess, vaultId: string, ref: VaultRef) {
  const fabrics = await op.step(FABRIC_STEPS[0], async () => {
    const [list, providers] = await Promise.all([listFabrics(access, ref), listRecoveryProviders(access, ref)]);
    for (const f of list) {
      const p = providers.find((x) => x.fabricName === f.name);
      await db.fabric.upsert({
        where: { vaultId_armName: { vaultId, armName: f.name } },
        create: {
          vaultId,
          armName: f.name,
          friendlyName: f.friendlyName,
          health: f.health,
          connectionStatus: p?.connectionStatus,
          providerVersion: p?.providerVersion,
          lastHeartbeatAt: p?.lastHeartbeat ? new Date(p.lastHeartbeat) : null,
        },
        update: {
          friendlyName: f.friendlyName,
          health: f.health,
          connectionStatus: p?.connectionStatus ?? null,
          providerVersion: p?.providerVersion ?? null,
          lastHeartbeatAt: p?.lastHeartbeat ? new Date(p.lastHeartbeat) : null,
          isMissing: false,
        },
      });
    }
    await db.fabric.updateMany({
      where: { vaultId, armName: { notIn: list.map((f) => f.name) } },
      data: { isMissing: true },
    });
    op.note(
      list.length
        ? list.map((f) => `${f.friendlyName} (${f.health})`).join(", ")
        : "No VMM server has registered with this vault yet",
    );
    return list.map((f) => f.name);
  });
  const rows = await db.fabric.findMany({ where: { vaultId, armName: { in: fabrics } } });
  await op.step(FABRIC_STEPS[1], async () => {
    let count = 0;
    for (const fabric of rows) {
      const containers = await listProtectionContainers(access, ref, fabric.armName);
      for (const c of containers) {
        const vms = (await listOnPremVms(access, ref, fabric.armName, c.name)).map((v) => ({
          armName: v.name,
          name: v.friendlyName,
          osType: v.osType,
          osName: v.osName,
          disks: v.disks,
          protectionStatus: v.protectionStatus,
        }));
        await db.protectionContainer.upsert({
          where: { fabricId_armName: { fabricId: fabric.id, armName: c.name } },
          create: {
            vaultId,
            fabricId: fabric.id,
            armName: c.name,
            friendlyName: c.friendlyName,
            pairingStatus: c.pairingStatus,
            vms: vms as Prisma.InputJsonValue,
          },
          update: {
            friendlyName: c.friendlyName,
            pairingStatus: c.pairingStatus,
            vms: vms as Prisma.InputJsonValue,
            isMissing: false,
          },
        });
        count++;
      }
      await db.protectionContainer.updateMany({
        where: { fabricId: fabric.id, armName: { notIn: containers.map((c) => c.name) } },
        data: { isMissing: true },
      });
    }
    op.note(`${count} cloud${count === 1 ? "" : "s"}`);
  });
  await op.step(FABRIC_STEPS[2], async () => {
    let count = 0;
    for (const fabric of rows) {
      for (const n of await listVmNetworks(access, ref, fabric.armName)) {
        await db.drVmNetwork.upsert({
          where: { fabricId_armName: { fabricId: fabric.id, armName: n.name } },
          create: { vaultId, fabricId: fabric.id, armName: n.name, friendlyName: n.friendlyName },
          update: { friendlyName: n.friendlyName },
        });
        count++;
      }
    }
    op.note(`${count} VM network${count === 1 ? "" : "s"}`);
  });
  await db.recoveryVault.update({ where: { id: vaultId }, data: { lastRefreshedAt: new Date() } });
}

export const refreshFabricJob = defineJob({
  kind: kinds.dr.refreshFabric,
  async run({ vaultId }, op) {
    const vault = await db.recoveryVault.findUniqueOrThrow({ where: { id: vaultId } });
    // Until the vault and its group are found carrying the portal's tags (issue 15 point 1), each refresh looks.
    const retagging = !vault.tagsCheckedAt && !!vault.azureResourceId;
    await op.plan(retagging ? [...FABRIC_STEPS, TAG_STEP] : FABRIC_STEPS);
    const access = await op.azureAccess(vault.azureSubscriptionId);
    await readFabric(op, access, vault.id, { resourceGroup: vault.resourceGroup, vault: vault.name });
    if (retagging) await op.step(TAG_STEP, () => retagVault(op, access, vault).then(() => true));
  },
});

const SECTIONS: Record<SetupStep, string[]> = {
  targets: [
    "Check storage account name",
    "Ensure resource group",
    "Create storage account",
    "Create virtual network",
    "Create test network",
  ],
  policy: ["Create replication policy", "Associate policy with the cloud"],
  mapping: ["Map VM network"],
};
const STATE_FIELD = { targets: "targetsState", policy: "policyState", mapping: "mappingState" } as const;

/**
 * dr.setupTenant: (1) targets in the tenant's own subscription, (2) the tenant's policy in the provider's vault and its
 * association with the tenant's cloud, (3) the VM network mapping. Every call is a PUT of a name chosen in the form,
 * so re-running the whole setup, or one section (`only`), converges.
 */
export const setupTenantJob = defineJob({
  kind: kinds.dr.setupTenant,
  async run({ setupId, only }, op) {
    const sections = only ? [only] : (["targets", "policy", "mapping"] as SetupStep[]);
    await op.plan(sections.flatMap((s) => SECTIONS[s]));
    const { setup, vault, vaultRef, tenantAzureSubscriptionId } = await loadSetupForJob(setupId);
    const tenant = await op.azureAccess(tenantAzureSubscriptionId);
    const provider = await op.azureAccess(vault.azureSubscriptionId);
    const tenantArm = op.arm(tenant);
    const providerArm = op.arm(provider);
    const mark = (s: SetupStep, state: string) =>
      db.tenantDrSetup.update({ where: { id: setupId }, data: { [STATE_FIELD[s]]: state } });
    const owner = {
      tenant: setup.tenant,
      plan: setup.tenantSubscription.planId,
      operationId: op.operationId,
      extra: { [PORTAL_EXTRA_TAG.role]: DR_ROLE },
    };
    const tags = portalTags(owner);
    let ids = { storageAccountId: setup.storageAccountId, vnetId: setup.vnetId };

    if (sections.includes("targets")) {
      await mark("targets", "running");
      // An existing account's tags, for its PUT: Azure's PUT replaces them (null: the account is new).
      const existingAccount = await op.step("Check storage account name", async () => {
        const found = await getStorageAccount(tenant, setup.resourceGroup, setup.storageAccount);
        if (found) {
          op.note(`${setup.storageAccount} already exists in ${setup.resourceGroup}`);
          return { tags: found.tags ?? {} };
        }
        const free = await checkStorageNameAvailability(tenant, setup.storageAccount);
        if (!free.available)
          throw new Conflict(
            `The storage account name ${setup.storageAccount} is already taken in Azure (${free.reason ?? "AlreadyExists"}); choose another name and run the setup again.`,
          );
        op.note(`${setup.storageAccount} is available`);
      });
      await op.step("Ensure resource group", async () => {
        await ensureResourceGroup(tenant, setup.resourceGroup, vault.region, tags);
        op.note(`${setup.resourceGroup} in ${vault.region}`);
      });
      const account = await tenantArm.lro<StorageAccountInfo>("Create storage account", () =>
        ensureStorageAccount(tenant, {
          resourceGroup: setup.resourceGroup,
          name: setup.storageAccount,
          location: vault.region,
          sku: "Standard_GRS",
          tags: withMissingPortalTags(existingAccount?.tags, portalTags(owner, { storage: true }), { storage: true }),
        }),
      );
      // A network's PUT replaces its tags too: one read of an existing network's (none for a new one) before it.
      const putNetwork = async (name: string) => {
        const id = `${tenantRgId(tenant.subscriptionId, setup.resourceGroup)}/providers/Microsoft.Network/virtualNetworks/${name}`;
        return ensureVirtualNetwork(tenant, {
          resourceGroup: setup.resourceGroup,
          name,
          location: vault.region,
          addressSpace: [setup.addressSpace],
          subnets: [{ name: setup.subnetName, prefix: setup.subnetPrefix }],
          tags: withMissingPortalTags(await readTags(tenant, id), tags),
        });
      };
      const vnet = await tenantArm.lro<VirtualNetworkInfo>("Create virtual network", () => putNetwork(setup.vnetName));
      // Test failovers land in a copy of the network with no route to anything, so a test VM never meets production.
      const test = await tenantArm.lro<VirtualNetworkInfo>("Create test network", () =>
        putNetwork(testVnetName(setup.vnetName)),
      );
      ids = { storageAccountId: account.id, vnetId: vnet.id };
      await db.tenantDrSetup.update({
        where: { id: setupId },
        data: { ...ids, testVnetId: test.id, targetsState: "succeeded" },
      });
    }
    if (sections.includes("policy")) {
      if (!ids.storageAccountId) throw new Conflict("Create the tenant's storage account (step 1) before the policy.");
      await mark("policy", "running");
      const policy = await providerArm.lro<ReplicationPolicyInfo>("Create replication policy", () =>
        ensureReplicationPolicy(provider, vaultRef, {
          name: setup.policyName,
          copyFrequencySeconds: setup.copyFrequencySeconds as 30 | 300 | 900,
          recoveryPointHours: setup.recoveryPointHours,
          appConsistentHours: setup.appConsistentHours,
          initialReplicationStart: setup.initialReplicationStart ? `${setup.initialReplicationStart}:00` : null,
          storageAccountId: ids.storageAccountId!,
        }),
      );
      await providerArm.lro("Associate policy with the cloud", () =>
        associatePolicy(
          provider,
          {
            ...vaultRef,
            fabric: setup.container.fabric.armName,
            container: setup.container.armName,
            mapping: `${setup.policyName}-Mapping`,
          },
          policy.id,
        ),
      );
      await db.tenantDrSetup.update({
        where: { id: setupId },
        data: { policyId: policy.id, policyState: "succeeded" },
      });
      await db.protectionContainer.update({ where: { id: setup.containerId }, data: { pairingStatus: "Paired" } });
    }
    if (sections.includes("mapping")) {
      if (!ids.vnetId) throw new Conflict("Create the tenant's virtual network (step 1) before mapping networks.");
      if (!setup.vmNetwork) throw new Conflict("Choose the tenant's on-premises VM network.");
      await mark("mapping", "running");
      const net = setup.vmNetwork;
      await providerArm.lro("Map VM network", () =>
        mapVmNetworkToAzure(
          provider,
          {
            ...vaultRef,
            fabric: net.fabric.armName,
            network: net.armName,
            mapping: `${net.friendlyName}-${setup.tenant.slug}`,
          },
          ids.vnetId!,
        ),
      );
      op.note(`${net.friendlyName} → ${setup.vnetName}`);
      await mark("mapping", "succeeded");
    }
  },
  async onFailed({ setupId }, { message }) {
    const setup = await db.tenantDrSetup.findUnique({ where: { id: setupId } });
    if (!setup) return;
    const failed = (s: string) => (s === "running" ? "failed" : s);
    await db.tenantDrSetup.update({
      where: { id: setupId },
      data: {
        targetsState: failed(setup.targetsState),
        policyState: failed(setup.policyState),
        mappingState: failed(setup.mappingState),
        lastError: message,
      },
    });
  },
});
