import { cache } from "react";
import { db, type StaffRole, type TenantRole, type TenantState } from "@/lib/db/client";
import { recordDenial } from "@/lib/audit/denials";
import { NotFound, Unauthenticated } from "@/lib/errors";
import { parseBound, urlSlug } from "@/lib/errors/parse";
import { auth } from "./auth";
import { staffAllows } from "./roles";
import { assertTenantAccess } from "./tenant-access";
import { isOneTimePasswordExpired } from "./one-time-password";
import { PasswordChangeRequired } from "./password-change-required";
import { assertSessionMfa } from "./mfa/tenant-mfa";

/**
 * `apiTokenId` is set when the call came through the REST API, so audit records which token made it.
 * `mustChangePassword`: signed in with a one-time password, which opens only the change-password page.
 */
export type Caller = {
  id: string;
  email: string;
  name: string;
  staffRole: StaffRole | null;
  apiTokenId?: string;
  mustChangePassword?: boolean;
};

export type TenantContext = {
  user: Caller;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  tenantState: TenantState;
  role: TenantRole;
};

export type StaffContext = { user: Caller; staffRole: StaffRole };

/** The signed-in user, re-read from the database on each request so a disabled account or changed role applies at once. */
export const currentUser = cache(async (): Promise<Caller | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      staffRole: true,
      disabled: true,
      passwordMustChange: true,
      passwordExpiresAt: true,
    },
  });
  if (!user || user.disabled || isOneTimePasswordExpired(user)) return null;
  const caller: Caller = { id: user.id, email: user.email, name: user.name, staffRole: user.staffRole };
  return user.passwordMustChange ? { ...caller, mustChangePassword: true } : caller;
});

/** Everything but the change-password page refuses a session opened with a one-time password. */
export async function requireUser(): Promise<Caller> {
  const user = await currentUser();
  if (!user) throw new Unauthenticated();
  if (user.mustChangePassword) throw new PasswordChangeRequired();
  return user;
}

/** Staff areas: admin for the admin area, helpdesk (or admin) for the helpdesk console. */
export async function requireStaff(need: StaffRole): Promise<StaffContext> {
  const user = await requireUser();
  if (!staffAllows(user.staffRole, need)) {
    await recordDenial({
      action: "access.staff",
      actor: user,
      target: { type: "Area", name: need },
      detail: { required: need, staffRole: user.staffRole },
    });
    throw new NotFound();
  }
  return { user, staffRole: user.staffRole! };
}

/**
 * The one entry point for tenant-scoped work. The tenant comes from the URL; a caller who is not a member gets
 * NotFound (never Forbidden), so another tenant's slug looks like a typo. Mutations (role above reader) are refused
 * while the tenant is suspended.
 */
export async function requireTenantContext(need: { tenant: string; role?: TenantRole }): Promise<TenantContext> {
  const user = await requireUser();
  parseBound(urlSlug, need.tenant); // bound to every tenant action: it comes from the browser
  const membership = await db.membership.findFirst({
    where: { userId: user.id, tenant: { slug: need.tenant } },
    select: { role: true, tenant: { select: { id: true, slug: true, name: true, state: true, requireMfa: true } } },
  });
  const role = need.role ?? "reader";
  if (!membership) {
    await recordForeignTenant(user, need.tenant, role);
    throw new NotFound();
  }
  const t = membership.tenant;
  await assertTenantAccess(user, t, membership.role, role);
  if (t.requireMfa) await assertSessionMfa(user, t);
  return { user, tenantId: t.id, tenantSlug: t.slug, tenantName: t.name, tenantState: t.state, role: membership.role };
}

/** Another tenant's slug is audited as a denial; a slug no tenant has is a typo and is not. */
async function recordForeignTenant(user: Caller, slug: string, required: TenantRole) {
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!tenant) return;
  await recordDenial({
    action: "access.tenant",
    actor: user,
    tenantId: tenant.id,
    target: { type: "Tenant", id: tenant.id, name: tenant.name },
    detail: { required, reason: "not a member" },
  });
}

export async function listMyTenants(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, tenant: { select: { slug: true, name: true, state: true } } },
    orderBy: { tenant: { name: "asc" } },
  });
  return rows.map((r) => ({ slug: r.tenant.slug, name: r.tenant.name, state: r.tenant.state, role: r.role }));
}
