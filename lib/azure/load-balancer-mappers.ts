import { bool, compact, flat, idOf, items, lastSegment, num, obj, str } from "./arm-json";

export type LoadBalancerFrontend = {
  name: string;
  publicIpId?: string;
  /** Read only: resolved from the public IP by getLoadBalancer. */
  publicIpAddress?: string;
  /** Internal frontends: a subnet and a private address (Static when given on write, unless privateIpAllocation says otherwise). */
  subnetId?: string;
  privateIp?: string;
  privateIpAllocation?: "Static" | "Dynamic";
};
export type LoadBalancerPool = { name: string; id: string; memberNicIpConfigIds: string[] };
export type LoadBalancerProbe = {
  name: string;
  protocol: "Tcp" | "Http" | "Https";
  port: number;
  /** Required for Http/Https, refused for Tcp. */
  requestPath?: string;
  intervalSeconds: number;
  probeCount: number;
};
export type LoadBalancerRule = {
  name: string;
  protocol: "Tcp" | "Udp" | "All";
  frontendName: string;
  frontendPort: number;
  backendPort: number;
  backendPoolName: string;
  probeName?: string;
  floatingIp: boolean;
  idleTimeoutMinutes: number;
  tcpReset: boolean;
};
export type LoadBalancerNatRule = {
  name: string;
  protocol: "Tcp" | "Udp" | "All";
  frontendName: string;
  frontendPort: number;
  backendPort: number;
  floatingIp: boolean;
  idleTimeoutMinutes: number;
  tcpReset: boolean;
  /** Read only: the NIC ipConfiguration that took the rule. */
  backendNicIpConfigId?: string;
};
export type LoadBalancerInfo = {
  id: string;
  name: string;
  location: string;
  sku: string;
  /** Send back as `ifMatch` so a concurrent change is refused (412) instead of overwritten. */
  etag: string;
  provisioningState?: string;
  tags: Record<string, string>;
  frontends: LoadBalancerFrontend[];
  backendPools: LoadBalancerPool[];
  probes: LoadBalancerProbe[];
  rules: LoadBalancerRule[];
  inboundNatRules: LoadBalancerNatRule[];
  /** Read only: the frontends' public IPs as getLoadBalancer read them for their addresses, with their tags. */
  publicIps?: { id: string; tags: Record<string, string> }[];
};
/** The whole desired load balancer; a LoadBalancerInfo (read, then edited) is one. Children refer to each other by name. */
export type LoadBalancerSpec = Pick<LoadBalancerInfo, "location" | "sku" | "frontends" | "probes" | "rules"> & {
  tags?: Record<string, string>;
  backendPools: { name: string }[];
  inboundNatRules?: LoadBalancerNatRule[];
};

/** The SDK's LoadBalancer model: names become the full child ids ARM expects (`{lbId}/probes/Probe2`). */
export function toArmLoadBalancer(spec: LoadBalancerSpec, lbId: string) {
  const ref = (collection: string, name: string) => ({ id: `${lbId}/${collection}/${name}` });
  const frontend = (name: string) => ref("frontendIPConfigurations", name);
  return {
    location: spec.location,
    sku: { name: spec.sku, tier: "Regional" },
    tags: spec.tags ?? {},
    frontendIPConfigurations: spec.frontends.map((f) => {
      if (f.publicIpId) return { name: f.name, publicIPAddress: { id: f.publicIpId } };
      const allocation = f.privateIpAllocation ?? (f.privateIp ? "Static" : "Dynamic");
      return {
        name: f.name,
        subnet: { id: f.subnetId },
        privateIPAllocationMethod: allocation,
        ...(allocation === "Static" ? { privateIPAddress: f.privateIp } : {}),
      };
    }),
    backendAddressPools: spec.backendPools.map((p) => ({ name: p.name })),
    probes: spec.probes.map((p) => ({
      name: p.name,
      protocol: p.protocol,
      port: p.port,
      intervalInSeconds: p.intervalSeconds,
      numberOfProbes: p.probeCount,
      ...(p.protocol === "Tcp" ? {} : { requestPath: p.requestPath }),
    })),
    loadBalancingRules: spec.rules.map((r) => ({
      name: r.name,
      protocol: r.protocol,
      frontendPort: r.frontendPort,
      backendPort: r.backendPort,
      frontendIPConfiguration: frontend(r.frontendName),
      backendAddressPool: ref("backendAddressPools", r.backendPoolName),
      ...(r.probeName ? { probe: ref("probes", r.probeName) } : {}),
      enableFloatingIP: r.floatingIp,
      idleTimeoutInMinutes: r.idleTimeoutMinutes,
      enableTcpReset: r.tcpReset,
    })),
    inboundNatRules: (spec.inboundNatRules ?? []).map((r) => ({
      name: r.name,
      protocol: r.protocol,
      frontendPort: r.frontendPort,
      backendPort: r.backendPort,
      frontendIPConfiguration: frontend(r.frontendName),
      enableFloatingIP: r.floatingIp,
      idleTimeoutInMinutes: r.idleTimeoutMinutes,
      enableTcpReset: r.tcpReset,
    })),
  };
}

