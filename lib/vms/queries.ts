import type { TenantContext } from "@/lib/auth/context";
import { db, type Prisma } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";

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
    ...(f.state ? (provisioningStates.includes(f.state) ? { provisioningState: f.state } : { powerState: f.state, provisioningState: "Succeeded" }) : {}),
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
        id: true, name: true, region: true, size: true, vcpus: true, memoryMb: true, osType: true, provisioningState: true, powerState: true,
        privateIp: true, publicIp: true, errorMessage: true, isMissing: true, createdAt: true, imageOffer: true, imageSku: true,
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

export async function listVmRegions(ctx: TenantContext) {
  const rows = await db.virtualMachine.groupBy({ by: ["region"], where: { tenantId: ctx.tenantId }, orderBy: { region: "asc" } });
  return rows.map((r) => r.region);
}

export async function getVm(ctx: TenantContext, vmId: string) {
  const vm = await db.virtualMachine.findFirst({
    where: { id: vmId, tenantId: ctx.tenantId },
    include: { tenantSubscription: { select: { id: true, name: true, resourceGroup: true } } },
  });
  if (!vm) throw new NotFound("Virtual machine");
  return vm;
}

export async function listVmOperations(ctx: TenantContext, vmId: string, take = 20) {
  return db.operation.findMany({
    where: { tenantId: ctx.tenantId, targetId: vmId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, state: true, createdAt: true, endedAt: true, errorMessage: true, errorCode: true, stepsDone: true, stepsTotal: true, actor: { select: { name: true } } },
  });
}

/** The latest operation on a VM while it is busy, for the live step timeline on the VM's page. */
export async function getActiveVmOperation(ctx: TenantContext, vmId: string) {
  return db.operation.findFirst({
    where: { tenantId: ctx.tenantId, targetId: vmId },
    orderBy: { createdAt: "desc" },
    include: { steps: { orderBy: { position: "asc" } } },
  });
}

/**
 * The tenant's active subscriptions with their plan's quotas and what their VMs use now (VMs being deleted still
 * count, as in the quota check), for the overview, the create form and the list's filter. Two grouped reads in all.
 */
export async function listVmSubscriptions(ctx: TenantContext) {
  const subscriptions = await db.tenantSubscription.findMany({
    where: { tenantId: ctx.tenantId, state: "active" },
    select: { id: true, name: true, plan: { select: { name: true, quotaVms: true, quotaVcpus: true, quotaPublicIps: true, offersDr: true, quotaProtectedVms: true } } },
    orderBy: { createdAt: "asc" },
  });
  const ids = subscriptions.map((s) => s.id);
  const [usage, publicIps] = ids.length
    ? await Promise.all([
        db.virtualMachine.groupBy({ by: ["tenantSubscriptionId"], where: { tenantId: ctx.tenantId, tenantSubscriptionId: { in: ids } }, _count: true, _sum: { vcpus: true } }),
        db.virtualMachine.groupBy({ by: ["tenantSubscriptionId"], where: { tenantId: ctx.tenantId, tenantSubscriptionId: { in: ids }, hasPublicIp: true }, _count: true }),
      ])
    : [[], []];
  return subscriptions.map((s) => {
    const u = usage.find((r) => r.tenantSubscriptionId === s.id);
    return {
      id: s.id,
      name: s.name,
      planName: s.plan.name,
      offersDr: s.plan.offersDr,
      protectedVmsQuota: s.plan.quotaProtectedVms,
      quota: { vms: s.plan.quotaVms, vcpus: s.plan.quotaVcpus, publicIps: s.plan.quotaPublicIps },
      used: { vms: u?._count ?? 0, vcpus: u?._sum.vcpus ?? 0, publicIps: publicIps.find((r) => r.tenantSubscriptionId === s.id)?._count ?? 0 },
    };
  });
}
export type VmSubscription = Awaited<ReturnType<typeof listVmSubscriptions>>[number];

