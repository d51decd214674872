import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { Conflict } from "@/lib/errors";

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
