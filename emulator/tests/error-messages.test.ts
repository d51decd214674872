import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import type { JsonBody } from "../core/plugin.js";
import {
  acmeRgId,
  acmeStorageId,
  acmeVnetId,
  all,
  asr,
  createAcmeTargets,
  locate,
  RG,
  VAULT,
} from "../providers/site-recovery/testing.js";
import { associateAcmePolicy, enableVm01, waitForState } from "../providers/site-recovery/walk.js";
import { vaultIdFor } from "../providers/site-recovery/seed.js";
import { errorMessages, LEAKED_VALUE, mutations } from "./error-walk.js";

/**
 * Issue 17 point 8: walks the validation paths of every write the emulator models — each property of a valid
 * request removed and set to each wrong JSON type — and checks that no error message shows `undefined`, `null`,
 * `NaN` or `[object Object]`, and that nothing answers 500. State is restored after every accepted request.
 */
const SUB = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}`;
const RGP = `${SUB}/resourceGroups/walk`;
const NET = `${RGP}/providers/Microsoft.Network`;
const LOC = "eastus";
const V = { net: "2026-01-01", compute: "2026-04-01", disk: "2026-03-02", storage: "2026-09-01", rg: "2025-04-01" };
const VAULT_ID = vaultIdFor(PROVIDER_SUBSCRIPTION_ID);

interface Template {
  name: string;
  appId?: string;
  method: "PUT" | "PATCH" | "POST";
  path: string;
  body: JsonBody;
}

/** The writes walked, one template each (built once the prerequisites exist). */
const WRITES = [
  "resource group PUT",
  "resource group PATCH",
  "virtual network PUT",
  "subnet PUT",
  "network security group PUT",
  "public IP PUT",
  "network interface PUT",
  "load balancer PUT",
  "storage account PUT",
  "storage name check",
  "vault PUT",
  "virtual machine PUT",
  "virtual machine PATCH",
  "replication policy PUT",
  "container mapping PUT",
  "network mapping PUT",
  "enable protection PUT",
  "test failover POST",
  "unplanned failover POST",
  "planned failover POST",
];

let emu: TestEmulator;
let baseline: unknown;
const templates: Template[] = [];

async function arm(appId: string, method: string, path: string, body?: unknown) {
  const res = await emu.arm(appId, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

async function settled(appId: string, path: string) {
  for (let i = 0; i < 200; i++) {
    const res = await emu.arm(appId, "GET", path);
    const state = res.body.properties?.provisioningState;
    if (res.status === 200 && (state === undefined || state === "Succeeded")) return res.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${path} did not settle`);
}

async function put(path: string, body: JsonBody, appId = PROVIDER_APP_ID) {
  await arm(appId, "PUT", path, body);
  return settled(appId, path);
}

