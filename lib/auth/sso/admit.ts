import type { Account, Profile, User } from "next-auth";
import { db, type StaffRole } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { countSignInFailure } from "@/lib/observability/metrics";
import { ssoConfig } from "./config";

export type SsoRefusal = "no-role" | "no-email" | "not-staff" | "disabled";

export const ssoRefusalMessages: Record<SsoRefusal, string> = {
  "no-role":
    "Your organisation account signed in, but none of its groups or roles is mapped to a portal role. Ask a provider admin to map one under Admin → Single sign-on.",
  "no-email": "Your organisation account has no email address, which the portal needs to identify you.",
  "not-staff": "Single sign-on is for provider staff. Sign in with your email and password.",
  disabled: "This account is disabled.",
};

/** The claim's values as strings: issuers send one value or an array. */
export function claimValues(profile: Record<string, unknown>, claim: string): string[] {
  const raw = profile[claim];
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String);
}

/** The role the admin's mappings give these claim values: admin wins over helpdesk; null when none is mapped. */
export async function mappedStaffRole(values: string[]): Promise<StaffRole | null> {
  if (values.length === 0) return null;
  const rows = await db.ssoRoleMapping.findMany({ where: { claimValue: { in: values } }, select: { staffRole: true } });
  if (rows.some((r) => r.staffRole === "admin")) return "admin";
  return rows.length > 0 ? "helpdesk" : null;
}

/**
 * Auth.js signIn callback for the OIDC provider. Finds the staff user by the issuer's account (issuer + subject), else
 * by email (then links the account), else creates one; the role comes from the claim mapping on every sign-in, so a
 * change in the directory applies at the next sign-in. Fills `user` (Auth.js hands the same object to the jwt callback)
 * and returns true, or returns the login page with the reason.
 */
export async function admitSsoUser(user: User, account: Account, profile: Profile | undefined): Promise<true | string> {
  const config = ssoConfig();
  if (!config) return refuse("no-role", null);
  const claims = (profile ?? {}) as Record<string, unknown>;
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const subject = account.providerAccountId;
  const role = await mappedStaffRole(claimValues(claims, config.roleClaim));
  if (!role)
    return refuse("no-role", email, { claim: config.roleClaim, values: claimValues(claims, config.roleClaim) });
  if (!email) return refuse("no-email", null);

  const linked = await db.ssoAccount.findUnique({
    where: { issuer_subject: { issuer: config.issuer, subject } },
    select: { userId: true },
  });
  const existing = linked
    ? await db.user.findUnique({ where: { id: linked.userId }, include: { _count: { select: { memberships: true } } } })
    : await db.user.findUnique({ where: { email }, include: { _count: { select: { memberships: true } } } });
  if (existing?.disabled) return refuse("disabled", email);
  if (existing && !existing.staffRole && existing._count.memberships > 0) return refuse("not-staff", email);

  const staff = await db.$transaction(async (tx) => {
    const row = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { staffRole: role, lastLoginAt: new Date() } })
      : await tx.user.create({
          // No password: "!" is not an argon2 hash, so password sign-in can never match it.
          data: {
            email,
            name: user.name ?? email.split("@")[0],
            passwordHash: "!",
            staffRole: role,
            lastLoginAt: new Date(),
          },
        });
    if (!linked) await tx.ssoAccount.create({ data: { userId: row.id, issuer: config.issuer, subject } });
    return row;
  });
  await recordAudit({
    action: "auth.login",
    actor: { id: staff.id, email: staff.email },
    detail: { method: "sso", role },
  });
  Object.assign(user, {
    id: staff.id,
    email: staff.email,
    name: staff.name,
    staffRole: staff.staffRole,
    sessionVersion: staff.sessionVersion,
    // The identity provider's sign-in (and its own MFA policy) stands for the portal's second factor.
    mfa: true,
  });
  return true;
}

async function refuse(reason: SsoRefusal, email: string | null, detail?: Record<string, unknown>) {
  countSignInFailure({ method: "sso", reason });
  // Its own action: a refused SSO sign-in must not count towards the password lockout of that email.
  await recordAudit({
    action: "auth.sso",
    outcome: "failure",
    actorEmail: email ?? undefined,
    detail: { method: "sso", reason, ...detail },
  });
  return `/login?error=sso-${reason}`;
}
