import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../testing.js";
import { PROVIDER_APP_ID } from "../../seed.js";
import { createGroup, LOCATION, netId, SUB } from "./test-kit.js";

/**
 * Network at 2026-03-01, the newest stable version (issue 17): requests are read against the vendored TypeSpec-layout
 * extracts (virtualNetwork.json, loadBalancer.json, common.json), and every reply is checked against them on the way
 * out (the test emulator answers 500 on a mismatch and its close() fails), as for 2026-01-01.
 */
const V = "2026-03-01";
const RG = "net-2026-03";
let emu: TestEmulator;

type Reply = Awaited<ReturnType<TestEmulator["arm"]>>;

/** Waits for a write's operation to end, as the SDK's poller does (a network resource is locked while it runs). */
async function settled(res: Reply): Promise<Reply> {
  const monitor = res.headers["azure-asyncoperation"] ?? res.headers["location"];
  if (!monitor || res.status >= 400) return res;
  const path = monitor.slice(emu.emulator.url.length);
  for (;;) {
    const op = await emu.arm(PROVIDER_APP_ID, "GET", path);
    if (op.status !== 202 && op.body.status !== "InProgress") return res;
    await new Promise((r) => setTimeout(r, 10));
  }
}
const call = async (method: string, path: string, body?: unknown) =>
  settled(await emu.arm(PROVIDER_APP_ID, method, `${path}${path.includes("?") ? "&" : "?"}api-version=${V}`, body));
const id = (type: string, name: string) => netId(RG, type, name);
const subnetId = id("virtualNetworks", "vnet1") + "/subnets/default";
const lbId = id("loadBalancers", "lb1");
const sub = (type: string) => `/subscriptions/${SUB}/providers/Microsoft.Network/${type}`;
const SERVICE_GATEWAY = `/subscriptions/${SUB}/resourceGroups/net-2026-03/providers/Microsoft.Network/serviceGateways/sg1`;
const GATEWAY_FRONTEND = `${netId(RG, "loadBalancers", "gwlb")}/frontendIPConfigurations/gw`;
const group = (type: string) => `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/${type}`;

beforeAll(async () => {
  emu = await startTestEmulator();
  await createGroup(emu, RG);
});
afterAll(async () => {
  await emu?.close();
});