const nameOf = (ref: unknown) => lastSegment(idOf(ref) ?? "");

/**
 * ARM JSON or the SDK model → ours. `publicIpAddresses` (lowercased public IP id → address) fills frontends' addresses,
 * which the load balancer itself does not carry.
 */
export function fromArmLoadBalancer(raw: unknown, publicIpAddresses: Record<string, string> = {}): LoadBalancerInfo {
  const lb = flat(raw);
  const id = str(lb.id) ?? "";
  return compact({
    id,
    name: str(lb.name) ?? lastSegment(id),
    location: str(lb.location) ?? "",
    sku: str(obj(lb.sku).name) ?? "Basic",
    etag: str(lb.etag) ?? "",
    provisioningState: str(lb.provisioningState),
    tags: obj(lb.tags) as Record<string, string>,
    frontends: items(lb.frontendIPConfigurations).map((f) => {
      const publicIpId = idOf(f.publicIPAddress);
      return compact({
        name: str(f.name) ?? "",
        publicIpId,
        publicIpAddress: publicIpId
          ? (publicIpAddresses[publicIpId.toLowerCase()] ?? str(flat(f.publicIPAddress).ipAddress))
          : undefined,
        subnetId: idOf(f.subnet),
        privateIp: str(f.privateIPAddress),
        privateIpAllocation: f.subnet ? (f.privateIPAllocationMethod === "Static" ? "Static" : "Dynamic") : undefined,
      } as LoadBalancerFrontend);
    }),
    backendPools: items(lb.backendAddressPools).map((p) => ({
      name: str(p.name) ?? "",
      id: str(p.id) ?? `${id}/backendAddressPools/${str(p.name)}`,
      memberNicIpConfigIds: items(p.backendIPConfigurations)
        .map((c) => str(c.id) ?? "")
        .filter(Boolean),
    })),
    probes: items(lb.probes).map((p) =>
      compact({
        name: str(p.name) ?? "",
        protocol: (str(p.protocol) ?? "Tcp") as LoadBalancerProbe["protocol"],
        port: num(p.port) ?? 0,
        requestPath: str(p.requestPath),
        intervalSeconds: num(p.intervalInSeconds) ?? 15,
        probeCount: num(p.numberOfProbes) ?? 2,
      }),
    ),
    rules: items(lb.loadBalancingRules).map((r) =>
      compact({
        ...ruleCommon(r),
        backendPoolName: nameOf(r.backendAddressPool) || nameOf(items(r.backendAddressPools)[0]),
        probeName: nameOf(r.probe) || undefined,
      }),
    ),
    inboundNatRules: items(lb.inboundNatRules).map((r) =>
      compact({ ...ruleCommon(r), backendNicIpConfigId: idOf(r.backendIPConfiguration) }),
    ),
  });
}

function ruleCommon(r: Record<string, unknown>) {
  return {
    name: str(r.name) ?? "",
    protocol: (str(r.protocol) ?? "Tcp") as LoadBalancerRule["protocol"],
    frontendName: nameOf(r.frontendIPConfiguration),
    frontendPort: num(r.frontendPort) ?? 0,
    backendPort: num(r.backendPort) ?? 0,
    floatingIp: bool(r.enableFloatingIP),
    idleTimeoutMinutes: num(r.idleTimeoutInMinutes) ?? 4,
    tcpReset: bool(r.enableTcpReset),
  };
}
