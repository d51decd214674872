import type { StaffContext, TenantContext } from "@/lib/auth/context";
import { db, type Prisma } from "@/lib/db/client";

const listSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true, email: true } },
} satisfies Prisma.ApiTokenSelect;

export type ApiTokenListItem = Prisma.ApiTokenGetPayload<{ select: typeof listSelect }>;

export const apiTokenStatuses = ["active", "expired", "revoked"] as const;
export type ApiTokenStatus = (typeof apiTokenStatuses)[number];
export function apiTokenStatus(t: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): ApiTokenStatus {
  if (t.revokedAt) return "revoked";
  return t.expiresAt <= now ? "expired" : "active";
}

/** A page of a token list: search on name, prefix or creator, and the state a token is in now. */
export type ApiTokenListFilter = { q?: string; state?: ApiTokenStatus; skip: number; take: number; now?: Date };

/** Provider tokens (admin and helpdesk scope), newest first; the secret hash never leaves the service. */
export async function listStaffApiTokens(_ctx: StaffContext, filter: ApiTokenListFilter) {
  return listTokens({ scope: { in: ["admin", "helpdesk"] } }, filter);
}

export async function listTenantApiTokens(ctx: TenantContext, filter: ApiTokenListFilter) {
  return listTokens({ tenantId: ctx.tenantId }, filter);
}

async function listTokens(scope: Prisma.ApiTokenWhereInput, filter: ApiTokenListFilter) {
  const now = filter.now ?? new Date();
  const where: Prisma.ApiTokenWhereInput = { AND: [scope, stateWhere(filter.state, now)] };
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" as const };
    where.OR = [{ name: contains }, { prefix: contains }, { createdBy: { email: contains } }];
  }
  const [total, rows] = await Promise.all([
    db.apiToken.count({ where }),
    db.apiToken.findMany({
      where,
      select: listSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: filter.skip,
      take: filter.take,
    }),
  ]);
  return { total, rows };
}

function stateWhere(state: ApiTokenStatus | undefined, now: Date): Prisma.ApiTokenWhereInput {
  switch (state) {
    case "revoked":
      return { revokedAt: { not: null } };
    case "expired":
      return { revokedAt: null, expiresAt: { lte: now } };
    case "active":
      return { revokedAt: null, expiresAt: { gt: now } };
    default:
      return {};
  }
}
