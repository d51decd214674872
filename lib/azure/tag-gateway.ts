import { armClientsFor } from "./clients";
import { flat, idOf, items, obj, str } from "./arm-json";
import { armCall } from "./errors";
import { orNull } from "./not-found";
import type { Tags } from "./tags";
import type { AzureAccess } from "./types";
import { mapVmStatus, type VmStatus } from "./vm-mappers";

/** A resource as a subscription-wide list shows it: enough to decide whether it needs the portal's tags. */
export type TaggedResource = { id: string; tags: Tags };
/** A network interface with the public IPs of its ip configurations (where the sync finds a VM's public IP). */
export type TaggedNic = TaggedResource & { publicIpIds: string[] };

const tagsOf = (raw: unknown): Tags => {
  const t = obj(flat(raw).tags);
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, String(v ?? "")]));
};

/**
 * Adds `tags` to a resource (or resource group) with ARM's Tags API, operation Merge: the resource's other tags stay,
 * and nothing else of it is sent, so it cannot undo a concurrent change. One write, paced like every ARM write.
 */
export function mergeTags(access: AzureAccess, resourceId: string, tags: Tags): Promise<Tags> {
  const { resources } = armClientsFor(access);
  // The SDK's path is "/{+scope}/providers/Microsoft.Resources/tags/default": the scope goes without a leading slash.
  const scope = resourceId.replace(/^\/+/, "");
  return armCall(async () => {
    const result = await resources.tagsOperations.updateAtScope(
      scope,
      { operation: "Merge", properties: { tags } },
      { updateIntervalInMs: 1_000 },
    );
    return { ...(result.properties?.tags ?? {}) };
  });
}

/**
 * The tags of one resource or resource group with ARM's Tags API (GetAtScope): one read whatever the resource's type,
 * or null when it (or its group) does not exist.
 */
export function readTags(access: AzureAccess, resourceId: string): Promise<Tags | null> {
  const { resources } = armClientsFor(access);
  const scope = resourceId.replace(/^\/+/, "");
  return orNull(async () => ({ ...((await resources.tagsOperations.getAtScope(scope)).properties?.tags ?? {}) }));
}

/** Every network interface of the subscription (one paged list, not one read per VM). */
export function listNicTags(access: AzureAccess): Promise<TaggedNic[]> {
  const { network } = armClientsFor(access);
  return armCall(async () => {
    const out: TaggedNic[] = [];
    for await (const nic of network.networkInterfaces.listAll()) {
      const publicIpIds = items(flat(nic).ipConfigurations)
        .map((c) => idOf(c.publicIPAddress))
        .filter((x): x is string => !!x);
      out.push({ id: str(nic.id) ?? "", tags: tagsOf(nic), publicIpIds });
    }
    return out;
  });
}

/** Every public IP address of the subscription. */
export function listPublicIpTags(access: AzureAccess): Promise<TaggedResource[]> {
  const { network } = armClientsFor(access);
  return armCall(async () => {
    const out: TaggedResource[] = [];
    for await (const ip of network.publicIPAddresses.listAll()) out.push({ id: str(ip.id) ?? "", tags: tagsOf(ip) });
    return out;
  });
}

/** Every managed disk of the subscription. */
export function listDiskTags(access: AzureAccess): Promise<TaggedResource[]> {
  const { compute } = armClientsFor(access);
  return armCall(async () => {
    const out: TaggedResource[] = [];
    for await (const d of compute.disks.list()) out.push({ id: str(d.id) ?? "", tags: tagsOf(d) });
    return out;
  });
}

/** Every resource group of the subscription. */
export function listResourceGroupTags(access: AzureAccess): Promise<TaggedResource[]> {
  const { resources } = armClientsFor(access);
  return armCall(async () => {
    const out: TaggedResource[] = [];
    for await (const g of resources.resourceGroups.list()) out.push({ id: str(g.id) ?? "", tags: tagsOf(g) });
    return out;
  });
}

/** Every virtual network of the subscription. */
export function listVnetTags(access: AzureAccess): Promise<TaggedResource[]> {
  const { network } = armClientsFor(access);
  return armCall(async () => {
    const out: TaggedResource[] = [];
    for await (const v of network.virtualNetworks.listAll()) out.push({ id: str(v.id) ?? "", tags: tagsOf(v) });
    return out;
  });
}

/** A VM as the sync's list shows it: its status, its tags, and the ids of its NICs and managed disks. */
export type VmInventoryItem = VmStatus & { tags: Tags; nicIds: string[]; diskIds: string[] };

/**
 * Every VM of the subscription in one paged listAll(statusOnly): the same reads as listVmStatuses, with what the list
 * answers carry besides (tags, NIC and disk ids), so checking the portal's tags costs no extra read.
 */
export function listVmInventory(access: AzureAccess): Promise<VmInventoryItem[]> {
  const { compute } = armClientsFor(access);
  return armCall(async () => {
    const out: VmInventoryItem[] = [];
    for await (const raw of compute.virtualMachines.listAll({ statusOnly: "true" })) {
      const vm = flat(raw);
      const storage = obj(vm.storageProfile);
      const diskIds = [obj(storage.osDisk), ...items(storage.dataDisks)]
        .map((d) => idOf(d.managedDisk))
        .filter((x): x is string => !!x);
      const nicIds = items(obj(vm.networkProfile).networkInterfaces)
        .map((n) => str(n.id))
        .filter((x): x is string => !!x);
      out.push({ ...mapVmStatus(raw), tags: tagsOf(raw), nicIds, diskIds });
    }
    return out;
  });
}
