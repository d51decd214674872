import { recordDenial } from "@/lib/audit/denials";
import { Forbidden } from "@/lib/errors";
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
