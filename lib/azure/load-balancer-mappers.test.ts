import { describe, expect, it } from "vitest";
import { fromArmLoadBalancer, toArmLoadBalancer, type LoadBalancerSpec } from "./load-balancer-mappers";

// The load-balancer guide's multi-VIP example: MultiVIPLB in MultiVIPLBRG, a second frontend on PublicVIP2 with Probe2 and Rule2.
const NET = "/subscriptions/s1/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network";
const LB = `${NET}/loadBalancers/MultiVIPLB`;
const child = (collection: string, name: string) => ({ id: `${LB}/${collection}/${name}` });

const spec: LoadBalancerSpec = {
  location: "westeurope",
  sku: "Standard",
  frontends: [
    { name: "MultiVIPLB-FE1", publicIpId: `${NET}/publicIPAddresses/PublicVIP1` },
    { name: "MultiVIPLB-FE2", publicIpId: `${NET}/publicIPAddresses/PublicVIP2` },
  ],
  backendPools: [{ name: "MultiVIPLB-BE" }],
  probes: [
    { name: "Probe1", protocol: "Tcp", port: 80, intervalSeconds: 15, probeCount: 2 },
    { name: "Probe2", protocol: "Http", port: 81, requestPath: "/", intervalSeconds: 5, probeCount: 2 },
  ],
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
};

// As ARM returns it after the second PUT (shape of SPECS NET LoadBalancerGet, trimmed to what we read).
const recorded = {
  name: "MultiVIPLB",
  id: LB,
  etag: 'W/"7a5e3c2d-1b4f-4e8a-9c0d-2f6b8a1e3d5c"',
  type: "Microsoft.Network/loadBalancers",
  location: "westeurope",
  sku: { name: "Standard", tier: "Regional" },
  properties: {
    provisioningState: "Succeeded",
    frontendIPConfigurations: [
      {
        name: "MultiVIPLB-FE1",
        id: child("frontendIPConfigurations", "MultiVIPLB-FE1").id,
        properties: {
          privateIPAllocationMethod: "Dynamic",
          publicIPAddress: { id: `${NET}/publicIPAddresses/PublicVIP1` },
          loadBalancingRules: [child("loadBalancingRules", "Rule1")],
        },
      },
      {
        name: "MultiVIPLB-FE2",
        id: child("frontendIPConfigurations", "MultiVIPLB-FE2").id,
        properties: {
          privateIPAllocationMethod: "Dynamic",
          publicIPAddress: { id: `${NET}/publicIPAddresses/PublicVIP2` },
          loadBalancingRules: [child("loadBalancingRules", "Rule2")],
        },
      },
    ],
    backendAddressPools: [
      {
        name: "MultiVIPLB-BE",
        id: child("backendAddressPools", "MultiVIPLB-BE").id,
        properties: {
          backendIPConfigurations: [{ id: `${NET}/networkInterfaces/web1-nic/ipConfigurations/ipconfig1` }],
          loadBalancingRules: [child("loadBalancingRules", "Rule1"), child("loadBalancingRules", "Rule2")],
        },
      },
    ],
    loadBalancingRules: [
      {
        name: "Rule1",
        id: child("loadBalancingRules", "Rule1").id,
        properties: {
          frontendIPConfiguration: child("frontendIPConfigurations", "MultiVIPLB-FE1"),
          backendAddressPool: child("backendAddressPools", "MultiVIPLB-BE"),
          probe: child("probes", "Probe1"),
          protocol: "Tcp",
          loadDistribution: "Default",
          frontendPort: 80,
          backendPort: 80,
          idleTimeoutInMinutes: 4,
          enableFloatingIP: false,
          enableTcpReset: false,
        },
      },
      {
        name: "Rule2",
        id: child("loadBalancingRules", "Rule2").id,
        properties: {
          frontendIPConfiguration: child("frontendIPConfigurations", "MultiVIPLB-FE2"),
          backendAddressPools: [child("backendAddressPools", "MultiVIPLB-BE")],
          probe: child("probes", "Probe2"),
          protocol: "Tcp",
          loadDistribution: "Default",
          frontendPort: 80,
          backendPort: 81,
          idleTimeoutInMinutes: 4,
          enableFloatingIP: false,
          enableTcpReset: false,
        },
      },
    ],
    probes: [
      {
        name: "Probe1",
        id: child("probes", "Probe1").id,
        properties: { protocol: "Tcp", port: 80, intervalInSeconds: 15, numberOfProbes: 2, probeThreshold: 1 },
      },
      {
        name: "Probe2",
        id: child("probes", "Probe2").id,
        properties: {
          protocol: "Http",
          port: 81,
          requestPath: "/",
          intervalInSeconds: 5,
          numberOfProbes: 2,
          probeThreshold: 1,
        },
      },
    ],
    inboundNatRules: [],
    outboundRules: [],
  },
};

