import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, POLL, restError, STRONG_PASSWORD } from "./compute/test-support.js";

/** Issue 17 point 7: a VM PUT with networkInterfaceConfigurations creates its NIC and public IP; deleteOption is honoured. */
const SUB = PROVIDER_SUBSCRIPTION_ID;
const RG = "rg-managed-net";
const GROUP = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const NET = `${GROUP}/providers/Microsoft.Network`;
const SUBNET = `${NET}/virtualNetworks/vnet1/subnets/default`;
const API = "?api-version=2026-01-01";
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate(RG, { location: "eastus" });
  const vnet = await emu.arm(PROVIDER_APP_ID, "PUT", `${NET}/virtualNetworks/vnet1${API}`, {
    location: "eastus",
    properties: {
      addressSpace: { addressPrefixes: ["10.1.0.0/16"] },
      subnets: [{ name: "default", properties: { addressPrefix: "10.1.0.0/24" } }],
    },
  });
  expect(vnet.status).toBe(201);
});
afterAll(async () => {
  await emu?.close();
});

const client = () => computeClient(emu, PROVIDER_APP_ID, SUB);
const get = (id: string) => emu.arm(PROVIDER_APP_ID, "GET", `${id}${API}`);

function vm(name: string, deleteOption: "Delete" | "Detach", extra: Record<string, unknown> = {}) {
  return {
    location: "eastus",
    hardwareProfile: { vmSize: "Standard_D2s_v5" },
    storageProfile: {
      imageReference: {
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-jammy",
        sku: "22_04-lts-gen2",
        version: "latest",
      },
      osDisk: { createOption: "FromImage", deleteOption },
    },
    osProfile: { computerName: name, adminUsername: "azureuser", adminPassword: STRONG_PASSWORD },
    networkProfile: {
      networkApiVersion: "2022-11-01",
      networkInterfaceConfigurations: [
        {
          name: `${name}-nic`,
          primary: true,
          deleteOption,
          ipConfigurations: [
            {
              name: "ipconfig1",
              subnet: { id: SUBNET },
              publicIPAddressConfiguration: {
                name: `${name}-ip`,
                sku: { name: "Standard", tier: "Regional" },
                deleteOption,
                publicIPAllocationMethod: "Static",
              },
            },
          ],
        },
      ],
      ...extra,
    },
  };
}

describe("VM-managed networking", () => {
  it("creates the NIC and public IP with the VM and deletes them with it when deleteOption is Delete", async () => {
    const created = await client().virtualMachines.beginCreateOrUpdateAndWait(RG, "web01", vm("web01", "Delete"), POLL);
    expect(created.networkProfile?.networkInterfaces?.map((n) => n.id)).toEqual([`${NET}/networkInterfaces/web01-nic`]);
    const nic = await get(`${NET}/networkInterfaces/web01-nic`);
    expect(nic.status).toBe(200);
    expect(nic.body.properties.virtualMachine.id.toLowerCase()).toBe(
      `${GROUP}/providers/Microsoft.Compute/virtualMachines/web01`.toLowerCase(),
    );
    expect(nic.body.properties.ipConfigurations[0].properties).toMatchObject({
      subnet: { id: SUBNET },
      publicIPAddress: { id: `${NET}/publicIPAddresses/web01-ip` },
    });
    const pip = await get(`${NET}/publicIPAddresses/web01-ip`);
    expect(pip.body).toMatchObject({ sku: { name: "Standard" }, properties: { publicIPAllocationMethod: "Static" } });
    expect(pip.body.properties.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    await client().virtualMachines.beginDeleteAndWait(RG, "web01", POLL);
    expect((await get(`${NET}/networkInterfaces/web01-nic`)).status).toBe(404);
    expect((await get(`${NET}/publicIPAddresses/web01-ip`)).status).toBe(404);
  });

  it("tags the NIC and public IP as their configurations say, and a NIC PUT after (a pool joined) keeps the address's deleteOption", async () => {
    const tags = { "portal-tenant": "contoso" };
    const body = vm("web05", "Delete");
    const nicConfig = body.networkProfile.networkInterfaceConfigurations[0];
    Object.assign(nicConfig, { tags });
    Object.assign(nicConfig.ipConfigurations[0].publicIPAddressConfiguration, { tags });
    await client().virtualMachines.beginCreateOrUpdateAndWait(RG, "web05", body, POLL);
    const nic = await get(`${NET}/networkInterfaces/web05-nic`);
    expect(nic.body.tags).toEqual(tags);
    const pip = await get(`${NET}/publicIPAddresses/web05-ip`);
    expect(pip.body.tags).toEqual(tags);
    expect(pip.body.properties.deleteOption).toBe("Delete");

    const again = await emu.arm(PROVIDER_APP_ID, "PUT", `${NET}/networkInterfaces/web05-nic${API}`, {
      location: "eastus",
      properties: {
        ipConfigurations: [
          {
            name: "ipconfig1",
            properties: { subnet: { id: SUBNET }, publicIPAddress: { id: `${NET}/publicIPAddresses/web05-ip` } },
          },
        ],
      },
    });
    expect(again.status).toBeLessThan(300);
    await client().virtualMachines.beginDeleteAndWait(RG, "web05", POLL);
    expect((await get(`${NET}/networkInterfaces/web05-nic`)).status).toBe(404);
    expect((await get(`${NET}/publicIPAddresses/web05-ip`)).status).toBe(404);
  });

  it("keeps the NIC and public IP, unattached, when deleteOption is Detach", async () => {
    await client().virtualMachines.beginCreateOrUpdateAndWait(RG, "web02", vm("web02", "Detach"), POLL);
    await client().virtualMachines.beginDeleteAndWait(RG, "web02", POLL);
    const nic = await get(`${NET}/networkInterfaces/web02-nic`);
    expect(nic.status).toBe(200);
    expect(nic.body.properties.virtualMachine).toBeUndefined();
    expect((await get(`${NET}/publicIPAddresses/web02-ip`)).status).toBe(200);
  });

  it("refuses configurations without networkApiVersion or with a missing subnet, leaving nothing behind", async () => {
    const body = vm("web03", "Delete");
    delete (body.networkProfile as { networkApiVersion?: string }).networkApiVersion;
    const noVersion = await restError(client().virtualMachines.beginCreateOrUpdateAndWait(RG, "web03", body, POLL));
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.message).toContain("networkProfile.networkApiVersion");

    const missing = vm("web04", "Delete");
    missing.networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].subnet = {
      id: `${NET}/virtualNetworks/vnet1/subnets/nope`,
    };
    const err = await restError(client().virtualMachines.beginCreateOrUpdateAndWait(RG, "web04", missing, POLL));
    expect(err.code).toBe("InvalidResourceReference");
    expect((await get(`${NET}/publicIPAddresses/web04-ip`)).status).toBe(404);
    expect((await get(`${NET}/networkInterfaces/web04-nic`)).status).toBe(404);
  });
});
