import { restorePoller } from "@azure/arm-network";
import { armClientsFor } from "./clients";
import { armCall } from "./errors";
import { defineLro, startLro, type LroProgress } from "./lro";
import { deleteOrDone, orNull } from "./not-found";
import {
  mapNic,
  mapPublicIp,
  mapVirtualNetwork,
  type NicInfo,
  type PublicIpInfo,
  type VirtualNetworkInfo,
} from "./network-mappers";
import type { AzureAccess } from "./types";
import { NIC_IP_CONFIGURATION } from "./vm-mappers";

export type VirtualNetworkSpec = {
  resourceGroup: string;
  name: string;
  location: string;
  addressSpace: string[];
  subnets: { name: string; prefix: string }[];
  /** The tags (lib/azure/tags.ts). A PUT replaces an existing network's: pass its own with the portal's (withMissingPortalTags). */
  tags?: Record<string, string>;
};
export type PublicIpSpec = {
  resourceGroup: string;
  name: string;
  location: string;
  sku: "Standard";
  allocation: "Static" | "Dynamic";
  tags?: Record<string, string>;
};
export type NicSpec = {
  resourceGroup: string;
  name: string;
  location: string;
  subnetId: string;
  publicIpId?: string;
  backendPoolIds?: string[];
  tags?: Record<string, string>;
};
type Ref = { resourceGroup: string; name: string };

// The specs are names, prefixes and ids only, so they can travel in the continuation and rebuild nothing secret.
const putVnetLro = defineLro<VirtualNetworkSpec, VirtualNetworkInfo>({
  kind: "network.vnet.put",
  start: ({ network }, s) =>
    network.virtualNetworks.createOrUpdate(s.resourceGroup, s.name, {
      location: s.location,
      ...(s.tags ? { tags: s.tags } : {}),
      addressSpace: { addressPrefixes: s.addressSpace },
      subnets: s.subnets.map((x) => ({ name: x.name, addressPrefix: x.prefix })),
    }),
  restore: ({ network }, _s, state) => restorePoller(network, state, network.virtualNetworks.createOrUpdate),
  map: mapVirtualNetwork,
  typicalSeconds: 3,
  // The answer lists the subnets with their ids: all a NIC needs.
  fromPutAnswer: (raw) => {
    const v = mapVirtualNetwork(raw);
    return v.id && v.subnets.length && v.subnets.every((x) => x.id) ? v : undefined;
  },
});

const putPublicIpLro = defineLro<PublicIpSpec, PublicIpInfo>({
  kind: "network.publicIp.put",
  start: ({ network }, s) =>
    network.publicIPAddresses.createOrUpdate(s.resourceGroup, s.name, {
      location: s.location,
      ...(s.tags ? { tags: s.tags } : {}),
      sku: { name: s.sku, tier: "Regional" },
      publicIPAllocationMethod: s.allocation,
      publicIPAddressVersion: "IPv4",
    }),
  restore: ({ network }, _s, state) => restorePoller(network, state, network.publicIPAddresses.createOrUpdate),
  map: mapPublicIp,
  typicalSeconds: 3,
  // A Static address is allocated with the PUT; when the answer does not carry it yet, the final GET reads it.
  fromPutAnswer: (raw) => {
    const ip = mapPublicIp(raw);
    return ip.id && (ip.allocation !== "Static" || ip.ipAddress) ? ip : undefined;
  },
});

const putNicLro = defineLro<NicSpec, NicInfo>({
  kind: "network.nic.put",
  start: ({ network }, s) =>
    network.networkInterfaces.createOrUpdate(s.resourceGroup, s.name, {
      location: s.location,
      ...(s.tags ? { tags: s.tags } : {}),
      ipConfigurations: [
        {
          name: NIC_IP_CONFIGURATION,
          primary: true,
          privateIPAllocationMethod: "Dynamic",
          subnet: { id: s.subnetId },
          ...(s.publicIpId ? { publicIPAddress: { id: s.publicIpId } } : {}),
          ...(s.backendPoolIds?.length
            ? { loadBalancerBackendAddressPools: s.backendPoolIds.map((id) => ({ id })) }
            : {}),
        },
      ],
    }),
  restore: ({ network }, _s, state) => restorePoller(network, state, network.networkInterfaces.createOrUpdate),
  map: mapNic,
  typicalSeconds: 2,
  // The dynamic private IP is assigned with the PUT; without it in the answer, the final GET reads it.
  fromPutAnswer: (raw) => {
    const nic = mapNic(raw);
    return nic.id && nic.privateIp ? nic : undefined;
  },
});

