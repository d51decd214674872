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

/** Provider tokens (admin and helpdesk scope), newest first; the secret hash never leaves the service. */
export async function listStaffApiTokens(_ctx: StaffContext) {
  return db.apiToken.findMany({
    where: { scope: { in: ["admin", "helpdesk"] } },
    select: listSelect,
    orderBy: { createdAt: "desc" },
  });
}

export async function listTenantApiTokens(ctx: TenantContext) {
  return db.apiToken.findMany({
    where: { tenantId: ctx.tenantId },
    select: listSelect,
    orderBy: { createdAt: "desc" },
  });
}

export type ApiTokenStatus = "active" | "expired" | "revoked";
export function apiTokenStatus(t: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): ApiTokenStatus {
  if (t.revokedAt) return "revoked";
  return t.expiresAt <= now ? "expired" : "active";
}
