import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadBalancer, NetworkManagementClient } from "@azure/arm-network";
import { startTestEmulator, type TestEmulator } from "../../testing.js";
import { PROVIDER_APP_ID } from "../../seed.js";
import { createGroup, createStandardIp, createVnet, errorCodes, LOCATION, netId, networkClient } from "./test-kit.js";
import { lbChild, MRG, putLb } from "./lb-test-kit.js";

/**
 * What a load balancer keeps beyond frontends, pools, probes and rules: outbound rules (SPECS NET
 * OutboundRulePropertiesFormat; AZURE-FACTS §6 for the conflicts), inbound NAT pools, a Gateway pool's tunnel
 * interfaces, an IP-based pool's virtual network and sync mode, and the scope. All were dropped before Azure's own
 * examples were replayed.
 */
let emu: TestEmulator;
let client: NetworkManagementClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = networkClient(emu);
  await createGroup(emu, MRG);
});
afterAll(async () => {
  await emu?.close();
});

describe("outbound rules", () => {
  it("keeps outbound rules, with their back-references, and refuses the conflicts Azure refuses", async () => {
    const OLB = "OutboundLB";
    const child = (c: string, n: string) => lbChild(c, n, OLB);
    const inIp = (await createStandardIp(client, MRG, "OutboundIn")).id!;
    const outIp = (await createStandardIp(client, MRG, "OutboundOut")).id!;
    const outbound = (name: string, fe: string, protocol: "Tcp" | "Udp" | "All", extra: object = {}) => ({
      name,
      protocol,
      frontendIPConfigurations: [child("frontendIPConfigurations", fe)],
      backendAddressPool: child("backendAddressPools", "pool"),
      ...extra,
    });
    const lb: LoadBalancer = {
      location: LOCATION,
      sku: { name: "Standard" },
      frontendIPConfigurations: [
        { name: "fe-in", publicIPAddress: { id: inIp } },
        { name: "fe-out", publicIPAddress: { id: outIp } },
      ],
      backendAddressPools: [{ name: "pool" }],
      loadBalancingRules: [
        {
          name: "web",
          protocol: "Tcp",
          frontendPort: 80,
          backendPort: 80,
          frontendIPConfiguration: child("frontendIPConfigurations", "fe-in"),
          backendAddressPool: child("backendAddressPools", "pool"),
        },
      ],
      outboundRules: [outbound("egress", "fe-out", "All", { allocatedOutboundPorts: 1024, idleTimeoutInMinutes: 30 })],
    };
    const created = await putLb(client, lb, undefined, OLB);
    expect(created.outboundRules).toMatchObject([
      {
        id: child("outboundRules", "egress").id,
        protocol: "All",
        allocatedOutboundPorts: 1024,
        idleTimeoutInMinutes: 30,
        enableTcpReset: false,
        provisioningState: "Succeeded",
        frontendIPConfigurations: [child("frontendIPConfigurations", "fe-out")],
        backendAddressPool: child("backendAddressPools", "pool"),
      },
    ]);
    const fe = created.frontendIPConfigurations?.find((f) => f.name === "fe-out");
    expect(fe?.outboundRules).toEqual([child("outboundRules", "egress")]);
    expect(created.backendAddressPools?.[0].outboundRules).toEqual([child("outboundRules", "egress")]);
    expect((await client.loadBalancerOutboundRules.get(MRG, OLB, "egress")).idleTimeoutInMinutes).toBe(30);
    // Read at the newest vendored version too (its replies are checked against the 2026-03-01 spec).
    for (const path of ["", "/outboundRules", "/outboundRules/egress"]) {
      const res = await emu.arm(
        PROVIDER_APP_ID,
        "GET",
        `${netId(MRG, "loadBalancers", OLB)}${path}?api-version=2026-03-01`,
      );
      expect(res.status).toBe(200);
    }

    const refusedOn = (change: Partial<LoadBalancer>) =>
      errorCodes(putLb(client, { ...created, ...change }, created.etag, OLB));
    // A second rule on the same frontend whose protocol overlaps (All covers Udp).
    expect(
      await refusedOn({ outboundRules: [...created.outboundRules!, outbound("udp", "fe-out", "Udp")] }),
    ).toMatchObject({
      status: 400,
      code: "MoreThanOneOutboundRuleUsingSameFrontendIPConfigurationAndProtocolIsNotSupported",
    });
    // An outbound rule on the frontend a load-balancing rule uses without disableOutboundSnat.
    expect(await refusedOn({ outboundRules: [outbound("egress", "fe-in", "Tcp")] })).toMatchObject({
      status: 400,
      code: "LoadBalancingRuleMustDisableSNATSinceSameFrontendIPConfigurationIsReferencedByOutboundRule",
    });
    expect(
      await refusedOn({ outboundRules: [outbound("egress", "fe-out", "Tcp", { idleTimeoutInMinutes: 121 })] }),
    ).toMatchObject({ status: 400, code: "InvalidLoadBalancerProperty" });
    expect(
      await refusedOn({
        outboundRules: [
          { ...outbound("egress", "fe-out", "Tcp"), backendAddressPool: child("backendAddressPools", "gone") },
        ],
      }),
    ).toMatchObject({ status: 400, code: "InvalidResourceReference" });
    // With SNAT disabled on the rule, both may share the frontend.
    const shared = await putLb(
      client,
      {
        ...created,
        loadBalancingRules: [{ ...created.loadBalancingRules![0], disableOutboundSnat: true }],
        outboundRules: [outbound("egress", "fe-in", "Tcp")],
      },
      created.etag,
      OLB,
    );
    expect(shared.outboundRules?.[0].frontendIPConfigurations).toEqual([child("frontendIPConfigurations", "fe-in")]);
    // Not sent: 1024 ports and 4 minutes, as Azure's LoadBalancerCreateWithOutboundRules example answers.
    expect(shared.outboundRules?.[0]).toMatchObject({ allocatedOutboundPorts: 1024, idleTimeoutInMinutes: 4 });
    expect(shared.frontendIPConfigurations?.find((f) => f.name === "fe-out")?.outboundRules).toBeUndefined();
    // Every reply matched the vendored spec of its api-version.
    expect(emu.emulator.responseMismatches()).toEqual([]);
  });
});

