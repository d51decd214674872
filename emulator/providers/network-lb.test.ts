import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadBalancer, NetworkManagementClient } from "@azure/arm-network";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID } from "../seed.js";
import {
  API,
  createGroup,
  createStandardIp,
  createVnet,
  errorCodes,
  fast,
  LOCATION,
  netId,
  networkClient,
} from "./network/test-kit.js";
import { firstVip, lbChild, MLB, MRG, putLb, withSecondVip } from "./network/lb-test-kit.js";

let emu: TestEmulator;
let client: NetworkManagementClient;
let pip1: string;
let pip2: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = networkClient(emu);
  await createGroup(emu, MRG);
  pip1 = (await createStandardIp(client, MRG, "PublicVIP1")).id!;
});
afterAll(async () => {
  await emu?.close();
});

/** Strips what the SDK sends back anyway, so "unchanged" compares the load balancer as Azure returns it. */
const snapshot = async () => JSON.stringify(await client.loadBalancers.get(MRG, MLB));

describe("the multi-VIP load balancer (guide scenario)", () => {
  it("creates MultiVIPLB with one frontend, pool, probe and rule", async () => {
    const lb = await putLb(client, firstVip(pip1));
    expect(lb.provisioningState).toBe("Succeeded");
    expect(lb.sku?.name).toBe("Standard");
    expect(lb.frontendIPConfigurations?.[0].loadBalancingRules?.[0].id).toBe(lbChild("loadBalancingRules", "Rule1").id);
    expect(lb.backendAddressPools?.[0].loadBalancingRules?.map((r) => r.id)).toEqual([
      lbChild("loadBalancingRules", "Rule1").id,
    ]);
    expect((await client.publicIPAddresses.get(MRG, "PublicVIP1")).ipConfiguration?.id).toBe(
      lbChild("frontendIPConfigurations", "MultiVIPLB-FE1").id,
    );
  });

  it("adds PublicVIP2, MultiVIPLB-FE2, Probe2 and Rule2 in one PUT with If-Match", async () => {
    pip2 = (await createStandardIp(client, MRG, "PublicVIP2")).id!;
    const current = await client.loadBalancers.get(MRG, MLB);
    const updated = await putLb(client, withSecondVip(current, pip2), current.etag);
    expect(updated.etag).not.toBe(current.etag);
    expect(updated.frontendIPConfigurations?.map((f) => f.name)).toEqual(["MultiVIPLB-FE1", "MultiVIPLB-FE2"]);
    const probe2 = await client.loadBalancerProbes.get(MRG, MLB, "Probe2");
    expect(probe2).toMatchObject({
      protocol: "Http",
      port: 81,
      requestPath: "/",
      intervalInSeconds: 5,
      numberOfProbes: 2,
    });
    expect(probe2.loadBalancingRules?.[0].id).toBe(lbChild("loadBalancingRules", "Rule2").id);
    const rule2 = await client.loadBalancerLoadBalancingRules.get(MRG, MLB, "Rule2");
    expect(rule2).toMatchObject({ protocol: "Tcp", frontendPort: 80, backendPort: 81, enableFloatingIP: false });
    expect(rule2.backendAddressPool?.id).toBe(lbChild("backendAddressPools", "MultiVIPLB-BE").id);
    const fe2 = await client.loadBalancerFrontendIPConfigurations.get(MRG, MLB, "MultiVIPLB-FE2");
    expect(fe2.publicIPAddress?.id).toBe(pip2);
    const frontends: string[] = [];
    for await (const f of client.loadBalancerFrontendIPConfigurations.list(MRG, MLB)) frontends.push(f.name!);
    expect(frontends).toHaveLength(2);
    const pool = await client.loadBalancerBackendAddressPools.get(MRG, MLB, "MultiVIPLB-BE");
    expect(pool.loadBalancingRules?.map((r) => r.id).sort()).toEqual([
      lbChild("loadBalancingRules", "Rule1").id,
      lbChild("loadBalancingRules", "Rule2").id,
    ]);
  });

  /** Each refused PUT returns Azure's code and leaves the load balancer exactly as it was (same ETag too). */
  async function refused(change: (lb: LoadBalancer) => LoadBalancer) {
    const before = await snapshot();
    const current = await client.loadBalancers.get(MRG, MLB);
    const err = await errorCodes(putLb(client, change(current), current.etag));
    expect(await snapshot()).toBe(before);
    return err;
  }
  const rule3 = (fe: string, frontendPort: number, backendPort: number, extra: object = {}) => ({
    name: "Rule3",
    protocol: "Tcp" as const,
    frontendPort,
    backendPort,
    frontendIPConfiguration: lbChild("frontendIPConfigurations", fe),
    backendAddressPool: lbChild("backendAddressPools", "MultiVIPLB-BE"),
    ...extra,
  });

  it("refuses a duplicate frontend name", async () => {
    const err = await refused((lb) => ({
      ...lb,
      frontendIPConfigurations: [
        ...lb.frontendIPConfigurations!,
        { name: "MultiVIPLB-FE2", publicIPAddress: { id: pip1 } },
      ],
    }));
    expect(err).toMatchObject({ status: 400, code: "InvalidRequestFormat" });
    // The SDK drops the body of a refused LRO start; the raw call shows Azure's detail code.
    const lbId = netId(MRG, "loadBalancers", MLB);
    const raw = await emu.arm(PROVIDER_APP_ID, "PUT", `${lbId}?api-version=${API}`, {
      location: LOCATION,
      sku: { name: "Standard" },
      properties: {
        frontendIPConfigurations: [1, 2].map(() => ({ name: "dup", properties: { publicIPAddress: { id: pip1 } } })),
      },
    });
    expect(raw.status).toBe(400);
    expect(raw.body.error.details[0]).toMatchObject({
      code: "DuplicateResourceName",
      message: `Resource ${lbId} has two child resources with the same name (dup).`,
    });
  });

  it("refuses references to a probe, pool or frontend that does not exist", async () => {
    for (const extra of [
      { probe: lbChild("probes", "NoSuchProbe") },
      { backendAddressPool: lbChild("backendAddressPools", "NoSuchPool") },
    ]) {
      const err = await refused((lb) => ({
        ...lb,
        loadBalancingRules: [...lb.loadBalancingRules!, rule3("MultiVIPLB-FE1", 8080, 8080, extra)],
      }));
      expect(err).toMatchObject({ status: 400, code: "InvalidResourceReference" });
    }
    const err = await refused((lb) => ({
      ...lb,
      loadBalancingRules: [...lb.loadBalancingRules!, rule3("NoSuchFrontend", 8080, 8080)],
    }));
    expect(err.code).toBe("InvalidResourceReference");
  });

  it("refuses a second rule on the same frontend, protocol and frontend port", async () => {
    const err = await refused((lb) => ({
      ...lb,
      loadBalancingRules: [...lb.loadBalancingRules!, rule3("MultiVIPLB-FE2", 80, 8080)],
    }));
    // (unconfirmed) code name; see lb-errors.ts.
    expect(err).toMatchObject({ status: 400, code: "RulesUseSameFrontendPortProtocolAndFrontendIPConfiguration" });
  });

  it("refuses two floating-IP-disabled rules with the same protocol, backend port and pool", async () => {
    const err = await refused((lb) => ({
      ...lb,
      loadBalancingRules: [...lb.loadBalancingRules!, rule3("MultiVIPLB-FE1", 8081, 81)],
    }));
    expect(err).toMatchObject({ status: 400, code: "RulesUseSameBackendPortProtocolAndPool" });
    expect(err.message).toContain("with floating IP disabled use the same protocol Tcp and backend port 81");
  });

  it("refuses removing a probe that a rule still uses", async () => {
    const err = await refused((lb) => ({ ...lb, probes: lb.probes!.filter((p) => p.name !== "Probe2") }));
    expect(err).toMatchObject({ status: 400, code: "InvalidResourceReference" });
    expect(err.message).toContain("/probes/Probe2 referenced by resource");
  });

  it("refuses probes and rules outside Azure's ranges", async () => {
    const probe = (p: object) => (lb: LoadBalancer) => ({
      ...lb,
      probes: [...lb.probes!, { name: "Probe3", port: 82, ...p }],
    });
    expect((await refused(probe({ protocol: "Http" }))).code).toBe("ProbeRequestPathRequired");
    expect((await refused(probe({ protocol: "Tcp", requestPath: "/" }))).code).toBe("ProbeRequestPathNotAllowedForTcp");
    expect((await refused(probe({ protocol: "Tcp", intervalInSeconds: 4 }))).status).toBe(400);
    expect(
      (
        await refused((lb) => ({
          ...lb,
          loadBalancingRules: [...lb.loadBalancingRules!, rule3("MultiVIPLB-FE1", 65535, 9000)],
        }))
      ).status,
    ).toBe(400);
    expect(
      (
        await refused((lb) => ({
          ...lb,
          loadBalancingRules: [
            ...lb.loadBalancingRules!,
            rule3("MultiVIPLB-FE1", 9000, 9000, { idleTimeoutInMinutes: 31 }),
          ],
        }))
      ).status,
    ).toBe(400);
  });

  it("answers 412 to a stale If-Match and leaves the load balancer unchanged", async () => {
    const current = await client.loadBalancers.get(MRG, MLB);
    await putLb(client, current, current.etag);
    const before = await snapshot();
    const err = await errorCodes(putLb(client, { ...current, tags: { stale: "yes" } }, current.etag));
    expect(err).toMatchObject({ status: 412, code: "PreconditionFailed" });
    expect(await snapshot()).toBe(before);
  });

  it("refuses a public IP already used by another load balancer's frontend", async () => {
    const err = await errorCodes(
      putLb(
        client,
        {
          location: LOCATION,
          sku: { name: "Standard" },
          frontendIPConfigurations: [{ name: "fe", publicIPAddress: { id: pip2 } }],
        },
        undefined,
        "OtherLB",
      ),
    );
    expect(err).toMatchObject({ status: 400, code: "PublicIPAddressInUse" });
  });

  it("refuses a Standard public IP on a Basic load balancer", async () => {
    const pip = await createStandardIp(client, MRG, "PublicVIP3");
    const err = await errorCodes(
      putLb(
        client,
        {
          location: LOCATION,
          sku: { name: "Basic" },
          frontendIPConfigurations: [{ name: "fe", publicIPAddress: { id: pip.id } }],
        },
        undefined,
        "BasicLB",
      ),
    );
    expect(err).toMatchObject({ status: 400, code: "DifferentSkuLoadBalancersAndPublicIPAddressNotAllowed" });
  });

  it("refuses child resources on a load balancer without frontends", async () => {
    const err = await errorCodes(
      putLb(
        client,
        { location: LOCATION, sku: { name: "Standard" }, backendAddressPools: [{ name: "pool" }] },
        undefined,
        "EmptyLB",
      ),
    );
    expect(err).toMatchObject({ status: 400, code: "LoadBalancerWithoutFrontendIPCantHaveChildResources" });
  });
});

