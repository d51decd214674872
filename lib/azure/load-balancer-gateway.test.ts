import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { SEED } from "@/emulator/seed";
import { clearArmClientCache } from "./clients";
import {
  ensureNic,
  ensurePublicIp,
  ensureResourceGroup,
  ensureVirtualNetwork,
  deleteLoadBalancer,
  getLoadBalancer,
  isPreconditionFailed,
  listLoadBalancers,
  pollLro,
  putLoadBalancer,
  type AzureAccess,
  type LoadBalancerInfo,
  type LoadBalancerSpec,
  type LroProgress,
  type PublicIpInfo,
} from "./index";
import { startGatewayEmulator, type GatewayEmulator } from "@/test/gateway-emulator";

const LOCATION = "westeurope";
const RG = "MultiVIPLBRG";
const LB = "MultiVIPLB";

let emu: GatewayEmulator;
let access: AzureAccess;
let vip1: PublicIpInfo;
let vip2: PublicIpInfo;

async function finish<T>(started: Promise<LroProgress<T>>): Promise<T> {
  let progress = await started;
  for (let i = 0; i < 300 && !progress.done; i++) {
    clearArmClientCache();
    await sleep(10);
    progress = await pollLro<T>(access, progress.continuation);
  }
  if (!progress.done) throw new Error("the operation did not finish");
  return progress.result;
}

const publicIp = (name: string) =>
  finish(
    ensurePublicIp(access, { resourceGroup: RG, name, location: LOCATION, sku: "Standard", allocation: "Static" }),
  );

beforeAll(async () => {
  emu = await startGatewayEmulator();
  access = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
  await ensureResourceGroup(access, RG, LOCATION);
  [vip1, vip2] = [await publicIp("PublicVIP1"), await publicIp("PublicVIP2")];
});
afterAll(async () => {
  await emu?.close();
});

const firstVip = (): LoadBalancerSpec => ({
  location: LOCATION,
  sku: "Standard",
  frontends: [{ name: "MultiVIPLB-FE1", publicIpId: vip1.id }],
  backendPools: [{ name: "MultiVIPLB-BE" }],
  probes: [{ name: "Probe1", protocol: "Tcp", port: 80, intervalSeconds: 15, probeCount: 2 }],
  rules: [
    {
      name: "Rule1",
      protocol: "Tcp",
      frontendName: "MultiVIPLB-FE1",
      frontendPort: 80,
      backendPort: 80,
      backendPoolName: "MultiVIPLB-BE",
      probeName: "Probe1",
      floatingIp: false,
      idleTimeoutMinutes: 4,
      tcpReset: false,
    },
  ],
});

/** The portal's "add a VIP": read, add a frontend, probe and rule by name, write back with the etag read. */
const withSecondVip = (lb: LoadBalancerInfo): LoadBalancerInfo => ({
  ...lb,
  frontends: [...lb.frontends, { name: "MultiVIPLB-FE2", publicIpId: vip2.id }],
  probes: [
    ...lb.probes,
    { name: "Probe2", protocol: "Http", port: 81, requestPath: "/", intervalSeconds: 5, probeCount: 2 },
  ],
  rules: [
    ...lb.rules,
    {
      name: "Rule2",
      protocol: "Tcp",
      frontendName: "MultiVIPLB-FE2",
      frontendPort: 80,
      backendPort: 81,
      backendPoolName: "MultiVIPLB-BE",
      probeName: "Probe2",
      floatingIp: false,
      idleTimeoutMinutes: 4,
      tcpReset: false,
    },
  ],
});

