import type { StaffContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { findOverdueOperations, findStuckOperations } from "@/lib/jobs/health";
import { vcpuUsageOf } from "@/lib/subscriptions/queries";
import { findExpiringCredentials } from "@/lib/subscriptions/credential-expiring";

/** Everything the provider dashboard shows, read in parallel from PostgreSQL (never from Azure). */
export async function getProviderDashboard(_ctx: StaffContext) {
  const since24h = new Date(Date.now() - 24 * 3_600_000);
  // The single figures in one statement: five round trips are most of their cost on a busy database.
  const figures = db.$queryRaw<
    { plans: number; tenants: number; suspended: number; protectedVms: number; failed24h: number }[]
  >`
    select (select count(*) from "Plan")::int as plans,
           (select count(*) from "Tenant")::int as tenants,
           (select count(*) from "Tenant" where state = 'suspended')::int as suspended,
           (select count(*) from "ProtectedItem")::int as "protectedVms",
           (select count(*) from "Operation" where state = 'failed' and "createdAt" >= ${since24h})::int as "failed24h"`.then(
    (rows) => rows[0],
  );
  const [
    subsByState,
    plans,
    tenants,
    suspended,
    vmGroups,
    protectedVms,
    failed24h,
    vmsByPlan,
    vmsByTenant,
    subscriptions,
    stuck,
    overdue,
    failing,
    failures,
    expiringCredentials,
  ] = await Promise.all([
    db.azureSubscription.groupBy({ by: ["state"], _count: true }),
    figures.then((f) => f.plans),
    figures.then((f) => f.tenants),
    figures.then((f) => f.suspended),
    db.virtualMachine.groupBy({ by: ["provisioningState", "powerState"], _count: true }),
    figures.then((f) => f.protectedVms),
    figures.then((f) => f.failed24h),
    // One grouped join: through Prisma's relation counts it was a count per tenant subscription (1,000 tenants).
    db.$queryRaw<{ name: string; vms: number }[]>`
      select p.name, count(vm.id)::int as vms
      from "Plan" p
      left join "TenantSubscription" ts on ts."planId" = p.id
      left join "VirtualMachine" vm on vm."tenantSubscriptionId" = ts.id
      group by p.id, p.name
      order by p.name`,
    db.tenant.findMany({ select: { name: true, _count: { select: { vms: true } } }, orderBy: { name: "asc" } }),
    db.azureSubscription.findMany({
      select: { id: true, displayName: true, state: true, discovery: true },
      orderBy: { displayName: "asc" },
    }),
    findStuckOperations(),
    findOverdueOperations(),
    db.azureSubscription.findMany({
      where: { state: "error" },
      select: { id: true, displayName: true, lastValidatedAt: true },
    }),
    db.operation.findMany({
      where: { state: "failed", createdAt: { gte: since24h } },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        kind: true,
        targetId: true,
        targetName: true,
        errorCode: true,
        errorMessage: true,
        createdAt: true,
        tenant: { select: { name: true } },
      },
    }),
    findExpiringCredentials(),
  ]);
  const recentFailures = (await withoutSuperseded(failures)).slice(0, 5);
  const stuckIds = new Set(stuck.map((o) => o.id));

  const vmStates: Record<string, number> = {};
  for (const g of vmGroups) {
    const key = g.provisioningState === "Succeeded" ? (g.powerState ?? "unknown") : g.provisioningState;
    vmStates[key] = (vmStates[key] ?? 0) + g._count;
  }
  // The same figure as the subscriptions list: portal vCPUs against the regional limits where the VMs run.
  const usage = await vcpuUsageOf(subscriptions);
  const quota = subscriptions.map((s) => {
    const { vCpusUsed, vCpusLimit } = usage.get(s.id)!;
    return { id: s.id, name: s.displayName, state: s.state, used: vCpusUsed, limit: vCpusLimit };
  });
  return {
    subscriptions: Object.fromEntries(subsByState.map((g) => [g.state, g._count])) as Record<string, number>,
    plans,
    tenants,
    suspended,
    vmStates,
    vmTotal: vmGroups.reduce((n, g) => n + g._count, 0),
    protectedVms,
    failed24h,
    vmsByPlan,
    vmsByTenant: vmsByTenant.map((t) => ({ name: t.name, vms: t._count.vms })),
    quota,
    attention: {
      stuck,
      overdue: overdue.filter((o) => !stuckIds.has(o.id)),
      failing,
      recentFailures,
      expiringCredentials,
    },
  };
}

/**
 * Failures that still stand: one followed by a success of the same kind on the same target (a validation that passed
 * once the secret was fixed, issue 12) no longer needs attention.
 */
async function withoutSuperseded<T extends { id: string; kind: string; targetId: string; createdAt: Date }>(
  failures: T[],
): Promise<T[]> {
  if (failures.length === 0) return [];
  const later = await db.operation.findMany({
    where: {
      state: "succeeded",
      OR: failures.map((f) => ({ kind: f.kind, targetId: f.targetId, createdAt: { gt: f.createdAt } })),
    },
    select: { kind: true, targetId: true, createdAt: true },
  });
  return failures.filter(
    (f) => !later.some((l) => l.kind === f.kind && l.targetId === f.targetId && l.createdAt > f.createdAt),
  );
}
