import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID } from "../seed.js";
import {
  attachNicToVm,
  createGroup,
  rgId,
  createStandardIp,
  createVnet,
  errorCodes,
  fast,
  LOCATION,
  netId,
  networkClient,
  restError,
} from "./network/test-kit.js";

let emu: TestEmulator;
const RG = "rg-net";
beforeAll(async () => {
  emu = await startTestEmulator();
  await createGroup(emu, RG);
});
afterAll(async () => {
  await emu?.close();
});

describe("virtual networks and subnets", () => {
  it("creates a vnet with inline subnets as an LRO and pages through subnets", async () => {
    const client = networkClient(emu);
    const vnet = await createVnet(client, RG, "vnet-a", [
      ["a", "10.0.0.0/24"],
      ["b", "10.0.1.0/24"],
      ["c", "10.0.2.0/24"],
      ["d", "10.0.3.0/24"],
    ]);
    expect(vnet.provisioningState).toBe("Succeeded");
    expect(vnet.etag).toMatch(/^W\/"[0-9a-f-]{36}"$/);
    expect(vnet.subnets?.map((s) => s.id)).toContain(netId(RG, "virtualNetworks", "vnet-a") + "/subnets/a");
    const names: string[] = [];
    for await (const s of client.subnets.list(RG, "vnet-a")) names.push(s.name!);
    expect(names.sort()).toEqual(["a", "b", "c", "d"]);
    const again = await createVnet(client, RG, "vnet-a", [["a", "10.0.0.0/24"]]);
    expect(again.etag).not.toBe(vnet.etag);
  });

  it("refuses overlapping subnets, subnets outside the space and bad CIDR notation", async () => {
    const client = networkClient(emu);
    await createVnet(client, RG, "vnet-b", [["web", "10.0.1.0/24"]]);
    const overlap = await errorCodes(
      client.subnets.createOrUpdate(RG, "vnet-b", "bad", { addressPrefix: "10.0.1.128/25" }, fast),
    );
    expect(overlap).toMatchObject({ status: 400, code: "NetcfgSubnetRangesOverlap" });
    const outside = await errorCodes(
      client.subnets.createOrUpdate(RG, "vnet-b", "out", { addressPrefix: "10.9.0.0/24" }, fast),
    );
    expect(outside.code).toBe("NetcfgSubnetRangeOutsideVnet");
    const notation = await errorCodes(
      client.subnets.createOrUpdate(RG, "vnet-b", "odd", { addressPrefix: "10.0.3.5/24" }, fast),
    );
    expect(notation.code).toBe("InvalidCIDRNotation");
    expect(notation.message).toContain("10.0.3.0/24");
    const names: string[] = [];
    for await (const s of client.subnets.list(RG, "vnet-b")) names.push(s.name!);
    expect(names).toEqual(["web"]);
    const added = await client.subnets.createOrUpdate(RG, "vnet-b", "app", { addressPrefix: "10.0.2.0/24" }, fast);
    expect(added.provisioningState).toBe("Succeeded");
  });

  it("answers 404 for a missing vnet and refuses an invalid name", async () => {
    const client = networkClient(emu);
    expect((await restError(client.virtualNetworks.get(RG, "nope"))).statusCode).toBe(404);
    const bad = await errorCodes(
      client.virtualNetworks.createOrUpdate(
        RG,
        "-bad-",
        { location: LOCATION, addressSpace: { addressPrefixes: ["10.0.0.0/16"] } },
        fast,
      ),
    );
    expect(bad.code).toBe("InvalidResourceName");
  });

  it("replaces a vnet's tags with UpdateTags (PATCH, answered at once) and refuses a tag value of the wrong type", async () => {
    const client = networkClient(emu);
    const vnet = await createVnet(client, RG, "vnet-tags", [["a", "10.0.0.0/24"]]);
    await client.virtualNetworks.updateTags(RG, "vnet-tags", { tags: { env: "dev", team: "a" } });
    const patched = await client.virtualNetworks.updateTags(RG, "vnet-tags", { tags: { env: "prod" } });
    expect(patched.tags).toEqual({ env: "prod" });
    expect(patched.etag).not.toBe(vnet.etag);
    expect((await client.virtualNetworks.get(RG, "vnet-tags")).tags).toEqual({ env: "prod" });
    const path = `${netId(RG, "virtualNetworks", "vnet-tags")}?api-version=2026-01-01`;
    const wrong = await emu.arm(PROVIDER_APP_ID, "PATCH", path, { tags: { env: 1 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: "InvalidRequestContent" });
    expect(wrong.body.error.message).toContain("tags.env");
  });
});

describe("network interfaces", () => {
  it("allocates private IPs from the subnet after Azure's reserved addresses", async () => {
    const client = networkClient(emu);
    await createVnet(client, RG, "vnet-nic");
    const subnet = { id: netId(RG, "virtualNetworks", "vnet-nic") + "/subnets/default" };
    const nic1 = await client.networkInterfaces.createOrUpdate(
      RG,
      "nic1",
      { location: LOCATION, ipConfigurations: [{ name: "ipconfig1", subnet }] },
      fast,
    );
    const nic2 = await client.networkInterfaces.createOrUpdate(
      RG,
      "nic2",
      { location: LOCATION, ipConfigurations: [{ name: "ipconfig1", subnet }] },
      fast,
    );
    expect(nic1.ipConfigurations?.[0].privateIPAddress).toBe("10.0.0.4");
    expect(nic2.ipConfigurations?.[0].privateIPAddress).toBe("10.0.0.5");
    expect(nic1.ipConfigurations?.[0].primary).toBe(true);
    const taken = await errorCodes(
      client.networkInterfaces.createOrUpdate(
        RG,
        "nic3",
        {
          location: LOCATION,
          ipConfigurations: [{ name: "c", subnet, privateIPAllocationMethod: "Static", privateIPAddress: "10.0.0.5" }],
        },
        fast,
      ),
    );
    expect(taken.code).toBe("PrivateIPAddressIsAllocated");
    const vnet = await client.virtualNetworks.get(RG, "vnet-nic");
    expect(vnet.subnets?.[0].ipConfigurations?.map((c) => c.id)).toHaveLength(2);
    const inUse = await errorCodes(client.subnets.delete(RG, "vnet-nic", "default", fast));
    expect(inUse).toMatchObject({ status: 400, code: "InUseSubnetCannotBeDeleted" });
  });

  it("refuses a subnet that does not exist", async () => {
    const client = networkClient(emu);
    const subnet = { id: netId(RG, "virtualNetworks", "ghost") + "/subnets/default" };
    const err = await errorCodes(
      client.networkInterfaces.createOrUpdate(
        RG,
        "nic-ghost",
        { location: LOCATION, ipConfigurations: [{ name: "c", subnet }] },
        fast,
      ),
    );
    expect(err).toMatchObject({ status: 400, code: "InvalidResourceReference" });
  });

  it("associates a public IP once, shows the back-reference and blocks deleting it", async () => {
    const client = networkClient(emu);
    await createVnet(client, RG, "vnet-pip");
    const subnet = { id: netId(RG, "virtualNetworks", "vnet-pip") + "/subnets/default" };
    const pip = await createStandardIp(client, RG, "pip-nic");
    await client.networkInterfaces.createOrUpdate(
      RG,
      "nic-pip",
      { location: LOCATION, ipConfigurations: [{ name: "ipconfig1", subnet, publicIPAddress: { id: pip.id } }] },
      fast,
    );
    const read = await client.publicIPAddresses.get(RG, "pip-nic");
    expect(read.ipConfiguration?.id).toBe(netId(RG, "networkInterfaces", "nic-pip") + "/ipConfigurations/ipconfig1");
    const second = await errorCodes(
      client.networkInterfaces.createOrUpdate(
        RG,
        "nic-pip2",
        { location: LOCATION, ipConfigurations: [{ name: "c", subnet, publicIPAddress: { id: pip.id } }] },
        fast,
      ),
    );
    expect(second.code).toBe("PublicIPAddressInUse");
    expect((await errorCodes(client.publicIPAddresses.delete(RG, "pip-nic", fast))).code).toBe(
      "PublicIPAddressCannotBeDeleted",
    );
    await client.networkInterfaces.delete(RG, "nic-pip", fast);
    expect((await client.publicIPAddresses.get(RG, "pip-nic")).ipConfiguration).toBeUndefined();
    await client.publicIPAddresses.delete(RG, "pip-nic", fast);
  });

  it("refuses to delete a NIC attached to a VM with NicInUse", async () => {
    const client = networkClient(emu);
    await createVnet(client, RG, "vnet-vm");
    const subnet = { id: netId(RG, "virtualNetworks", "vnet-vm") + "/subnets/default" };
    const nic = await client.networkInterfaces.createOrUpdate(
      RG,
      "nic-vm",
      { location: LOCATION, ipConfigurations: [{ name: "c", subnet }] },
      fast,
    );
    const vmId = `${rgId(RG)}/providers/Microsoft.Compute/virtualMachines/vm1`;
    await attachNicToVm(emu, nic.id!, vmId);
    const err = await errorCodes(client.networkInterfaces.delete(RG, "nic-vm", fast));
    expect(err).toMatchObject({ status: 400, code: "NicInUse" });
    expect((await client.networkInterfaces.get(RG, "nic-vm")).virtualMachine?.id).toBe(vmId);
  });
});

describe("public IP addresses", () => {
  it("gives a Standard Static address at creation and refuses Basic and Standard Dynamic", async () => {
    const client = networkClient(emu);
    const a = await createStandardIp(client, RG, "pip-a");
    const b = await createStandardIp(client, RG, "pip-b");
    expect(a.ipAddress).toMatch(/^20\.\d+\.\d+\.\d+$/);
    expect(b.ipAddress).not.toBe(a.ipAddress);
    expect(a.sku?.name).toBe("Standard");
    const basic = await errorCodes(
      client.publicIPAddresses.createOrUpdate(
        RG,
        "pip-basic",
        { location: LOCATION, sku: { name: "Basic" }, publicIPAllocationMethod: "Dynamic" },
        fast,
      ),
    );
    expect(basic).toMatchObject({ status: 400, code: "IPv4BasicSkuPublicIpCountLimitReached" });
    const dynamic = await errorCodes(
      client.publicIPAddresses.createOrUpdate(
        RG,
        "pip-dyn",
        { location: LOCATION, sku: { name: "Standard" }, publicIPAllocationMethod: "Dynamic" },
        fast,
      ),
    );
    expect(dynamic.code).toBe("StandardSkuPublicIPAddressesMustBeStatic");
    const idle = await errorCodes(
      client.publicIPAddresses.createOrUpdate(
        RG,
        "pip-idle",
        { location: LOCATION, sku: { name: "Standard" }, publicIPAllocationMethod: "Static", idleTimeoutInMinutes: 31 },
        fast,
      ),
    );
    expect(idle.code).toBe("PublicIPIdleTimeoutIsOutOfRange");
    const names: string[] = [];
    for await (const p of client.publicIPAddresses.list(RG)) names.push(p.name!);
    expect(names).toEqual(expect.arrayContaining(["pip-a", "pip-b"]));
    expect(names).not.toContain("pip-basic");
  });
});
