import { listNetworkAddresses, type AzureAccess, type NetworkAddresses } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { nicName } from "./job-support";

type VmNeedingAddresses = { id: string; name: string; hasPublicIp: boolean; resourceGroup: string };
export type VmAddresses = { id: string; privateIp: string | null; publicIp: string | null };

/**
 * The addresses Azure shows for each VM: its NIC found by the portal's deterministic name (`<vm>-nic`) in the VM's
 * resource group, its public IP by the id that NIC's ip configuration references. VMs whose NIC is not in the lists
 * are left out.
 */
export function addressesOf(vms: VmNeedingAddresses[], found: NetworkAddresses): VmAddresses[] {
  const key = (resourceGroup: string, name: string) => `${resourceGroup}/${name}`.toLowerCase();
  const nics = new Map(found.nics.map((n) => [key(n.id.split("/")[4] ?? "", n.name), n]));
  const ips = new Map(found.publicIps.map((p) => [p.id.toLowerCase(), p]));
  return vms.flatMap((vm) => {
    const nic = nics.get(key(vm.resourceGroup, nicName(vm.name)));
    if (!nic?.privateIp) return [];
    const publicIp = nic.publicIpId ? (ips.get(nic.publicIpId.toLowerCase())?.ipAddress ?? null) : null;
    return [{ id: vm.id, privateIp: nic.privateIp, publicIp: vm.hasPublicIp ? publicIp : null }];
  });
}

/** VMs of the tenant subscription whose private IP, or public IP when they have one, the portal does not know. */
export async function findVmsWithoutAddresses(tenantSubscriptionId: string): Promise<VmNeedingAddresses[]> {
  const vms = await db.virtualMachine.findMany({
    where: { tenantSubscriptionId, OR: [{ privateIp: null }, { hasPublicIp: true, publicIp: null }] },
    select: { id: true, name: true, hasPublicIp: true, tenantSubscription: { select: { resourceGroup: true } } },
  });
  return vms.map(({ tenantSubscription, ...vm }) => ({ ...vm, resourceGroup: tenantSubscription.resourceGroup }));
}

/**
 * Records what one read of the resource group's NICs and public IPs says for every VM of the tenant subscription still
 * without its addresses (a bulk's VMs finish within seconds of each other: the first one's read serves the others).
 * Returns how many VMs got addresses.
 */
export async function recordAddresses(tenantSubscriptionId: string, found: NetworkAddresses): Promise<number> {
  const updates = addressesOf(await findVmsWithoutAddresses(tenantSubscriptionId), found);
  if (updates.length === 0) return 0;
  // One short transaction of two statements: the rows locked in id order (another worker process's read of the same
  // group locks them in the same order, so the two wait rather than deadlock; a VM whose own run holds its row is
  // waited for), then one update of them all. A write per VM queued 50 times behind a bulk's other jobs for a pooled
  // connection, and the last VM of a 200-VM bulk ended 7 s after Azure had created it (issue 18). A VM deleted
  // meanwhile is not in the join, so it is skipped.
  const ids = updates.map((u) => u.id);
  await db.$transaction([
    db.$queryRaw`select id from "VirtualMachine" where id = any(${ids}::text[]) order by id for update`,
    db.$executeRaw`
      update "VirtualMachine" as v set "privateIp" = u.private_ip, "publicIp" = u.public_ip
      from unnest(${ids}::text[], ${updates.map((u) => u.privateIp)}::text[], ${updates.map((u) => u.publicIp)}::text[])
        as u(id, private_ip, public_ip)
      where v.id = u.id`,
  ]);
  return updates.length;
}

const reading = new Map<string, Promise<number>>();

/**
 * One read of a tenant subscription's NICs and public IPs at a time in this process: a bulk's VMs finish within
 * seconds of each other, and each one reading the same lists (and writing the same 50 rows) made the last VM of a
 * 200-VM bench end 20 s after Azure had created it (issue 18). A caller that waited for another's read gets
 * `joined`: that read may have been listed before its VM's NIC existed, so it looks at its own VM again.
 */
export async function readAddressesOnce(
  tenantSubscriptionId: string,
  list: () => Promise<NetworkAddresses>,
): Promise<{ recorded: number; joined: boolean }> {
  const running = reading.get(tenantSubscriptionId);
  if (running) {
    await running.catch(() => {});
    return { recorded: 0, joined: true };
  }
  const read = (async () => recordAddresses(tenantSubscriptionId, await list()))();
  reading.set(tenantSubscriptionId, read);
  try {
    return { recorded: await read, joined: false };
  } finally {
    reading.delete(tenantSubscriptionId);
  }
}

/**
 * The inventory sync's fallback for addresses a create could not read: one list of NICs and one of public IPs per
 * resource group holding such VMs, none at all when every created VM has its addresses (the usual case).
 */
export async function readMissingAddresses(access: AzureAccess, azureSubscriptionId: string) {
  const groups = await db.tenantSubscription.findMany({
    where: {
      plan: { azureSubscriptionId },
      vms: {
        some: {
          networkManagedByVm: true,
          provisioningState: "Succeeded",
          isMissing: false,
          OR: [{ privateIp: null }, { hasPublicIp: true, publicIp: null }],
        },
      },
    },
    select: { id: true, resourceGroup: true },
  });
  let recorded = 0;
  for (const g of groups) recorded += await recordAddresses(g.id, await listNetworkAddresses(access, g.resourceGroup));
  return { groups: groups.length, recorded };
}