describe("load balancer gateway: the guide's multi-VIP load balancer", () => {
  it("creates MultiVIPLB and reads it back with its etag and frontend address", async () => {
    const created = await finish(putLoadBalancer(access, RG, LB, firstVip()));
    expect(created).toMatchObject({ name: LB, sku: "Standard", provisioningState: "Succeeded" });
    const lb = await getLoadBalancer(access, RG, LB);
    expect(lb?.etag).toMatch(/^W\/"/);
    expect(lb?.frontends).toEqual([{ name: "MultiVIPLB-FE1", publicIpId: vip1.id, publicIpAddress: vip1.ipAddress }]);
    expect(lb).toMatchObject({
      probes: firstVip().probes,
      rules: firstVip().rules,
      backendPools: [{ name: "MultiVIPLB-BE", memberNicIpConfigIds: [] }],
    });
    expect((await listLoadBalancers(access, RG)).map((l) => l.name)).toEqual([LB]);
    expect(await getLoadBalancer(access, RG, "NoSuchLB")).toBeNull();
  });

  it("adds the second VIP with If-Match, and refuses a stale etag with 412", async () => {
    const before = (await getLoadBalancer(access, RG, LB))!;
    const updated = await finish(putLoadBalancer(access, RG, LB, withSecondVip(before), { ifMatch: before.etag }));
    expect(updated.etag).not.toBe(before.etag);
    const lb = (await getLoadBalancer(access, RG, LB))!;
    expect(lb.frontends.map((f) => [f.name, f.publicIpAddress])).toEqual([
      ["MultiVIPLB-FE1", vip1.ipAddress],
      ["MultiVIPLB-FE2", vip2.ipAddress],
    ]);
    expect(lb.probes[1]).toEqual({
      name: "Probe2",
      protocol: "Http",
      port: 81,
      requestPath: "/",
      intervalSeconds: 5,
      probeCount: 2,
    });
    expect(lb.rules[1]).toMatchObject({
      name: "Rule2",
      frontendName: "MultiVIPLB-FE2",
      frontendPort: 80,
      backendPort: 81,
      probeName: "Probe2",
    });

    const stale = await putLoadBalancer(
      access,
      RG,
      LB,
      { ...lb, tags: { stale: "yes" } },
      { ifMatch: before.etag },
    ).catch((e: unknown) => e);
    expect(isPreconditionFailed(stale)).toBe(true);
    expect((await getLoadBalancer(access, RG, LB))?.etag).toBe(lb.etag);
  });

  it("shows a NIC that joins the backend pool as a member", async () => {
    await finish(
      ensureVirtualNetwork(access, {
        resourceGroup: RG,
        name: "vnet-lb",
        location: LOCATION,
        addressSpace: ["10.2.0.0/16"],
        subnets: [{ name: "default", prefix: "10.2.0.0/24" }],
      }),
    );
    const lb = (await getLoadBalancer(access, RG, LB))!;
    const nic = await finish(
      ensureNic(access, {
        resourceGroup: RG,
        name: "web1-nic",
        location: LOCATION,
        subnetId: `${lb.id.split("/loadBalancers/")[0]}/virtualNetworks/vnet-lb/subnets/default`,
        backendPoolIds: [lb.backendPools[0].id],
      }),
    );
    expect(nic.backendPoolIds).toEqual([lb.backendPools[0].id]);
    expect((await getLoadBalancer(access, RG, LB))?.backendPools[0].memberNicIpConfigIds).toEqual([
      nic.ipConfigurationId,
    ]);
  });

  it("surfaces Azure's validation code for a rule naming a probe that does not exist", async () => {
    const lb = (await getLoadBalancer(access, RG, LB))!;
    const bad = {
      ...lb,
      rules: [
        ...lb.rules,
        { ...lb.rules[0], name: "Rule3", frontendPort: 8080, backendPort: 8080, probeName: "NoSuchProbe" },
      ],
    };
    await expect(putLoadBalancer(access, RG, LB, bad, { ifMatch: lb.etag })).rejects.toMatchObject({
      status: 400,
      code: "InvalidResourceReference",
      retryable: false,
    });
  });

  it("deletes a load balancer; deleting again is done at once", async () => {
    await finish(
      putLoadBalancer(access, RG, "ScratchLB", {
        ...firstVip(),
        frontends: [
          {
            name: "fe",
            subnetId: `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet-lb/subnets/default`,
          },
        ],
        probes: [],
        rules: [],
      }),
    );
    expect((await getLoadBalancer(access, RG, "ScratchLB"))?.frontends[0]).toMatchObject({
      name: "fe",
      privateIpAllocation: "Dynamic",
    });
    await finish(deleteLoadBalancer(access, RG, "ScratchLB"));
    expect(await getLoadBalancer(access, RG, "ScratchLB")).toBeNull();
    expect(await deleteLoadBalancer(access, RG, "ScratchLB")).toEqual({ done: true, result: null });
  });
});
