import { db, type Prisma, type TenantState } from "@/lib/db/client";
import type { StaffContext, TenantContext } from "@/lib/auth/context";
import { NotFound } from "@/lib/errors";
import { listPublicPlans } from "@/lib/plans/queries";

export async function getTenantOverview(ctx: TenantContext) {
  const [subscriptions, members] = await Promise.all([
    db.tenantSubscription.findMany({
      where: { tenantId: ctx.tenantId, state: { not: "cancelled" } },
      select: {
        id: true,
        name: true,
        state: true,
        createdAt: true,
        plan: { select: { name: true, description: true } },
      },
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

export type TenantListFilter = {
  q?: string;
  state?: TenantState;
  sort: "name" | "createdAt";
  dir: "asc" | "desc";
  skip: number;
  take: number;
};

/** The provider's tenants with their member and (not cancelled) subscription counts. Staff only. */
export async function listTenants(_ctx: StaffContext, filter: TenantListFilter) {
  const where: Prisma.TenantWhereInput = { state: filter.state };
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" as const };
    where.OR = [{ name: contains }, { slug: contains }, { memberships: { some: { user: { email: contains } } } }];
  }
  const [total, rows] = await Promise.all([
    db.tenant.count({ where }),
    db.tenant.findMany({
      where,
      orderBy: [{ [filter.sort]: filter.dir }, { id: "asc" }],
      skip: filter.skip,
      take: filter.take,
      select: {
        id: true,
        name: true,
        slug: true,
        state: true,
        createdAt: true,
        _count: { select: { memberships: true, subscriptions: { where: { state: { not: "cancelled" } } } } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map(({ _count, ...t }) => ({ ...t, members: _count.memberships, subscriptions: _count.subscriptions })),
  };
}

export async function getTenantDetail(_ctx: StaffContext, tenantId: string) {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, name: true, slug: true, state: true, createdAt: true, updatedAt: true },
  });
  if (!tenant) throw new NotFound("Tenant");
  const [members, subscriptions] = await Promise.all([
    listMembers(_ctx, tenantId),
    listTenantSubscriptions(_ctx, tenantId),
  ]);
  return { ...tenant, members, subscriptions };
}

export async function listMembers(_ctx: StaffContext, tenantId: string) {
  const rows = await db.membership.findMany({
    where: { tenantId },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, staffRole: true, disabled: true, lastLoginAt: true } },
    },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return rows.map(({ user, ...m }) => ({ ...user, userId: user.id, id: m.id, role: m.role, createdAt: m.createdAt }));
}

/** A tenant's subscriptions (cancelled ones too, for the record) with the latest operation on each. */
export function listTenantSubscriptions(_ctx: StaffContext, tenantId: string) {
  return subscriptionsWithLastOperation(tenantId);
}

/** The caller's tenant's subscriptions with the operation that provisions (or deletes) each, for its Plans page. */
export function listMySubscriptions(ctx: TenantContext) {
  return subscriptionsWithLastOperation(ctx.tenantId);
}

async function subscriptionsWithLastOperation(tenantId: string) {
  const rows = await db.tenantSubscription.findMany({
    where: { tenantId },
    select: {
      id: true,
      name: true,
      state: true,
      resourceGroup: true,
      location: true,
      createdAt: true,
      plan: { select: { id: true, name: true, state: true } },
    },
    orderBy: [{ state: "asc" }, { createdAt: "asc" }],
  });
  const operations = rows.length
    ? await db.operation.findMany({
        where: { tenantId, targetId: { in: rows.map((r) => r.id) }, kind: { startsWith: "tenantSubscription." } },
        select: { id: true, kind: true, state: true, targetId: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      })
    : [];
  return rows.map((r) => ({ ...r, lastOperation: operations.find((o) => o.targetId === r.id) ?? null }));
}

/**
 * Every plan an admin may subscribe a tenant to: public and private, never retired (lib/plans owns the catalogue; this
 * is the one list the "Subscribe to a plan" dialog needs). Plans whose Azure subscription is not active are marked.
 */
export async function listSubscribablePlans(_ctx: StaffContext) {
  const plans = await db.plan.findMany({
    where: { state: { not: "retired" } },
    select: { id: true, name: true, description: true, state: true, azureSubscription: { select: { state: true } } },
    orderBy: { name: "asc" },
  });
  return plans.map(({ azureSubscription, ...p }) => ({ ...p, isAvailable: azureSubscription.state === "active" }));
}

/**
 * What a tenant may subscribe to itself (lib/plans decides: public plans on an active Azure subscription), with how
 * many live subscriptions this tenant already has on each.
 */
export async function listOfferedPlans(ctx: TenantContext) {
  const [plans, mine] = await Promise.all([
    listPublicPlans(),
    db.tenantSubscription.groupBy({
      by: ["planId"],
      where: { tenantId: ctx.tenantId, state: { not: "cancelled" } },
      _count: { _all: true },
    }),
  ]);
  return plans.map((p) => ({ ...p, subscribed: mine.find((m) => m.planId === p.id)?._count._all ?? 0 }));
}
