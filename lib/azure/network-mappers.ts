import { compact, flat, idOf, items, obj, str } from "./arm-json";

export type SubnetInfo = { id: string; name: string; prefix: string };
export type VirtualNetworkInfo = {
  id: string;
  name: string;
  location: string;
  addressSpace: string[];
  subnets: SubnetInfo[];
  provisioningState?: string;
};
export type PublicIpInfo = {
  id: string;
  name: string;
  location: string;
  sku: string;
  allocation: "Static" | "Dynamic";
  /** Static: from creation. Dynamic: only while the VM using it is allocated. */
  ipAddress?: string;
  /** The NIC ipConfiguration or LB frontend using it. */
  attachedTo?: string;
  provisioningState?: string;
};
export type NicInfo = {
  id: string;
  name: string;
  /** The primary ipConfiguration: the id a load balancer's backend pool lists as a member. */
  ipConfigurationId?: string;
  privateIp?: string;
  publicIpId?: string;
  backendPoolIds: string[];
  /** Set by Compute while a VM uses the NIC. */
  vmId?: string;
  provisioningState?: string;
  /** The NIC's tags when it has any: a NIC PUT replaces them, so a re-PUT passes them back. */
  tags?: Record<string, string>;
};

/** Accepts ARM JSON or the SDK model (see arm-json.ts). */
export function mapVirtualNetwork(raw: unknown): VirtualNetworkInfo {
  const v = flat(raw);
  return compact({
    id: str(v.id) ?? "",
    name: str(v.name) ?? "",
    location: str(v.location) ?? "",
    addressSpace: ((obj(v.addressSpace).addressPrefixes as unknown[] | undefined) ?? []).map(String),
    subnets: items(v.subnets).map((s) => ({
      id: str(s.id) ?? "",
      name: str(s.name) ?? "",
      prefix: str(s.addressPrefix) ?? String((s.addressPrefixes as unknown[] | undefined)?.[0] ?? ""),
    })),
    provisioningState: str(v.provisioningState),
  });
}

export function mapPublicIp(raw: unknown): PublicIpInfo {
  const p = flat(raw);
  return compact({
    id: str(p.id) ?? "",
    name: str(p.name) ?? "",
    location: str(p.location) ?? "",
    sku: str(obj(p.sku).name) ?? "Basic",
    allocation: p.publicIPAllocationMethod === "Static" ? "Static" : "Dynamic",
    ipAddress: str(p.ipAddress),
    attachedTo: idOf(p.ipConfiguration),
    provisioningState: str(p.provisioningState),
  });
}

export function mapNic(raw: unknown): NicInfo {
  const n = flat(raw);
  const configs = items(n.ipConfigurations);
  const primary = configs.find((c) => c.primary === true) ?? configs[0] ?? {};
  return compact({
    id: str(n.id) ?? "",
    name: str(n.name) ?? "",
    ipConfigurationId: str(primary.id),
    privateIp: str(primary.privateIPAddress),
    publicIpId: idOf(primary.publicIPAddress),
    backendPoolIds: items(primary.loadBalancerBackendAddressPools)
      .map((p) => str(p.id) ?? "")
      .filter(Boolean),
    vmId: idOf(n.virtualMachine),
    provisioningState: str(n.provisioningState),
    tags: Object.keys(obj(n.tags)).length ? (obj(n.tags) as Record<string, string>) : undefined,
  });
}