beforeAll(async () => {
  emu = await startTestEmulator({ throttling: false });
  await put(`${RGP}?api-version=${V.rg}`, { location: LOC });
  const nsgId = `${NET}/networkSecurityGroups/walk-nsg`;
  const vnetId = `${NET}/virtualNetworks/walk-vnet`;
  const subnetId = `${vnetId}/subnets/default`;
  const lbId = `${NET}/loadBalancers/walk-lb`;
  await put(`${nsgId}?api-version=${V.net}`, { location: LOC, properties: {} });
  await put(`${vnetId}?api-version=${V.net}`, {
    location: LOC,
    properties: {
      addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
      subnets: [{ name: "default", properties: { addressPrefix: "10.0.0.0/24" } }],
    },
  });
  for (const name of ["walk-pip-nic", "walk-pip-lb"])
    await put(`${NET}/publicIPAddresses/${name}?api-version=${V.net}`, {
      location: LOC,
      sku: { name: "Standard" },
      properties: { publicIPAllocationMethod: "Static" },
    });
  const nicBody = (pip?: string) => ({
    location: LOC,
    properties: {
      networkSecurityGroup: { id: nsgId },
      ipConfigurations: [
        {
          name: "ipconfig1",
          properties: {
            subnet: { id: subnetId },
            privateIPAllocationMethod: "Dynamic",
            ...(pip ? { publicIPAddress: { id: `${NET}/publicIPAddresses/${pip}` } } : {}),
          },
        },
        { name: "ipconfig2", properties: { privateIPAllocationMethod: "Static", privateIPAddress: "10.0.0.50" } },
      ],
    },
  });
  await put(`${NET}/networkInterfaces/walk-nic-vm?api-version=${V.net}`, {
    location: LOC,
    properties: { ipConfigurations: [{ name: "ipconfig1", properties: { subnet: { id: subnetId } } }] },
  });
  await put(`${NET}/networkInterfaces/walk-nic-spare?api-version=${V.net}`, {
    location: LOC,
    properties: { ipConfigurations: [{ name: "ipconfig1", properties: { subnet: { id: subnetId } } }] },
  });
  const vmBody = (nic: string) => ({
    location: LOC,
    tags: { team: "ops" },
    properties: {
      hardwareProfile: { vmSize: "Standard_D2s_v5" },
      storageProfile: {
        imageReference: {
          publisher: "Canonical",
          offer: "0001-com-ubuntu-server-jammy",
          sku: "22_04-lts-gen2",
          version: "latest",
        },
        osDisk: {
          createOption: "FromImage",
          deleteOption: "Delete",
          managedDisk: { storageAccountType: "Premium_LRS" },
        },
        dataDisks: [{ lun: 0, createOption: "Empty", diskSizeGB: 32 }],
      },
      osProfile: { computerName: "walk01", adminUsername: "azureuser", adminPassword: "Str0ng!Passw0rd#2024" },
      networkProfile: {
        networkInterfaces: [
          { id: `${NET}/networkInterfaces/${nic}`, properties: { primary: true, deleteOption: "Detach" } },
        ],
      },
    },
  });
  const vmPath = `${RGP}/providers/Microsoft.Compute/virtualMachines`;
  await put(`${vmPath}/walk-vm?api-version=${V.compute}`, vmBody("walk-nic-vm"));

  // Site Recovery: the AcmeCorp targets, the policy associated with the AcmeCorp cloud, and VM01 protected.
  await createAcmeTargets(emu);
  const client = asr(emu);
  const at = await associateAcmePolicy(client);
  await enableVm01(client, at);
  await waitForState(client, at, (p) => p.properties?.protectionState === "Protected", "Protected");
  const contoso = await locate(client, "Contoso Cloud");
  const vm02 = at.items.find((i) => i.properties?.friendlyName === "VM02")!;
  const yellow = (await all(client.replicationNetworks.list(VAULT, RG))).find(
    (n) => n.properties?.friendlyName === "YellowNetwork",
  )!;
  const fabricPath = `${VAULT_ID}/replicationFabrics/${at.fabric}`;
  const containerPath = `${fabricPath}/replicationProtectionContainers/${at.container}`;
  const item01 = `${containerPath}/replicationProtectedItems/${at.item!.name}`;
  const asrV = "?api-version=2023-06-01";

  templates.push(
    {
      name: "resource group PUT",
      method: "PUT",
      path: `${SUB}/resourcegroups/walk-new?api-version=${V.rg}`,
      body: { location: LOC, tags: { a: "b" } },
    },
    { name: "resource group PATCH", method: "PATCH", path: `${RGP}?api-version=${V.rg}`, body: { tags: { a: "b" } } },
    {
      name: "virtual network PUT",
      method: "PUT",
      path: `${NET}/virtualNetworks/walk-vnet2?api-version=${V.net}`,
      body: {
        location: LOC,
        tags: { a: "b" },
        properties: {
          addressSpace: { addressPrefixes: ["10.1.0.0/16"] },
          subnets: [
            { name: "default", properties: { addressPrefix: "10.1.0.0/24", networkSecurityGroup: { id: nsgId } } },
          ],
        },
      },
    },
    {
      name: "subnet PUT",
      method: "PUT",
      path: `${vnetId}/subnets/second?api-version=${V.net}`,
      body: { properties: { addressPrefix: "10.0.1.0/24", networkSecurityGroup: { id: nsgId } } },
    },
    {
      name: "network security group PUT",
      method: "PUT",
      path: `${NET}/networkSecurityGroups/walk-nsg2?api-version=${V.net}`,
      body: {
        location: LOC,
        properties: {
          securityRules: [
            {
              name: "allow-http",
              properties: {
                protocol: "Tcp",
                sourcePortRange: "*",
                destinationPortRange: "80",
                sourceAddressPrefix: "*",
                destinationAddressPrefix: "*",
                access: "Allow",
                priority: 100,
                direction: "Inbound",
              },
            },
          ],
        },
      },
    },
    {
      name: "public IP PUT",
      method: "PUT",
      path: `${NET}/publicIPAddresses/walk-pip2?api-version=${V.net}`,
      body: {
        location: LOC,
        sku: { name: "Standard", tier: "Regional" },
        properties: {
          publicIPAllocationMethod: "Static",
          idleTimeoutInMinutes: 4,
          dnsSettings: { domainNameLabel: "walkdns" },
        },
      },
    },
    {
      name: "network interface PUT",
      method: "PUT",
      path: `${NET}/networkInterfaces/walk-nic2?api-version=${V.net}`,
      body: nicBody("walk-pip-nic"),
    },
    {
      name: "load balancer PUT",
      method: "PUT",
      path: `${lbId}?api-version=${V.net}`,
      body: {
        location: LOC,
        sku: { name: "Standard" },
        properties: {
          frontendIPConfigurations: [
            { name: "fe", properties: { publicIPAddress: { id: `${NET}/publicIPAddresses/walk-pip-lb` } } },
          ],
          backendAddressPools: [{ name: "pool" }],
          probes: [
            {
              name: "probe",
              properties: { protocol: "Http", port: 80, requestPath: "/", intervalInSeconds: 15, numberOfProbes: 2 },
            },
          ],
          loadBalancingRules: [
            {
              name: "rule",
              properties: {
                frontendIPConfiguration: { id: `${lbId}/frontendIPConfigurations/fe` },
                backendAddressPool: { id: `${lbId}/backendAddressPools/pool` },
                probe: { id: `${lbId}/probes/probe` },
                protocol: "Tcp",
                frontendPort: 80,
                backendPort: 80,
                idleTimeoutInMinutes: 4,
              },
            },
          ],
          inboundNatRules: [
            {
              name: "ssh",
              properties: {
                frontendIPConfiguration: { id: `${lbId}/frontendIPConfigurations/fe` },
                protocol: "Tcp",
                frontendPort: 2222,
                backendPort: 22,
              },
            },
          ],
        },
      },
    },
    {
      name: "storage account PUT",
      method: "PUT",
      path: `${RGP}/providers/Microsoft.Storage/storageAccounts/walkstore01?api-version=${V.storage}`,
      body: {
        location: LOC,
        sku: { name: "Standard_LRS" },
        kind: "StorageV2",
        tags: { a: "b" },
        properties: { minimumTlsVersion: "TLS1_2" },
      },
    },
    {
      name: "storage name check",
      method: "POST",
      path: `${SUB}/providers/Microsoft.Storage/checkNameAvailability?api-version=${V.storage}`,
      body: { name: "walkname01", type: "Microsoft.Storage/storageAccounts" },
    },
    {
      name: "vault PUT",
      method: "PUT",
      path: `${RGP}/providers/Microsoft.RecoveryServices/vaults/walk-vault?api-version=2026-07-01`,
      body: {
        location: LOC,
        sku: { name: "Standard" },
        properties: { publicNetworkAccess: "Enabled" },
        identity: { type: "SystemAssigned" },
      },
    },
    {
      name: "virtual machine PUT",
      method: "PUT",
      path: `${vmPath}/walk-vm2?api-version=${V.compute}`,
      body: vmBody("walk-nic-spare"),
    },
    {
      name: "virtual machine PATCH",
      method: "PATCH",
      path: `${vmPath}/walk-vm?api-version=${V.compute}`,
      body: { tags: { a: "b" }, properties: { hardwareProfile: { vmSize: "Standard_D4s_v5" } } },
    },
    {
      name: "replication policy PUT",
      method: "PUT",
      path: `${VAULT_ID}/replicationPolicies/walk-policy${asrV}`,
      body: {
        properties: {
          providerSpecificInput: {
            instanceType: "HyperVReplicaAzure",
            replicationInterval: 300,
            recoveryPointHistoryDuration: 2,
            applicationConsistentSnapshotFrequencyInHours: 1,
            storageAccounts: [acmeStorageId],
          },
        },
      },
    },
    {
      name: "container mapping PUT",
      method: "PUT",
      path: `${fabricPath}/replicationProtectionContainers/${contoso.container}/replicationProtectionContainerMappings/walk-map${asrV}`,
      body: {
        properties: {
          targetProtectionContainerId: "Microsoft Azure",
          policyId: at.policyId,
          providerSpecificInput: { instanceType: "ReplicationProviderSpecificContainerMappingInput" },
        },
      },
    },
    {
      name: "network mapping PUT",
      method: "PUT",
      path: `${fabricPath}/replicationNetworks/${yellow.name}/replicationNetworkMappings/walk-netmap${asrV}`,
      body: {
        properties: {
          recoveryFabricName: "Microsoft Azure",
          recoveryNetworkId: acmeVnetId,
          fabricSpecificDetails: { instanceType: "VmmToAzure" },
        },
      },
    },
    {
      name: "enable protection PUT",
      method: "PUT",
      path: `${containerPath}/replicationProtectedItems/${vm02.name}${asrV}`,
      body: {
        properties: {
          policyId: at.policyId,
          protectableItemId: vm02.id,
          providerSpecificDetails: {
            instanceType: "HyperVReplicaAzure",
            targetStorageAccountId: acmeStorageId,
            targetAzureV2ResourceGroupId: acmeRgId,
            targetAzureVmName: "VM02",
            targetAzureNetworkId: acmeVnetId,
            targetAzureSubnetId: "default",
          },
        },
      },
    },
    {
      name: "test failover POST",
      method: "POST",
      path: `${item01}/testFailover${asrV}`,
      body: {
        properties: {
          failoverDirection: "PrimaryToRecovery",
          networkType: "VmNetworkAsInput",
          networkId: acmeVnetId,
          providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
        },
      },
    },
    {
      name: "unplanned failover POST",
      method: "POST",
      path: `${item01}/unplannedFailover${asrV}`,
      body: {
        properties: {
          failoverDirection: "PrimaryToRecovery",
          sourceSiteOperations: "NotRequired",
          providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
        },
      },
    },
    {
      name: "planned failover POST",
      method: "POST",
      path: `${item01}/plannedFailover${asrV}`,
      body: {
        properties: {
          failoverDirection: "PrimaryToRecovery",
          providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
        },
      },
    },
  );
  baseline = await emu.control.snapshot();
}, 120_000);

