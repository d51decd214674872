import { db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/context";

export async function getTenantOverview(ctx: TenantContext) {
  const [subscriptions, members] = await Promise.all([
    db.tenantSubscription.findMany({
      where: { tenantId: ctx.tenantId, state: { not: "cancelled" } },
      select: { id: true, name: true, state: true, createdAt: true, plan: { select: { name: true, description: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.membership.count({ where: { tenantId: ctx.tenantId } }),
  ]);
  return { subscriptions, members };
}

/** Headline counts for the provider dashboard. */
export async function getProviderCounts() {
  const [tenants, suspended, users, subscriptions, plans, tenantSubscriptions] = await Promise.all([
    db.tenant.count(),
    db.tenant.count({ where: { state: "suspended" } }),
    db.user.count(),
    db.azureSubscription.count(),
    db.plan.count(),
    db.tenantSubscription.count({ where: { state: "active" } }),
  ]);
  return { tenants, suspended, users, subscriptions, plans, tenantSubscriptions };
}
