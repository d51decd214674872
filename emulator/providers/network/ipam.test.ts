import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../testing.js";
import { blockSizes } from "./ipam.js";
import { createGroup, errorCodes, fast, LOCATION, networkClient, rgId } from "./test-kit.js";

const RG = "rg-ipam";
const MANAGER = `${rgId(RG)}/providers/Microsoft.Network/networkManagers/nm1`;
const POOL = `${MANAGER}/ipamPools/pool1`;
const SMALL = `${MANAGER}/ipamPools/small`;
const FAR = `${MANAGER}/ipamPools/far`;
let emu: TestEmulator;
const client = () => networkClient(emu);
const register = (body: Record<string, unknown>) => emu.control.call("POST", "resources/referenced", body);
// The SDK flattens the allocation's `pool: { id }` into `id`.
const fromPool = (pool: string, count: string) => ({ id: pool, numberOfIpAddresses: count });

beforeAll(async () => {
  emu = await startTestEmulator();
  await createGroup(emu, RG);
  await register({ id: MANAGER, location: LOCATION, properties: {} });
  await register({ id: POOL, location: LOCATION, properties: { addressPrefixes: ["10.20.0.0/16"] } });
  await register({ id: SMALL, location: LOCATION, properties: { addressPrefixes: ["172.16.0.0/24"] } });
  await register({ id: FAR, location: "eastus", properties: { addressPrefixes: ["192.168.0.0/16"] } });
});
afterAll(async () => {
  await emu?.close();
});

describe("address space from a Network Manager IPAM pool", () => {
  it("resolves a number of addresses into power-of-two blocks, largest first", () => {
    expect(blockSizes(80)).toEqual([64, 16]);
    expect(blockSizes(65536)).toEqual([65536]);
    expect(blockSizes(144)).toEqual([128, 16]);
  });

  it("gives a vnet and its subnet non-overlapping prefixes that read back with their allocations", async () => {
    await client().virtualNetworks.beginCreateOrUpdateAndWait(
      RG,
      "vnet-a",
      {
        location: LOCATION,
        addressSpace: { ipamPoolPrefixAllocations: [fromPool(POOL, "1024")] },
        subnets: [{ name: "app", ipamPoolPrefixAllocations: [fromPool(POOL, "80")] }],
      },
      fast,
    );
    const a = await client().virtualNetworks.get(RG, "vnet-a");
    expect(a.addressSpace?.addressPrefixes).toEqual(["10.20.0.0/22"]);
    expect(a.addressSpace?.ipamPoolPrefixAllocations?.[0]).toMatchObject({
      id: POOL,
      numberOfIpAddresses: "1024",
      allocatedAddressPrefixes: ["10.20.0.0/22"],
    });
    const app = await client().subnets.get(RG, "vnet-a", "app");
    expect(app.addressPrefixes).toEqual(["10.20.0.0/26", "10.20.0.64/28"]);
    expect(app.ipamPoolPrefixAllocations?.[0].allocatedAddressPrefixes).toEqual(["10.20.0.0/26", "10.20.0.64/28"]);

    // A second vnet from the same pool gets the next free block; sending the first one back moves nothing.
    await client().virtualNetworks.beginCreateOrUpdateAndWait(
      RG,
      "vnet-b",
      { location: LOCATION, addressSpace: { ipamPoolPrefixAllocations: [fromPool(POOL, "256")] } },
      fast,
    );
    expect((await client().virtualNetworks.get(RG, "vnet-b")).addressSpace?.addressPrefixes).toEqual(["10.20.4.0/24"]);
    // A subnet added on its own draws from the vnet's pool too, clear of the subnet already there.
    await client().subnets.beginCreateOrUpdateAndWait(
      RG,
      "vnet-a",
      "db",
      { ipamPoolPrefixAllocations: [fromPool(POOL, "32")] },
      fast,
    );
    expect((await client().subnets.get(RG, "vnet-a", "db")).addressPrefixes).toEqual(["10.20.0.96/27"]);
    await client().virtualNetworks.beginCreateOrUpdateAndWait(RG, "vnet-a", a, fast);
    expect((await client().virtualNetworks.get(RG, "vnet-a")).addressSpace?.addressPrefixes).toEqual(["10.20.0.0/22"]);
  });

  it("refuses a pool with no room left, and frees a deleted vnet's addresses", async () => {
    const whole = { location: LOCATION, addressSpace: { ipamPoolPrefixAllocations: [fromPool(SMALL, "256")] } };
    await client().virtualNetworks.beginCreateOrUpdateAndWait(RG, "vnet-small", whole, fast);
    const full = await errorCodes(client().virtualNetworks.beginCreateOrUpdateAndWait(RG, "vnet-more", whole, fast));
    expect(full.status).toBe(400);
    expect(full.message).toContain("does not have 256 free addresses");
    await client().virtualNetworks.beginDeleteAndWait(RG, "vnet-small", fast);
    await client().virtualNetworks.beginCreateOrUpdateAndWait(RG, "vnet-more", whole, fast);
    expect((await client().virtualNetworks.get(RG, "vnet-more")).addressSpace?.addressPrefixes).toEqual([
      "172.16.0.0/24",
    ]);
  });

  it("refuses a missing pool, one in another region, a pool named twice, a mix with static prefixes and a subnet pool the vnet does not use", async () => {
    const put = (name: string, body: Record<string, unknown>) =>
      errorCodes(client().virtualNetworks.beginCreateOrUpdateAndWait(RG, name, { location: LOCATION, ...body }, fast));
    for (const pool of [`${MANAGER}/ipamPools/missing`, FAR]) {
      const err = await put("vnet-x", { addressSpace: { ipamPoolPrefixAllocations: [fromPool(pool, "16")] } });
      expect(err).toMatchObject({ status: 400, code: "InvalidResourceReference" });
    }
    const twice = await put("vnet-x", {
      addressSpace: { ipamPoolPrefixAllocations: [fromPool(POOL, "16"), fromPool(POOL, "32")] },
    });
    expect(twice.code).toBe("CannotHaveDuplicatePoolIds");
    const two = await put("vnet-x", {
      addressSpace: { ipamPoolPrefixAllocations: [fromPool(POOL, "16"), fromPool(SMALL, "16")] },
    });
    expect(two.message).toContain("only one association of each IP type is allowed");
    const mixed = await put("vnet-x", {
      addressSpace: { addressPrefixes: ["10.99.0.0/16"], ipamPoolPrefixAllocations: [fromPool(POOL, "16")] },
    });
    expect(mixed.code).toBe("CannotMixAddressPrefixAndPoolInPayload");
    const subset = await put("vnet-x", {
      addressSpace: { ipamPoolPrefixAllocations: [fromPool(POOL, "256")] },
      subnets: [{ name: "s", ipamPoolPrefixAllocations: [fromPool(SMALL, "16")] }],
    });
    expect(subset.code).toBe("SubnetPoolsMustBeSubsetOfVnetPools");
  });
});
