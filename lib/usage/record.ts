/**
 * The one recorder of metered state (issue 15): each function reads the portal's row as the caller's transaction just
 * wrote it and makes the resource's open intervals match (intervals.ts). Callers are the places where the portal saves
 * a state change — a job's final step, the inventory sync, the load balancer cache — inside the same transaction, so
 * usage exists iff the change committed. A row that is gone (deleted VM, removed address) closes everything it had.
 */
import { reconcileIntervals, type Tx, type UsageOwner, type UsageSource } from "./intervals";
import {
  loadBalancerMeterStates,
  protectedItemMeterStates,
  publicIpMeterStates,
  vmMeterStates,
  type DiskFacts,
} from "./states";

export type { UsageSource };
export { stepEndedAt } from "./intervals";

/** What Azure's latest answer said about the VM's disks (create, data disk change); else the open intervals' SKUs. */
export type VmDiskHints = { os?: DiskFacts; data?: { lun: number; storageAccountType?: string }[] };

const ownerSelect = { tenantId: true, tenantSubscriptionId: true, tenantSubscription: { select: { planId: true } } };
const ownerOf = (r: { tenantId: string; tenantSubscriptionId: string; tenantSubscription: { planId: string } }) =>
  ({
    tenantId: r.tenantId,
    tenantSubscriptionId: r.tenantSubscriptionId,
    planId: r.tenantSubscription.planId,
  }) as UsageOwner;

export async function recordVmUsage(tx: Tx, vmId: string, at: Date, src: UsageSource, hints: VmDiskHints = {}) {
  const vm = await tx.virtualMachine.findUnique({
    where: { id: vmId },
    select: {
      id: true,
      name: true,
      region: true,
      size: true,
      osType: true,
      hasPublicIp: true,
      powerState: true,
      azureResourceId: true,
      isMissing: true,
      dataDisks: true,
      ...ownerSelect,
    },
  });
  if (!vm) return reconcileIntervals(tx, vmId, null, [], at, src);
  // Disk SKUs: Azure's answer when the caller has one, else what the open interval recorded.
  const open = await tx.usageInterval.findMany({
    where: { endAt: null, meter: "disk.managed", resourceId: { startsWith: `${vmId}/` } },
    select: { resourceId: true, attributes: true },
  });
  const known = new Map(open.map((o) => [o.resourceId.slice(vmId.length + 1), o.attributes as DiskFacts]));
  const data = new Map<number, DiskFacts>();
  for (const d of vm.dataDisks as { lun: number }[]) {
    const hinted = hints.data?.find((h) => h.lun === d.lun)?.storageAccountType;
    const sku = hinted ?? known.get(`lun/${d.lun}`)?.storageAccountType;
    if (sku) data.set(d.lun, { storageAccountType: sku });
  }
  const os = { ...known.get("os"), ...hints.os };
  const states = vmMeterStates({ ...vm, dataDisks: vm.dataDisks as { lun: number; sizeGb: number }[] }, { os, data });
  return reconcileIntervals(tx, vmId, ownerOf(vm), states, at, src);
}

export async function recordLoadBalancerUsage(tx: Tx, loadBalancerId: string, at: Date, src: UsageSource) {
  const lb = await tx.loadBalancer.findUnique({
    where: { id: loadBalancerId },
    select: {
      id: true,
      name: true,
      region: true,
      sku: true,
      azureResourceId: true,
      provisioningState: true,
      rules: true,
      ...ownerSelect,
    },
  });
  if (!lb) return reconcileIntervals(tx, loadBalancerId, null, [], at, src);
  const ruleCount = Array.isArray(lb.rules) ? lb.rules.length : 0;
  return reconcileIntervals(tx, lb.id, ownerOf(lb), loadBalancerMeterStates({ ...lb, ruleCount }), at, src);
}

export async function recordPublicIpUsage(tx: Tx, publicIpAddressId: string, at: Date, src: UsageSource) {
  const ip = await tx.publicIpAddress.findUnique({
    where: { id: publicIpAddressId },
    select: {
      id: true,
      name: true,
      region: true,
      sku: true,
      azureResourceId: true,
      provisioningState: true,
      ...ownerSelect,
    },
  });
  if (!ip) return reconcileIntervals(tx, publicIpAddressId, null, [], at, src);
  return reconcileIntervals(tx, ip.id, ownerOf(ip), publicIpMeterStates(ip), at, src);
}

/** A protected VM: its container says whose it is and its replica's disk sizes; the vault's region is where it runs. */
export async function recordProtectedItemUsage(tx: Tx, protectedItemId: string, at: Date, src: UsageSource) {
  const item = await tx.protectedItem.findUnique({
    where: { id: protectedItemId },
    include: {
      container: {
        select: {
          vms: true,
          tenantSubscriptionId: true,
          vault: { select: { region: true } },
          tenantSubscription: { select: { planId: true } },
        },
      },
    },
  });
  const { container } = item ?? {};
  if (!item || !container?.tenantSubscriptionId || !container.tenantSubscription)
    return reconcileIntervals(tx, protectedItemId, null, [], at, src);
  const onPrem = (container.vms as { armName: string; disks?: { sizeGb?: number }[] }[]).find(
    (v) => v.armName === item.armName,
  );
  const replicaGb = (onPrem?.disks ?? []).reduce((sum, d) => sum + (d.sizeGb ?? 0), 0);
  const owner = {
    tenantId: item.tenantId,
    tenantSubscriptionId: container.tenantSubscriptionId,
    planId: container.tenantSubscription.planId,
  };
  const states = protectedItemMeterStates({ ...item, region: container.vault.region, replicaGb });
  return reconcileIntervals(tx, item.id, owner, states, at, src);
}