const deleteNicLro = defineLro<Ref, null>({
  kind: "network.nic.delete",
  start: ({ network }, r) => network.networkInterfaces.delete(r.resourceGroup, r.name),
  restore: ({ network }, _r, state) => restorePoller(network, state, network.networkInterfaces.delete),
  map: () => null,
});

const deletePublicIpLro = defineLro<Ref, null>({
  kind: "network.publicIp.delete",
  start: ({ network }, r) => network.publicIPAddresses.delete(r.resourceGroup, r.name),
  restore: ({ network }, _r, state) => restorePoller(network, state, network.publicIPAddresses.delete),
  map: () => null,
});

/** PUT of the whole network: repeating it is harmless; subnets not listed are removed (Azure refuses if one is in use). */
export function ensureVirtualNetwork(
  access: AzureAccess,
  spec: VirtualNetworkSpec,
): Promise<LroProgress<VirtualNetworkInfo>> {
  return startLro(access, putVnetLro, spec);
}

export function getVirtualNetwork(
  access: AzureAccess,
  resourceGroup: string,
  name: string,
): Promise<VirtualNetworkInfo | null> {
  const { network } = armClientsFor(access);
  return orNull(async () => mapVirtualNetwork(await network.virtualNetworks.get(resourceGroup, name)));
}

export function listVirtualNetworks(access: AzureAccess, resourceGroup: string): Promise<VirtualNetworkInfo[]> {
  const { network } = armClientsFor(access);
  return armCall(async () => {
    const out: VirtualNetworkInfo[] = [];
    for await (const v of network.virtualNetworks.list(resourceGroup)) out.push(mapVirtualNetwork(v));
    return out;
  });
}

/** Standard public IPs must be Static: Azure answers Dynamic with 400 StandardSkuPublicIPAddressesMustBeStatic. */
export function ensurePublicIp(access: AzureAccess, spec: PublicIpSpec): Promise<LroProgress<PublicIpInfo>> {
  return startLro(access, putPublicIpLro, spec);
}

export function getPublicIp(access: AzureAccess, resourceGroup: string, name: string): Promise<PublicIpInfo | null> {
  const { network } = armClientsFor(access);
  return orNull(async () => mapPublicIp(await network.publicIPAddresses.get(resourceGroup, name)));
}

/** One dynamic private IP on `subnetId`, optionally a public IP and load-balancer backend pools. */
export function ensureNic(access: AzureAccess, spec: NicSpec): Promise<LroProgress<NicInfo>> {
  return startLro(access, putNicLro, spec);
}

export function getNic(access: AzureAccess, resourceGroup: string, name: string): Promise<NicInfo | null> {
  const { network } = armClientsFor(access);
  return orNull(async () => mapNic(await network.networkInterfaces.get(resourceGroup, name)));
}

/** Azure refuses while a VM still uses the NIC (delete the VM first; its NIC goes with it when created by createVm). */
export function deleteNic(access: AzureAccess, resourceGroup: string, name: string): Promise<LroProgress<null>> {
  return deleteOrDone(() => startLro(access, deleteNicLro, { resourceGroup, name }));
}

export function deletePublicIp(access: AzureAccess, resourceGroup: string, name: string): Promise<LroProgress<null>> {
  return deleteOrDone(() => startLro(access, deletePublicIpLro, { resourceGroup, name }));
}

/** What a resource group's NICs and public IPs say of addresses: two paged lists, whatever the number of VMs. */
export type NetworkAddresses = { nics: NicInfo[]; publicIps: PublicIpInfo[] };

/**
 * The NICs and public IPs of a resource group (one list each, 100 or so per page in Azure): how the addresses of VMs
 * whose NIC and public IP their own PUT created reach the portal without a read per VM (issue 18).
 */
export function listNetworkAddresses(access: AzureAccess, resourceGroup: string): Promise<NetworkAddresses> {
  const { network } = armClientsFor(access);
  return armCall(async () => {
    const [nics, publicIps] = await Promise.all([
      (async () => {
        const out: NicInfo[] = [];
        for await (const n of network.networkInterfaces.list(resourceGroup)) out.push(mapNic(n));
        return out;
      })(),
      (async () => {
        const out: PublicIpInfo[] = [];
        for await (const p of network.publicIPAddresses.list(resourceGroup)) out.push(mapPublicIp(p));
        return out;
      })(),
    ]);
    return { nics, publicIps };
  });
}
