import {
  ArmError,
  listDiskTags,
  listNicTags,
  listPublicIpTags,
  listResourceGroupTags,
  listVnetTags,
  mergeTags,
  missingPortalTags,
  PORTAL_EXTRA_TAG,
  PORTAL_TAG,
  portalTags,
  type AzureAccess,
  type Tags,
  type VmInventoryItem,
} from "@/lib/azure";
import { db } from "@/lib/db/client";
import { kinds } from "@/lib/operations/kinds";
import { busyStates } from "./inventory-diff";

/**
 * At most this many tag writes per sync: Azure paces writes per subscription, and a first sync of a large untagged
 * inventory should not hold the worker for long. The rest are written by the next syncs.
 */
export const MAX_TAG_WRITES_PER_SYNC = 200;

/** What the sync's retag pass does, decided from the VM list it has read anyway (no extra read). */
export type TagPlan = {
  /** VMs whose own tags lack some of the portal's. */
  vms: { vmId: string; resourceId: string; missing: Tags }[];
  /** VMs whose NICs, public IPs and disks were never found tagged (tagsCheckedAt null). */
  children: { vmId: string; wanted: Tags; nicIds: string[]; diskIds: string[] }[];
  /** Tenant subscriptions whose resource group and networks were never found tagged (tagsCheckedAt null). */
  groups?: { tenantSubscriptionId: string; groupId: string; wanted: Tags; vnets: { id: string; wanted: Tags }[] }[];
};

const hasOperationTag = (tags: Tags) => Object.keys(tags).some((name) => name.toLowerCase() === PORTAL_TAG.operation);

/** The operation that created each VM (its first vm.create), for the portal-operation tag. */
const creatingOperations = (vmIds: string[]) => firstOperations(kinds.vm.create, vmIds);

/**
 * The retag decision for the portal's VMs of one Azure subscription: their tags come from the sync's list; a VM not
 * yet checked also has its NICs, public IPs and disks looked at (created by the VM PUT, which gives disks no tags).
 * VMs being created or deleted are left to a later sync.
 */
export async function planVmTags(azureSubscriptionId: string, inventory: VmInventoryItem[]): Promise<TagPlan> {
  const rows = await db.virtualMachine.findMany({
    where: {
      tenantSubscription: { plan: { azureSubscriptionId } },
      azureResourceId: { not: null },
      provisioningState: { notIn: busyStates },
    },
    select: {
      id: true,
      azureResourceId: true,
      tagsCheckedAt: true,
      tenant: { select: { id: true, slug: true } },
      tenantSubscription: { select: { planId: true } },
    },
  });
  const inAzure = new Map(inventory.map((v) => [v.id.toLowerCase(), v]));
  const owned = rows.flatMap((row) => {
    const vm = inAzure.get(row.azureResourceId!.toLowerCase());
    if (!vm) return [];
    const wanted = portalTags({
      tenant: row.tenant,
      plan: row.tenantSubscription.planId,
      extra: { [PORTAL_EXTRA_TAG.vm]: row.id },
    });
    return [{ row, vm, wanted }];
  });
  // The creating operation is looked up only for VMs that need a write or a check.
  const needy = owned.filter(
    ({ row, vm, wanted }) =>
      !row.tagsCheckedAt || !hasOperationTag(vm.tags) || Object.keys(missingPortalTags(vm.tags, wanted)).length,
  );
  const creators = await creatingOperations(needy.map((n) => n.row.id));
  const plan: TagPlan = { vms: [], children: [] };
  for (const { row, vm, wanted: base } of needy) {
    const operationId = creators.get(row.id);
    const wanted = operationId ? { ...base, [PORTAL_TAG.operation]: operationId } : base;
    const missing = missingPortalTags(vm.tags, wanted);
    if (Object.keys(missing).length) plan.vms.push({ vmId: row.id, resourceId: vm.id, missing });
    if (!row.tagsCheckedAt) plan.children.push({ vmId: row.id, wanted, nicIds: vm.nicIds, diskIds: vm.diskIds });
  }
  plan.groups = await planGroupTags(azureSubscriptionId);
  return plan;
}

/** The first operation of `kind` on each target, for the portal-operation tag. */
async function firstOperations(kind: string, targetIds: string[]): Promise<Map<string, string>> {
  if (!targetIds.length) return new Map();
  const ops = await db.operation.findMany({
    where: { kind, targetId: { in: targetIds } },
    select: { id: true, targetId: true },
    orderBy: { createdAt: "desc" },
  });
  return new Map(ops.map((o) => [o.targetId, o.id]));
}

