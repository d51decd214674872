import type { TenantContext } from "@/lib/auth/context";
import { db, type Prisma } from "@/lib/db/client";
import { notFoundInTenant } from "@/lib/errors";
import { tenantSubscriptionUsages } from "@/lib/tenancy/plan-offer";

export const vmSortable = ["name", "createdAt", "size", "region", "powerState"] as const;

export type VmListFilter = {
  q?: string;
  /** A power state (running, deallocated…) or a provisioning state (Creating, Failed…). */
  state?: string;
  region?: string;
  tenantSubscriptionId?: string;
  sort: (typeof vmSortable)[number];
  dir: "asc" | "desc";
  skip: number;
  take: number;
};

const provisioningStates = ["Creating", "Updating", "Deleting", "Failed"];

/** A tenant's VMs, filtered and paged in the database (indexed on tenant + name/state/region/createdAt). */
export async function listVms(ctx: TenantContext, f: VmListFilter) {
  const where: Prisma.VirtualMachineWhereInput = {
    tenantId: ctx.tenantId,
    tenantSubscriptionId: f.tenantSubscriptionId || undefined,
    region: f.region || undefined,
    ...(f.state
      ? provisioningStates.includes(f.state)
        ? { provisioningState: f.state }
        : { powerState: f.state, provisioningState: "Succeeded" }
      : {}),
    ...(f.q ? { name: { contains: f.q, mode: "insensitive" } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.virtualMachine.count({ where }),
    db.virtualMachine.findMany({
      where,
      orderBy: [{ [f.sort]: f.dir }, { id: "asc" }],
      skip: f.skip,
      take: f.take,
      select: {
        id: true,
        name: true,
        region: true,
        size: true,
        vcpus: true,
        memoryMb: true,
        osType: true,
        provisioningState: true,
        powerState: true,
        privateIp: true,
        publicIp: true,
        errorMessage: true,
        isMissing: true,
        createdAt: true,
        imageOffer: true,
        imageSku: true,
        tenantSubscription: { select: { name: true } },
      },
    }),
  ]);
  return { total, rows };
}

export async function countVmsByState(ctx: TenantContext, tenantSubscriptionId?: string) {
  const rows = await db.virtualMachine.groupBy({
    by: ["provisioningState", "powerState"],
    where: { tenantId: ctx.tenantId, tenantSubscriptionId },
    _count: true,
  });
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const key = r.provisioningState === "Succeeded" ? (r.powerState ?? "unknown") : r.provisioningState;
    counts[key] = (counts[key] ?? 0) + r._count;
  }
  return counts;
}

/** The regions the tenant's VMs are in, by a skip scan of (tenantId, region): one probe per region, not per VM. */
export async function listVmRegions(ctx: TenantContext) {
  const rows = await db.$queryRaw<{ region: string }[]>`
    with recursive r as (
      (select region from "VirtualMachine" where "tenantId" = ${ctx.tenantId} order by region limit 1)
      union all
      select (select v.region from "VirtualMachine" v where v."tenantId" = ${ctx.tenantId} and v.region > r.region
              order by v.region limit 1)
      from r where r.region is not null
    )
    select region from r where region is not null`;
  return rows.map((r) => r.region);
}

/** What the VM list page reads before its list: the region and subscription filters (with quota usage). */
export async function loadVmPageOptions(ctx: TenantContext) {
  const [regions, subscriptions] = await Promise.all([listVmRegions(ctx), listVmSubscriptions(ctx)]);
  return { regions, subscriptions };
}

export async function getVm(ctx: TenantContext, vmId: string) {
  const vm = await db.virtualMachine.findFirst({
    where: { id: vmId, tenantId: ctx.tenantId },
    include: { tenantSubscription: { select: { id: true, name: true, resourceGroup: true } } },
  });
  if (!vm) throw notFoundInTenant(ctx, "Virtual machine", { type: "VirtualMachine", id: vmId });
  return vm;
}

/**
 * The tenant's active subscriptions with their plan's quotas and what they use now, counted as the quota checks count
 * (VMs being deleted still count; public IPs include load balancers'), for the overview, the create form and the list.
 */
export async function listVmSubscriptions(ctx: TenantContext) {
  const subscriptions = await db.tenantSubscription.findMany({
    where: { tenantId: ctx.tenantId, state: "active" },
    select: {
      id: true,
      name: true,
      plan: {
        select: {
          name: true,
          quotaVms: true,
          quotaVcpus: true,
          quotaPublicIps: true,
          offersDr: true,
          quotaProtectedVms: true,
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  const used = await tenantSubscriptionUsages(subscriptions.map((s) => s.id));
  return subscriptions.map((s) => {
    const { vms, vcpus, publicIps } = used.get(s.id)!;
    return {
      id: s.id,
      name: s.name,
      planName: s.plan.name,
      offersDr: s.plan.offersDr,
      protectedVmsQuota: s.plan.quotaProtectedVms,
      quota: { vms: s.plan.quotaVms, vcpus: s.plan.quotaVcpus, publicIps: s.plan.quotaPublicIps },
      used: { vms, vcpus, publicIps },
    };
  });
}
export type VmSubscription = Awaited<ReturnType<typeof listVmSubscriptions>>[number];