describe("network at 2026-03-01", () => {
  it("creates, reads, lists, tags and deletes every modelled network resource and child with replies that match the 2026-03-01 spec", async () => {
    const writes = [
      await call("PUT", id("virtualNetworks", "vnet1"), {
        location: LOCATION,
        properties: {
          addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
          subnets: [
            { name: "default", properties: { addressPrefix: "10.0.0.0/24" } },
            { name: "gw", properties: { addressPrefix: "10.0.9.0/24", serviceGateway: { id: SERVICE_GATEWAY } } },
          ],
        },
      }),
      await call("PUT", id("networkSecurityGroups", "nsg1"), {
        location: LOCATION,
        properties: {
          securityRules: [
            {
              name: "ssh",
              properties: {
                protocol: "Tcp",
                access: "Allow",
                direction: "Inbound",
                priority: 100,
                sourceAddressPrefix: "*",
                sourcePortRange: "*",
                destinationAddressPrefix: "*",
                destinationPortRange: "22",
              },
            },
          ],
        },
      }),
      await call("PUT", id("publicIPAddresses", "pip1"), {
        location: LOCATION,
        sku: { name: "Standard" },
        properties: { publicIPAllocationMethod: "Static" },
      }),
    ];
    writes.push(
      await call("PUT", id("networkInterfaces", "nic1"), {
        location: LOCATION,
        properties: {
          networkSecurityGroup: { id: id("networkSecurityGroups", "nsg1") },
          ipConfigurations: [
            {
              name: "ipconfig1",
              properties: { subnet: { id: subnetId }, publicIPAddress: { id: id("publicIPAddresses", "pip1") } },
            },
          ],
        },
      }),
      await call("PUT", lbId, {
        location: LOCATION,
        sku: { name: "Standard" },
        properties: {
          frontendIPConfigurations: [
            { name: "fe", properties: { subnet: { id: subnetId }, gatewayLoadBalancer: { id: GATEWAY_FRONTEND } } },
          ],
          backendAddressPools: [{ name: "pool" }],
          probes: [{ name: "probe", properties: { protocol: "Tcp", port: 80 } }],
          loadBalancingRules: [
            {
              name: "http",
              properties: {
                protocol: "Tcp",
                frontendPort: 80,
                backendPort: 80,
                frontendIPConfiguration: { id: `${lbId}/frontendIPConfigurations/fe` },
                backendAddressPool: { id: `${lbId}/backendAddressPools/pool` },
                probe: { id: `${lbId}/probes/probe` },
              },
            },
          ],
          inboundNatRules: [
            {
              name: "rdp",
              properties: {
                protocol: "Tcp",
                frontendPort: 3389,
                backendPort: 3389,
                frontendIPConfiguration: { id: `${lbId}/frontendIPConfigurations/fe` },
              },
            },
          ],
        },
      }),
    );
    expect(writes.map((w) => `${w.status} ${JSON.stringify(w.body.error ?? "")}`)).toEqual(writes.map(() => `201 ""`));

    const reads = [
      ...[
        "virtualNetworks",
        "networkSecurityGroups",
        "publicIPAddresses",
        "networkInterfaces",
        "loadBalancers",
      ].flatMap((type) => [sub(type), group(type)]),
      id("virtualNetworks", "vnet1"),
      `${id("virtualNetworks", "vnet1")}/subnets`,
      subnetId,
      id("networkSecurityGroups", "nsg1"),
      `${id("networkSecurityGroups", "nsg1")}/securityRules`,
      `${id("networkSecurityGroups", "nsg1")}/securityRules/ssh`,
      `${id("networkSecurityGroups", "nsg1")}/defaultSecurityRules`,
      `${id("networkSecurityGroups", "nsg1")}/defaultSecurityRules/DenyAllInBound`,
      id("publicIPAddresses", "pip1"),
      id("networkInterfaces", "nic1"),
      `${id("networkInterfaces", "nic1")}/ipConfigurations`,
      `${id("networkInterfaces", "nic1")}/ipConfigurations/ipconfig1`,
      lbId,
      ...["frontendIPConfigurations", "backendAddressPools", "loadBalancingRules", "probes", "inboundNatRules"].flatMap(
        (c) => [`${lbId}/${c}`],
      ),
      `${lbId}/outboundRules`,
      `${lbId}/frontendIPConfigurations/fe`,
      `${lbId}/backendAddressPools/pool`,
      `${lbId}/loadBalancingRules/http`,
      `${lbId}/probes/probe`,
      `${lbId}/inboundNatRules/rdp`,
    ];
    for (const path of reads) {
      const res = await call("GET", path);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    const gw = await call("GET", `${id("virtualNetworks", "vnet1")}/subnets/gw`);
    expect(gw.body.properties.serviceGateway).toEqual({ id: SERVICE_GATEWAY });
    // detailLevel=Reduced (new in 2026-03-01) leaves out the back-references: who uses each frontend, pool and probe.
    const full = await call("GET", lbId);
    expect(full.body.properties.frontendIPConfigurations[0].properties.loadBalancingRules).toHaveLength(1);
    const reduced = await call("GET", `${lbId}?detailLevel=Reduced`);
    expect(reduced.status).toBe(200);
    expect(reduced.body.properties.frontendIPConfigurations[0].properties.loadBalancingRules).toBeUndefined();
    expect(reduced.body.properties.frontendIPConfigurations[0].properties.inboundNatRules).toBeUndefined();
    expect(reduced.body.properties.probes[0].properties.loadBalancingRules).toBeUndefined();
    expect(reduced.body.properties.loadBalancingRules).toEqual(full.body.properties.loadBalancingRules);
    const frontend = await call("GET", `${lbId}/frontendIPConfigurations/fe`);
    expect(frontend.body.properties.gatewayLoadBalancer).toEqual({ id: GATEWAY_FRONTEND });
    for (const [type, name] of [
      ["virtualNetworks", "vnet1"],
      ["networkSecurityGroups", "nsg1"],
      ["publicIPAddresses", "pip1"],
      ["networkInterfaces", "nic1"],
      ["loadBalancers", "lb1"],
    ]) {
      const res = await call("PATCH", id(type, name), { tags: { env: "test" } });
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.tags).toEqual({ env: "test" });
    }
    for (const path of [`${lbId}/inboundNatRules/rdp`, lbId, id("networkInterfaces", "nic1")]) {
      const res = await call("DELETE", path);
      expect([200, 202, 204], `${path}: ${JSON.stringify(res.body)}`).toContain(res.status);
    }
    expect(emu.emulator.responseMismatches()).toEqual([]);
  });

  it("refuses at 2026-03-01 what its spec refuses, with the deserializer's path and type", async () => {
    const scope = await call("PUT", id("publicIPAddresses", "pip-scope"), {
      location: LOCATION,
      properties: { dnsSettings: { domainNameLabel: "lbl", domainNameLabelScope: "Anywhere" } },
    });
    expect(scope.status).toBe(400);
    expect(scope.body.error.code).toBe("InvalidRequestContent");
    expect(scope.body.error.message).toContain(
      `Error converting value "Anywhere" to type 'PublicIpAddressDnsSettingsDomainNameLabelScope'. Path 'properties.dnsSettings.domainNameLabelScope'.`,
    );
    const rule = await call("PUT", id("networkSecurityGroups", "nsg-bad"), {
      location: LOCATION,
      properties: {
        securityRules: [{ name: "r", properties: { protocol: "Tcp", access: "Allow", direction: "Inbound" } }],
      },
    });
    expect(rule.status).toBe(400);
    expect(rule.body.error.message).toContain(
      "Required property 'priority' not found in JSON. Path 'properties.securityRules[0].properties'.",
    );
    expect(rule.body.error.message).not.toMatch(/undefined|null|\[object Object\]/);
    // IPAM pools (Network Manager) are not modelled: a vnet allocating from one names the pool it cannot find.
    const pool = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/networkManagers/nm1/ipamPools/p1`;
    const ipam = await call("PUT", id("virtualNetworks", "vnet-ipam"), {
      location: LOCATION,
      properties: { addressSpace: { ipamPoolPrefixAllocations: [{ numberOfIpAddresses: "256", pool: { id: pool } }] } },
    });
    expect(ipam.status).toBe(400);
    expect(ipam.body.error.code).toBe("InvalidResourceReference");
    expect(ipam.body.error.message).toContain(pool);
  });

  it("keeps what 2026-03-01 adds to a load balancer: mode (fixed at create) and a frontend's connection tracking", async () => {
    const body = (mode?: string) => ({
      location: LOCATION,
      sku: { name: "Standard" },
      properties: {
        ...(mode ? { mode } : {}),
        frontendIPConfigurations: [
          { name: "fe", properties: { subnet: { id: subnetId }, enableConnectionTracking: true } },
        ],
      },
    });
    const created = await call("PUT", id("loadBalancers", "lb-adv"), body("Advanced"));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.properties.mode).toBe("Advanced");
    expect(created.body.properties.frontendIPConfigurations[0].properties.enableConnectionTracking).toBe(true);
    const read = await call("GET", id("loadBalancers", "lb-adv"));
    expect(read.body.properties?.mode, JSON.stringify(read.body)).toBe("Advanced");
    // Omitted on update: kept. Another value (here: none at create, Advanced later): refused.
    expect((await call("PUT", id("loadBalancers", "lb-adv"), body())).body.properties.mode).toBe("Advanced");
    await call("PUT", id("loadBalancers", "lb-std"), body());
    const changed = await call("PUT", id("loadBalancers", "lb-std"), body("Advanced"));
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({ code: "PropertyChangeNotAllowed" });
    // 2026-01-01 does not know either property.
    const older = await settled(
      await emu.arm(
        PROVIDER_APP_ID,
        "PUT",
        `${id("loadBalancers", "lb-old")}?api-version=2026-01-01`,
        body("Advanced"),
      ),
    );
    expect(older.status).toBe(201);
    expect(older.body.properties.mode).toBeUndefined();
    expect(older.body.properties.frontendIPConfigurations[0].properties.enableConnectionTracking).toBeUndefined();
  });
});
