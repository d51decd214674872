import type { StaffContext, TenantContext } from "@/lib/auth/context";
import { assertTenantAccess } from "@/lib/auth/tenant-access";
import { staffAllows } from "@/lib/auth/roles";
import { recordDenial } from "@/lib/audit/denials";
import { db, type StaffRole, type TenantRole } from "@/lib/db/client";
import { Forbidden, NotFound } from "@/lib/errors";
import type { ApiPrincipal } from "./authenticate";

/**
 * The TenantContext a session would give, from a token: the tenant in the URL must be the token's own (any other slug
 * is a 404, exactly like a session's tenant it is not a member of), then the same role and suspension rules apply.
 */
export async function tenantContextForToken(
  principal: ApiPrincipal,
  need: { tenant: string; role?: TenantRole },
): Promise<TenantContext> {
  const t = principal.tenant;
  if (principal.scope !== "tenant" || !t || !principal.role || t.slug !== need.tenant) {
    await recordForeignTenant(principal, need.tenant);
    throw new NotFound("Tenant");
  }
  await assertTenantAccess(principal.caller, t, principal.role, need.role ?? "reader");
  return {
    user: principal.caller,
    tenantId: t.id,
    tenantSlug: t.slug,
    tenantName: t.name,
    tenantState: t.state,
    role: principal.role,
  };
}

/** Provider endpoints: a tenant token does not see them (404); a helpdesk token is refused admin-only changes (403). */
export function staffContextForToken(principal: ApiPrincipal, need: StaffRole): StaffContext {
  if (principal.scope === "tenant") throw new NotFound("Page");
  if (!staffAllows(principal.scope, need))
    throw new Forbidden("Helpdesk tokens are read-only: this needs an admin token.");
  return { user: principal.caller, staffRole: principal.scope };
}

/** As for sessions, another tenant's slug is audited as a denial (with the token's id); a slug no tenant has is not. */
async function recordForeignTenant(principal: ApiPrincipal, slug: string) {
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!tenant) return;
  await recordDenial({
    action: "access.tenant",
    actor: principal.caller,
    tenantId: tenant.id,
    target: { type: "Tenant", id: tenant.id, name: tenant.name },
    detail: { reason: "not the API token's tenant", scope: principal.scope },
  });
}