describe("backend pool membership", () => {
  it("reflects NIC ipConfigurations in the pool and manages pools as child resources", async () => {
    await createVnet(client, MRG, "vnet-lb");
    const subnet = { id: netId(MRG, "virtualNetworks", "vnet-lb") + "/subnets/default" };
    const pool = lbChild("backendAddressPools", "MultiVIPLB-BE");
    const nic = await client.networkInterfaces.createOrUpdate(
      MRG,
      "web1-nic",
      {
        location: LOCATION,
        ipConfigurations: [{ name: "ipconfig1", subnet, loadBalancerBackendAddressPools: [pool] }],
      },
      fast,
    );
    const members = (
      await client.loadBalancerBackendAddressPools.get(MRG, MLB, "MultiVIPLB-BE")
    ).backendIPConfigurations?.map((c) => c.id);
    expect(members).toEqual([`${nic.id}/ipConfigurations/ipconfig1`]);
    const added = await client.loadBalancerBackendAddressPools.createOrUpdate(MRG, MLB, "ExtraPool", {}, fast);
    expect(added.name).toBe("ExtraPool");
    await client.loadBalancerBackendAddressPools.delete(MRG, MLB, "ExtraPool", fast);
    const pools: string[] = [];
    for await (const p of client.loadBalancerBackendAddressPools.list(MRG, MLB)) pools.push(p.name!);
    expect(pools).toEqual(["MultiVIPLB-BE"]);
  });
});
