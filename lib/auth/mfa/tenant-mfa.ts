import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { recordDenial } from "@/lib/audit/denials";
import { Conflict, Forbidden } from "@/lib/errors";
import { auth } from "../auth";

/** The tenant requires two-step sign-in and this session was opened without it; pages send the user to set it up. */
export class MfaRequired extends Forbidden {
  constructor(readonly tenantName: string) {
    super(`${tenantName} requires two-step sign-in. Set it up under Your account, then sign in again.`);
  }
}

export async function isSessionMfa() {
  const session = await auth();
  return session?.mfa === true;
}

/** Called by requireTenantContext for a tenant whose owner requires a second factor. */
export async function assertSessionMfa(user: { id: string; email: string }, t: { id: string; name: string }) {
  if (await isSessionMfa()) return;
  await recordDenial({
    action: "access.mfa",
    actor: user,
    tenantId: t.id,
    target: { type: "Tenant", id: t.id, name: t.name },
    detail: { reason: "tenant requires two-step sign-in" },
  });
  throw new MfaRequired(t.name);
}

type OwnerContext = { user: { id: string; email: string }; tenantId: string; tenantName: string };

/**
 * The owner's switch. Turning it on from a session without a second factor would lock the owner out at once, so it
 * is refused until the owner has signed in with one (`isMfaSession`, from the caller's session).
 */
export async function setTenantMfaRequirement(ctx: OwnerContext, input: { required: boolean; isMfaSession: boolean }) {
  if (input.required && !input.isMfaSession)
    throw new Conflict(
      "Sign in with two-step sign-in yourself first (Your account → Two-step sign-in), so you keep access.",
    );
  await db.tenant.update({ where: { id: ctx.tenantId }, data: { requireMfa: input.required } });
  await recordAudit({
    action: "tenant.requireMfa",
    actor: ctx.user,
    tenantId: ctx.tenantId,
    target: { type: "Tenant", id: ctx.tenantId, name: ctx.tenantName },
    detail: { required: input.required },
  });
}

export async function isTenantMfaRequired(tenantId: string) {
  const t = await db.tenant.findUnique({ where: { id: tenantId }, select: { requireMfa: true } });
  return t?.requireMfa ?? false;
}
