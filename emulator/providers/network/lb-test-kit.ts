import type { LoadBalancer, NetworkManagementClient } from "@azure/arm-network";
import { fast, LOCATION, netId } from "./test-kit.js";

/** The guide's multi-VIP load balancer: ids and the two steps (create, then add a second VIP in one PUT). */
export const MRG = "MultiVIPLBRG";
export const MLB = "MultiVIPLB";
export const lbChild = (collection: string, name: string, lb = MLB) => ({
  id: `${netId(MRG, "loadBalancers", lb)}/${collection}/${name}`,
});

export function firstVip(pip1Id: string): LoadBalancer {
  return {
    location: LOCATION,
    sku: { name: "Standard" },
    frontendIPConfigurations: [{ name: "MultiVIPLB-FE1", publicIPAddress: { id: pip1Id } }],
    backendAddressPools: [{ name: "MultiVIPLB-BE" }],
    probes: [{ name: "Probe1", protocol: "Tcp", port: 80, intervalInSeconds: 15, numberOfProbes: 2 }],
    loadBalancingRules: [
      {
        name: "Rule1",
        protocol: "Tcp",
        frontendPort: 80,
        backendPort: 80,
        idleTimeoutInMinutes: 4,
        frontendIPConfiguration: lbChild("frontendIPConfigurations", "MultiVIPLB-FE1"),
        backendAddressPool: lbChild("backendAddressPools", "MultiVIPLB-BE"),
        probe: lbChild("probes", "Probe1"),
      },
    ],
  };
}

/** The load balancer as read back, with a second frontend, probe and rule added (what the portal's "add a VIP" sends). */
export function withSecondVip(current: LoadBalancer, pip2Id: string): LoadBalancer {
  return {
    ...current,
    frontendIPConfigurations: [
      ...(current.frontendIPConfigurations ?? []),
      { name: "MultiVIPLB-FE2", publicIPAddress: { id: pip2Id } },
    ],
    probes: [
      ...(current.probes ?? []),
      { name: "Probe2", protocol: "Http", port: 81, requestPath: "/", intervalInSeconds: 5, numberOfProbes: 2 },
    ],
    loadBalancingRules: [
      ...(current.loadBalancingRules ?? []),
      {
        name: "Rule2",
        protocol: "Tcp",
        frontendPort: 80,
        backendPort: 81,
        idleTimeoutInMinutes: 4,
        enableFloatingIP: false,
        frontendIPConfiguration: lbChild("frontendIPConfigurations", "MultiVIPLB-FE2"),
        backendAddressPool: lbChild("backendAddressPools", "MultiVIPLB-BE"),
        probe: lbChild("probes", "Probe2"),
      },
    ],
  };
}

export const ifMatch = (etag: string | undefined) => ({
  ...fast,
  requestOptions: { headers: { "If-Match": String(etag) } },
});

export async function putLb(client: NetworkManagementClient, lb: LoadBalancer, etag?: string, name = MLB) {
  return client.loadBalancers.createOrUpdate(MRG, name, lb, etag ? ifMatch(etag) : fast);
}
