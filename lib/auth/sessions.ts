import { db, type Tx } from "@/lib/db/client";

/**
 * Sessions are JWTs (the credentials provider cannot use database sessions), so each token carries the user's
 * sessionVersion from sign-in; incrementing it ends every session of that user at its next request (issue 16).
 * Call it inside the transaction that makes the change: sign-out, password change or reset, role change or removal,
 * disable, tenant suspension.
 */
export async function revokeSessions(tx: Tx | typeof db, userIds: string | string[]) {
  const ids = Array.isArray(userIds) ? userIds : [userIds];
  if (ids.length === 0) return;
  await tx.user.updateMany({ where: { id: { in: ids } }, data: { sessionVersion: { increment: 1 } } });
}

/** Ends the sessions of every member of a tenant (suspension: their tokens must not outlive the decision). */
export async function revokeTenantSessions(tx: Tx | typeof db, tenantId: string) {
  const members = await tx.membership.findMany({ where: { tenantId }, select: { userId: true } });
  await revokeSessions(
    tx,
    members.map((m) => m.userId),
  );
}

/** A token is still good while its user exists, is enabled, and has the version the token was issued with. */
export async function isSessionCurrent(userId: string | undefined, version: unknown) {
  if (!userId || typeof version !== "number") return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, disabled: true } });
  return !!user && !user.disabled && user.sessionVersion === version;
}