/** Resource groups and networks of tenant subscriptions not yet checked (none once every one has been). */
async function planGroupTags(azureSubscriptionId: string): Promise<TagPlan["groups"]> {
  const subs = await db.tenantSubscription.findMany({
    where: { plan: { azureSubscriptionId }, tagsCheckedAt: null, state: "active" },
    select: {
      id: true,
      planId: true,
      resourceGroup: true,
      tenant: { select: { id: true, slug: true } },
      networks: {
        where: { azureResourceId: { not: null } },
        select: { azureResourceId: true, provisioningOperationId: true },
      },
    },
  });
  if (!subs.length) return [];
  const provisioned = await firstOperations(
    kinds.tenantSubscription.provision,
    subs.map((s) => s.id),
  );
  const { subscriptionId: sub } = await db.azureSubscription.findUniqueOrThrow({
    where: { id: azureSubscriptionId },
    select: { subscriptionId: true },
  });
  return subs.map((ts) => {
    const owner = { tenant: ts.tenant, plan: ts.planId };
    return {
      tenantSubscriptionId: ts.id,
      groupId: `/subscriptions/${sub}/resourceGroups/${ts.resourceGroup}`,
      wanted: portalTags({
        ...owner,
        operationId: provisioned.get(ts.id),
        extra: { [PORTAL_EXTRA_TAG.tenantSubscription]: ts.id },
      }),
      vnets: ts.networks.map((n) => ({
        id: n.azureResourceId!,
        wanted: portalTags({ ...owner, operationId: n.provisioningOperationId ?? undefined }),
      })),
    };
  });
}

export type TagOutcome = {
  written: number;
  failed: number;
  deferred: number;
  /** VMs and tenant subscriptions (group and networks) found carrying the portal's tags, not to be looked at again. */
  checked: number;
  groups: number;
  firstError?: string;
};

/**
 * Writes the plan with ARM's Tags API (Merge: the customer's own tags stay), one paced write per resource that needs
 * it. The NICs, public IPs and disks of unchecked VMs come from one list per type for the whole subscription; a VM
 * whose every NIC, public IP and disk was found and written is marked checked, so the next sync reads none of them.
 * A refused write is counted and noted, not fatal to the sync; throttling ends the pass (the next sync continues).
 */
export async function applyVmTags(access: AzureAccess, plan: TagPlan): Promise<TagOutcome> {
  const writes: { id: string; tags: Tags; vmId?: string; tenantSubscriptionId?: string }[] = plan.vms.map((v) => ({
    id: v.resourceId,
    tags: v.missing,
  }));
  const complete = new Set<string>();
  if (plan.children.length) {
    const [nics, ips, disks] = await Promise.all([listNicTags(access), listPublicIpTags(access), listDiskTags(access)]);
    const found = new Map([...nics, ...ips, ...disks].map((r) => [r.id.toLowerCase(), r]));
    const nicById = new Map(nics.map((n) => [n.id.toLowerCase(), n]));
    for (const c of plan.children) {
      const publicIps = c.nicIds.flatMap((id) => nicById.get(id.toLowerCase())?.publicIpIds ?? []);
      let all = true;
      for (const id of [...c.nicIds, ...publicIps, ...c.diskIds]) {
        const r = found.get(id.toLowerCase());
        if (!r) {
          all = false;
          continue;
        }
        const missing = missingPortalTags(r.tags, c.wanted);
        if (Object.keys(missing).length) writes.push({ id: r.id, tags: missing, vmId: c.vmId });
      }
      if (all) complete.add(c.vmId);
    }
  }
  const groupsDone = new Set<string>();
  if (plan.groups?.length) {
    const [groups, vnets] = await Promise.all([listResourceGroupTags(access), listVnetTags(access)]);
    const found = new Map([...groups, ...vnets].map((r) => [r.id.toLowerCase(), r]));
    for (const g of plan.groups) {
      let all = true;
      for (const { id, wanted } of [{ id: g.groupId, wanted: g.wanted }, ...g.vnets]) {
        const r = found.get(id.toLowerCase());
        if (!r) {
          all = false;
          continue;
        }
        const missing = missingPortalTags(r.tags, wanted);
        if (Object.keys(missing).length)
          writes.push({ id: r.id, tags: missing, tenantSubscriptionId: g.tenantSubscriptionId });
      }
      if (all) groupsDone.add(g.tenantSubscriptionId);
    }
  }
  const outcome: TagOutcome = { written: 0, failed: 0, deferred: 0, checked: 0, groups: 0 };
  const unfinished = new Set<string>();
  for (const [i, w] of writes.entries()) {
    if (i >= MAX_TAG_WRITES_PER_SYNC || outcome.deferred) {
      outcome.deferred++;
      for (const owner of [w.vmId, w.tenantSubscriptionId]) if (owner) unfinished.add(owner);
      continue;
    }
    try {
      await mergeTags(access, w.id, w.tags);
      outcome.written++;
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      for (const owner of [w.vmId, w.tenantSubscriptionId]) if (owner) unfinished.add(owner);
      if (error.retryable) {
        outcome.deferred++;
      } else {
        outcome.failed++;
      }
      outcome.firstError ??= `${error.code}: ${error.message}${error.requestId ? ` (request id ${error.requestId})` : ""}`;
    }
  }
  const checked = [...complete].filter((id) => !unfinished.has(id));
  if (checked.length)
    await db.virtualMachine.updateMany({ where: { id: { in: checked } }, data: { tagsCheckedAt: new Date() } });
  const subsChecked = [...groupsDone].filter((id) => !unfinished.has(id));
  if (subsChecked.length)
    await db.tenantSubscription.updateMany({ where: { id: { in: subsChecked } }, data: { tagsCheckedAt: new Date() } });
  outcome.checked = checked.length;
  outcome.groups = subsChecked.length;
  return outcome;
}
