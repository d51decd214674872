import type { StaffContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { findStuckOperations } from "@/lib/jobs/health";
import { readDiscovery } from "@/lib/subscriptions/discovery";

/** Everything the provider dashboard shows, read in parallel from PostgreSQL (never from Azure). */
export async function getProviderDashboard(_ctx: StaffContext) {
  const since24h = new Date(Date.now() - 24 * 3_600_000);
  const [subsByState, plans, tenants, suspended, vmGroups, protectedVms, failed24h, vmsByPlan, vmsByTenant, subscriptions, stuck, failing, recentFailures] = await Promise.all([
    db.azureSubscription.groupBy({ by: ["state"], _count: true }),
    db.plan.count(),
    db.tenant.count(),
    db.tenant.count({ where: { state: "suspended" } }),
    db.virtualMachine.groupBy({ by: ["provisioningState", "powerState"], _count: true }),
    db.protectedItem.count(),
    db.operation.count({ where: { state: "failed", createdAt: { gte: since24h } } }),
    db.plan.findMany({ select: { name: true, tenantSubscriptions: { select: { _count: { select: { vms: true } } } } } }),
    db.tenant.findMany({ select: { name: true, _count: { select: { vms: true } } }, orderBy: { name: "asc" } }),
    db.azureSubscription.findMany({
      select: { id: true, displayName: true, state: true, discovery: true, plan: { select: { tenantSubscriptions: { select: { vms: { select: { vcpus: true, region: true } } } } } } },
      orderBy: { displayName: "asc" },
    }),
    findStuckOperations(),
    db.azureSubscription.findMany({ where: { state: "error" }, select: { id: true, displayName: true, lastValidatedAt: true } }),
    db.operation.findMany({
      where: { state: "failed", createdAt: { gte: since24h } },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, kind: true, targetName: true, errorCode: true, errorMessage: true, createdAt: true, tenant: { select: { name: true } } },
    }),
  ]);

  const vmStates: Record<string, number> = {};
  for (const g of vmGroups) {
    const key = g.provisioningState === "Succeeded" ? (g.powerState ?? "unknown") : g.provisioningState;
    vmStates[key] = (vmStates[key] ?? 0) + g._count;
  }
  // Portal vCPUs against the subscription's regional limits, in the regions where it has VMs (or its busiest region).
  const quota = subscriptions.map((s) => {
    const vms = s.plan?.tenantSubscriptions.flatMap((t) => t.vms) ?? [];
    const used = vms.reduce((n, v) => n + v.vcpus, 0);
    const regions = new Set(vms.map((v) => v.region));
    const discovered = readDiscovery(s.discovery).quota;
    const limit = [...regions].reduce((n, r) => n + (discovered[r]?.limit ?? 0), 0);
    return { id: s.id, name: s.displayName, state: s.state, used, limit };
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
    vmsByPlan: vmsByPlan.map((p) => ({ name: p.name, vms: p.tenantSubscriptions.reduce((n, t) => n + t._count.vms, 0) })),
    vmsByTenant: vmsByTenant.map((t) => ({ name: t.name, vms: t._count.vms })),
    quota,
    attention: { stuck, failing, recentFailures },
  };
}