describe("load balancer mappers", () => {
  it("turns names into the child ids ARM expects", () => {
    const arm = toArmLoadBalancer(spec, LB);
    expect(arm.frontendIPConfigurations[1]).toEqual({
      name: "MultiVIPLB-FE2",
      publicIPAddress: { id: `${NET}/publicIPAddresses/PublicVIP2` },
    });
    expect(arm.probes[1]).toEqual({
      name: "Probe2",
      protocol: "Http",
      port: 81,
      requestPath: "/",
      intervalInSeconds: 5,
      numberOfProbes: 2,
    });
    expect(arm.probes[0]).not.toHaveProperty("requestPath");
    expect(arm.loadBalancingRules[1]).toEqual({
      name: "Rule2",
      protocol: "Tcp",
      frontendPort: 80,
      backendPort: 81,
      frontendIPConfiguration: child("frontendIPConfigurations", "MultiVIPLB-FE2"),
      backendAddressPool: child("backendAddressPools", "MultiVIPLB-BE"),
      probe: child("probes", "Probe2"),
      enableFloatingIP: false,
      idleTimeoutInMinutes: 4,
      enableTcpReset: false,
    });
    expect(arm).toMatchObject({
      location: "westeurope",
      sku: { name: "Standard" },
      backendAddressPools: [{ name: "MultiVIPLB-BE" }],
      inboundNatRules: [],
    });
  });

  it("reads ids back into names, with the frontend addresses supplied", () => {
    const info = fromArmLoadBalancer(recorded, { [`${NET}/publicIPAddresses/PublicVIP2`.toLowerCase()]: "20.1.2.3" });
    expect(info).toMatchObject({
      id: LB,
      name: "MultiVIPLB",
      sku: "Standard",
      etag: recorded.etag,
      provisioningState: "Succeeded",
      tags: {},
    });
    expect(info.frontends).toEqual([
      { name: "MultiVIPLB-FE1", publicIpId: `${NET}/publicIPAddresses/PublicVIP1` },
      { name: "MultiVIPLB-FE2", publicIpId: `${NET}/publicIPAddresses/PublicVIP2`, publicIpAddress: "20.1.2.3" },
    ]);
    expect(info.backendPools).toEqual([
      {
        name: "MultiVIPLB-BE",
        id: child("backendAddressPools", "MultiVIPLB-BE").id,
        memberNicIpConfigIds: [`${NET}/networkInterfaces/web1-nic/ipConfigurations/ipconfig1`],
      },
    ]);
    // Rule2 lists its pool only in backendAddressPools, as newer api-versions do.
    expect(info.probes).toEqual(spec.probes);
    expect(info.rules).toEqual(spec.rules);
  });

  it("round-trips: what we read can be written back unchanged", () => {
    const info = fromArmLoadBalancer(recorded);
    expect(toArmLoadBalancer(info, LB)).toEqual(toArmLoadBalancer(spec, LB));
  });

  it("maps an internal frontend with a static private address", () => {
    const subnetId = `${NET}/virtualNetworks/vnet/subnets/default`;
    const arm = toArmLoadBalancer(
      { ...spec, frontends: [{ name: "fe", subnetId, privateIp: "10.0.0.10" }], rules: [], probes: [] },
      LB,
    );
    expect(arm.frontendIPConfigurations).toEqual([
      { name: "fe", subnet: { id: subnetId }, privateIPAllocationMethod: "Static", privateIPAddress: "10.0.0.10" },
    ]);
  });
});