describe("inbound NAT pools, pool settings, a rule's connection tracking and scope", () => {
  it("keeps them as Azure's examples answer, and refuses a NAT pool outside Azure's ranges", async () => {
    const PLB = "NatPoolLB";
    const child = (c: string, n: string) => lbChild(c, n, PLB);
    const vnet = netId(MRG, "virtualNetworks", "natpool-vnet");
    await createVnet(client, MRG, "natpool-vnet", [["lb", "10.0.1.0/24"]]);
    const natPool = (extra: object = {}) => ({
      name: "rdp",
      protocol: "Tcp" as const,
      frontendPortRangeStart: 50000,
      frontendPortRangeEnd: 50099,
      backendPort: 3389,
      frontendIPConfiguration: child("frontendIPConfigurations", "fe"),
      ...extra,
    });
    const lb: LoadBalancer = {
      location: LOCATION,
      sku: { name: "Standard" },
      scope: "Private",
      frontendIPConfigurations: [{ name: "fe", subnet: { id: `${vnet}/subnets/lb` } }],
      backendAddressPools: [{ name: "pool", virtualNetwork: { id: vnet }, syncMode: "Automatic" }],
      loadBalancingRules: [
        {
          name: "dns",
          protocol: "Udp",
          frontendPort: 53,
          backendPort: 53,
          frontendIPConfiguration: child("frontendIPConfigurations", "fe"),
          backendAddressPool: child("backendAddressPools", "pool"),
          enableConnectionTracking: true,
        },
      ],
      inboundNatPools: [natPool()],
    };
    const created = await putLb(client, lb, undefined, PLB);
    expect(created.scope).toBe("Private");
    expect(created.loadBalancingRules?.[0].enableConnectionTracking).toBe(true);
    expect(created.backendAddressPools?.[0]).toMatchObject({ virtualNetwork: { id: vnet }, syncMode: "Automatic" });
    expect(created.inboundNatPools).toMatchObject([
      {
        id: child("inboundNatPools", "rdp").id,
        frontendPortRangeStart: 50000,
        frontendPortRangeEnd: 50099,
        backendPort: 3389,
        idleTimeoutInMinutes: 4,
        enableFloatingIP: false,
        provisioningState: "Succeeded",
      },
    ]);
    expect(created.frontendIPConfigurations?.[0].inboundNatPools).toEqual([child("inboundNatPools", "rdp")]);

    const refusedWith = (extra: object) =>
      errorCodes(putLb(client, { ...created, inboundNatPools: [natPool(extra)] }, created.etag, PLB));
    expect(await refusedWith({ frontendPortRangeEnd: 49999 })).toMatchObject({
      status: 400,
      code: "InvalidLoadBalancerProperty",
    });
    expect(await refusedWith({ backendPort: 0 })).toMatchObject({ status: 400, code: "InvalidLoadBalancerProperty" });

    // An inbound NAT rule over a port range maps onto the pool (Azure answers frontendPort 0 for it); another rule
    // whose port falls in the range on the same frontend and protocol is refused.
    const ranged = {
      name: "ssh",
      protocol: "Tcp" as const,
      frontendPortRangeStart: 40000,
      frontendPortRangeEnd: 40099,
      backendPort: 22,
      frontendIPConfiguration: child("frontendIPConfigurations", "fe"),
      backendAddressPool: child("backendAddressPools", "pool"),
    };
    const withNat = await putLb(
      client,
      { ...created, inboundNatPools: [], inboundNatRules: [ranged] },
      created.etag,
      PLB,
    );
    expect(withNat.inboundNatRules?.[0]).toMatchObject({
      frontendPort: 0,
      frontendPortRangeStart: 40000,
      frontendPortRangeEnd: 40099,
      backendPort: 22,
      backendAddressPool: child("backendAddressPools", "pool"),
    });
    expect(withNat.backendAddressPools?.[0].inboundNatRules).toEqual([child("inboundNatRules", "ssh")]);
    const single = { ...ranged, name: "one", frontendPortRangeStart: undefined, frontendPortRangeEnd: undefined };
    expect(
      await errorCodes(
        putLb(
          client,
          {
            ...withNat,
            inboundNatRules: [
              ...withNat.inboundNatRules!,
              { ...single, frontendPort: 40050, backendAddressPool: undefined },
            ],
          },
          withNat.etag,
          PLB,
        ),
      ),
    ).toMatchObject({ status: 400, code: "RulesUseSameFrontendPortProtocolAndFrontendIPConfiguration" });

    // A Gateway load balancer's pool keeps its tunnel interfaces.
    const tunnels = [
      { port: 15000, identifier: 900, protocol: "VXLAN" as const, type: "Internal" as const },
      { port: 15001, identifier: 901, protocol: "VXLAN" as const, type: "External" as const },
    ];
    const gateway = await putLb(
      client,
      {
        location: LOCATION,
        sku: { name: "Gateway" },
        frontendIPConfigurations: [{ name: "fe", subnet: { id: `${vnet}/subnets/lb` } }],
        backendAddressPools: [{ name: "pool", tunnelInterfaces: tunnels }],
      },
      undefined,
      "GatewayPoolLB",
    );
    expect(gateway.backendAddressPools?.[0].tunnelInterfaces).toEqual(tunnels);
    expect(emu.emulator.responseMismatches()).toEqual([]);
  });
});
