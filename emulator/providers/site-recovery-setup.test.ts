import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SiteRecoveryManagementClient } from "@azure/arm-recoveryservices-siterecovery";
import { RecoveryServicesClient } from "@azure/arm-recoveryservices";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { ACME_APP_ID, ACME_SUBSCRIPTION_ID, PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import {
  acmeStorageId,
  ACME_RG,
  all,
  asr,
  createAcmeTargets,
  locate,
  POLL,
  RG,
  VAULT,
} from "./site-recovery/testing.js";

describe("Site Recovery infrastructure and policies through @azure/arm-recoveryservices-siterecovery", () => {
  let emu: TestEmulator;
  let client: SiteRecoveryManagementClient;

  beforeAll(async () => {
    emu = await startTestEmulator();
    client = asr(emu);
    await createAcmeTargets(emu);
  });
  afterAll(() => emu.close());

  it("shows the seeded VMM server as a healthy fabric with a connected provider", async () => {
    const fabrics = await all(client.replicationFabrics.list(VAULT, RG));
    expect(fabrics).toHaveLength(1);
    expect(fabrics[0].properties).toMatchObject({
      friendlyName: "vmm01.provider.local",
      health: "Normal",
      customDetails: { instanceType: "VMM" },
    });
    const providers = await all(
      client.replicationRecoveryServicesProviders.listByReplicationFabrics(VAULT, RG, fabrics[0].name!),
    );
    expect(providers[0].properties).toMatchObject({
      fabricType: "VMM",
      friendlyName: "vmm01.provider.local",
      connectionStatus: "Connected",
    });
  });

  it("lists each tenant's cloud with its VMs and the VMM networks", async () => {
    const acme = await locate(client, "AcmeCorp Cloud");
    expect(acme.items.map((i) => i.properties?.friendlyName).sort()).toEqual(["VM01", "VM02", "WEB01"]);
    expect(acme.items[0].properties).toMatchObject({
      protectionStatus: "Unprotected",
      customDetails: { instanceType: "HyperVVirtualMachine" },
    });
    const contoso = await locate(client, "Contoso Cloud", "LNX01");
    expect(contoso.items).toHaveLength(3);
    expect(contoso.item?.properties?.customDetails).toMatchObject({ osDetails: { osType: "Linux" } });
    const containers = await all(client.replicationProtectionContainers.list(VAULT, RG));
    expect(containers.map((c) => c.properties?.pairingStatus)).toEqual(["NotPaired", "NotPaired"]);
    const networks = await all(client.replicationNetworks.list(VAULT, RG));
    expect(networks.map((n) => n.properties?.friendlyName).sort()).toEqual(["BlueNetwork", "YellowNetwork"]);
  });

  const policy = (overrides: Record<string, unknown> = {}) =>
    ({
      properties: {
        providerSpecificInput: {
          instanceType: "HyperVReplicaAzure",
          replicationInterval: 900,
          recoveryPointHistoryDuration: 1,
          applicationConsistentSnapshotFrequencyInHours: 1,
          onlineReplicationStartTime: undefined,
          storageAccounts: [acmeStorageId],
          ...overrides,
        },
      },
    }) as Parameters<SiteRecoveryManagementClient["replicationPolicies"]["beginCreateAndWait"]>[3];

  it("refuses a 60-second copy frequency", async () => {
    await expect(
      client.replicationPolicies.beginCreateAndWait(VAULT, RG, "Bad-Policy", policy({ replicationInterval: 60 }), POLL),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "BadRequest",
      message: expect.stringContaining("30, 300 and 900"),
    });
  });

  it("refuses app-consistent snapshots less frequent than the retention allows", async () => {
    await expect(
      client.replicationPolicies.beginCreateAndWait(
        VAULT,
        RG,
        "Bad-Policy",
        policy({ applicationConsistentSnapshotFrequencyInHours: 4 }),
        POLL,
      ),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("refuses a storage account outside the vault's region", async () => {
    await emu
      .storage(ACME_APP_ID, ACME_SUBSCRIPTION_ID)
      .storageAccounts.beginCreateAndWait(
        ACME_RG,
        "acmecorpdreast",
        { location: "eastus", sku: { name: "Standard_GRS" }, kind: "StorageV2" },
        POLL,
      );
    const east = acmeStorageId.replace(/[^/]+$/, "acmecorpdreast");
    await expect(
      client.replicationPolicies.beginCreateAndWait(VAULT, RG, "Bad-Policy", policy({ storageAccounts: [east] }), POLL),
    ).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining("same region as the vault") });
  });

  it("creates a policy and associates it with a cloud as jobs with tasks", async () => {
    const created = await client.replicationPolicies.beginCreateAndWait(VAULT, RG, "AcmeCorp-Policy", policy(), POLL);
    expect(created.properties?.providerSpecificDetails).toMatchObject({
      instanceType: "HyperVReplicaAzure",
      replicationInterval: 900,
      recoveryPointHistoryDurationInHours: 1,
    });
    const acme = await locate(client, "AcmeCorp Cloud");
    const mapping = await client.replicationProtectionContainerMappings.beginCreateAndWait(
      VAULT,
      RG,
      acme.fabric,
      acme.container,
      "AcmeCorp-Policy-Mapping",
      {
        properties: {
          targetProtectionContainerId: "Microsoft Azure",
          policyId: created.id,
          providerSpecificInput: { instanceType: "ReplicationProviderSpecificContainerMappingInput" } as never,
        },
      },
      POLL,
    );
    expect(mapping.properties).toMatchObject({
      state: "Paired",
      health: "Normal",
      policyFriendlyName: "AcmeCorp-Policy",
    });
    const container = await client.replicationProtectionContainers.get(VAULT, RG, acme.fabric, acme.container);
    expect(container.properties?.pairingStatus).toBe("Paired");
    const jobs = await all(client.replicationJobs.list(VAULT, RG, { filter: "JobStatus eq 'Succeeded'" }));
    const associate = jobs.find((j) => j.properties?.scenarioName === "ConfigureProtection")!;
    expect(associate.properties).toMatchObject({
      friendlyName: "Associate replication policy",
      state: "Succeeded",
      targetObjectName: "AcmeCorp Cloud",
    });
    expect(associate.properties?.tasks?.map((t) => t.state)).toEqual(["Succeeded", "Succeeded", "Succeeded"]);
    expect(jobs.map((j) => j.properties?.scenarioName)).toContain("AddProtectionProfile");
  });

  it("registers a VMM server to a vault created through the portal (control extension)", async () => {
    await emu
      .resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID)
      .resourceGroups.createOrUpdate("PortalDr", { location: "westus" });
    const vaults = new RecoveryServicesClient(
      emu.credential(PROVIDER_APP_ID),
      PROVIDER_SUBSCRIPTION_ID,
      emu.clientOptions(),
    );
    const vault = await vaults.vaults.createOrUpdate(
      "PortalDr",
      "Portal-Vault",
      { location: "westus", sku: { name: "Standard" } },
      POLL,
    );
    const body = {
      vaultId: vault.id,
      serverName: "vmm02.provider.local",
      clouds: [{ name: "Fabrikam Cloud", vms: [{ name: "FAB01" }] }],
      networks: [{ name: "GreenNetwork" }],
    };
    await emu.control.call("POST", "site-recovery/register-vmm", body);
    await emu.control.call("POST", "site-recovery/register-vmm", body);
    const fabrics = await all(client.replicationFabrics.list("Portal-Vault", "PortalDr"));
    expect(fabrics.map((f) => f.properties?.friendlyName)).toEqual(["vmm02.provider.local"]);
    const containers = await all(client.replicationProtectionContainers.list("Portal-Vault", "PortalDr"));
    expect(containers.map((c) => c.properties?.friendlyName)).toEqual(["Fabrikam Cloud"]);
  });

  it("names a registered VM's protectable item after the id VMM reports for it, and refuses an id that is no GUID", async () => {
    const vmmId = "f8491e4f-817a-40dd-a90c-af773978c75b";
    const body = {
      vaultId: `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/${VAULT}`,
      serverName: "vmm03.provider.local",
      fabricName: "vmm03",
      clouds: [{ name: "Tailspin Cloud", containerName: "cloud_tailspin", vms: [{ name: "TS01", id: vmmId }] }],
      networks: [],
    };
    await emu.control.call("POST", "site-recovery/register-vmm", body);
    const items = await all(
      client.replicationProtectableItems.listByReplicationProtectionContainers(VAULT, RG, "vmm03", "cloud_tailspin"),
    );
    expect(items.map((i) => [i.name, i.properties?.friendlyName])).toEqual([[vmmId, "TS01"]]);
    expect(items[0].properties?.customDetails).toMatchObject({ sourceItemId: vmmId });

    const refused = emu.control.call("POST", "site-recovery/register-vmm", {
      ...body,
      clouds: [{ name: "Tailspin Cloud", containerName: "cloud_tailspin", vms: [{ name: "TS02", id: "TS02" }] }],
    });
    await expect(refused).rejects.toThrow(/not a GUID/);
    const after = await all(
      client.replicationProtectableItems.listByReplicationProtectionContainers(VAULT, RG, "vmm03", "cloud_tailspin"),
    );
    expect(after.map((i) => i.properties?.friendlyName)).toEqual(["TS01"]);
  });

  it("keeps a vault's user-assigned identity and customer-managed key settings as Azure's vault examples show", async () => {
    const vaults = new RecoveryServicesClient(
      emu.credential(PROVIDER_APP_ID),
      PROVIDER_SUBSCRIPTION_ID,
      emu.clientOptions(),
    );
    const msi = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourcegroups/PortalDr/providers/Microsoft.ManagedIdentity/userAssignedIdentities/vault-msi`;
    const keyUri = "https://cmk-vault.vault.azure.net/keys/Key1/0767b348bb1a4c07baa6c4ec0055d2b3";
    const created = await vaults.vaults.createOrUpdate(
      "PortalDr",
      "Cmk-Vault",
      {
        location: "westus",
        sku: { name: "Standard" },
        identity: { type: "UserAssigned", userAssignedIdentities: { [msi]: {} } },
        properties: {
          encryption: {
            infrastructureEncryption: "Enabled",
            kekIdentity: { userAssignedIdentity: msi },
            keyVaultProperties: { keyUri },
          },
        },
      },
      POLL,
    );
    expect(created.identity?.userAssignedIdentities?.[msi]).toEqual({
      principalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(created.properties?.encryption).toEqual({
      infrastructureEncryption: "Enabled",
      kekIdentity: { useSystemAssignedIdentity: false, userAssignedIdentity: msi },
      keyVaultProperties: { keyUri },
    });
    // PATCH to the system identity for the key (PatchVault_WithCMK2): the key stays, the identity changes.
    const patched = await vaults.vaults.beginUpdateAndWait(
      "PortalDr",
      "Cmk-Vault",
      {
        identity: { type: "SystemAssigned" },
        properties: { encryption: { kekIdentity: { useSystemAssignedIdentity: true } } },
      },
      POLL,
    );
    expect(patched.identity).toMatchObject({ type: "SystemAssigned", principalId: expect.any(String) });
    expect(patched.properties?.encryption).toMatchObject({
      kekIdentity: { useSystemAssignedIdentity: true },
      keyVaultProperties: { keyUri },
    });
  });
});