afterAll(async () => {
  await emu?.close();
});

describe("error messages never show a missing or unprintable value", () => {
  it.each(WRITES)(
    "walks the %s",
    async (name) => {
      const t = templates.find((x) => x.name === name);
      expect(t, `template ${name}`).toBeDefined();
      if (!t) return;
      const offenders: string[] = [];
      for (const m of mutations(t.body)) {
        const res = await emu.arm(t.appId ?? PROVIDER_APP_ID, t.method, t.path, m.body);
        if (res.status >= 500) offenders.push(`${m.label}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
        if (res.status >= 400)
          for (const msg of errorMessages(res.body))
            if (LEAKED_VALUE.test(msg)) offenders.push(`${m.label}: ${res.body.error?.code}: ${msg}`);
        if (res.status < 300) await emu.control.restore({ state: baseline });
      }
      if (offenders.length) console.log(`${t.name}:\n  ${offenders.join("\n  ")}`);
      expect(offenders, t.name).toEqual([]);
    },
    120_000,
  );
});

describe("the two refusals issue 17 found", () => {
  it("accepts a NIC whose secondary IP configuration names no subnet, placing it in the primary's subnet", async () => {
    const t = templates.find((x) => x.name === "network interface PUT")!;
    const res = await emu.arm(PROVIDER_APP_ID, "PUT", t.path, t.body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    const configs = res.body.properties.ipConfigurations as { name: string; properties: { subnet: { id: string } } }[];
    expect(configs.map((c) => c.properties.subnet.id)).toEqual([
      `${NET}/virtualNetworks/walk-vnet/subnets/default`,
      `${NET}/virtualNetworks/walk-vnet/subnets/default`,
    ]);
    await emu.control.restore({ state: baseline });
  });

  it("names the missing Azure target of HyperVReplicaAzure protection instead of 'undefined'", async () => {
    const t = templates.find((x) => x.name === "enable protection PUT")!;
    const body = structuredClone(t.body);
    delete body.properties.providerSpecificDetails.targetAzureV2ResourceGroupId;
    const res = await emu.arm(PROVIDER_APP_ID, "PUT", t.path, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("InvalidRequestContent");
    expect(res.body.error.message).toContain(
      "Required property 'targetAzureV2ResourceGroupId' not found in JSON. Path 'properties.providerSpecificDetails'.",
    );
  });
});
