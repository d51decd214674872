import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { countSignInFailure } from "@/lib/observability/metrics";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { checkTotp } from "./totp";
import { checkPasskey } from "./passkeys";
import { spendRecoveryCode } from "./recovery-codes";
import { isStaffMfaRequired } from "./policy";
import { issueTicket, readTicket, ticketIssuedAt, type Ticket } from "./ticket";

export type SignInUser = { id: string; email: string; name: string; staffRole: string | null; sessionVersion: number };

export type SecondFactorProof =
  | { method: "totp"; code: string }
  | { method: "recovery"; code: string }
  /** An assertion for the challenge the ticket carries (the ticket was re-issued with it for this browser). */
  | { method: "passkey"; response: AuthenticationResponseJSON }
  /** An "enrol" ticket whose user confirmed an authenticator app after it was issued: that code was the second factor. */
  | { method: "enrolled" };

export type SecondFactorOutcome =
  { ok: true; user: SignInUser & { mfa: true } } | { ok: false; reason: "expired" | "invalid" | "locked" };

// Five wrong codes in 15 minutes end the ticket's usefulness for a while; counted from audit like the password lockout.
export const secondFactorLimit = { windowMinutes: 15, maxFailures: 5 };

export async function factorsOf(userId: string) {
  const [totp, passkeys] = await Promise.all([
    db.userTotp.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db.passkey.count({ where: { userId } }),
  ]);
  return { totp: Boolean(totp?.confirmedAt), passkeys };
}

/**
 * After a correct password: null when the user signs in now, else the ticket for the second step — "verify" for a
 * user with a factor, "enrol" for staff without one while PORTAL_REQUIRE_MFA_STAFF is on.
 */
export async function secondStepAfterPassword(user: SignInUser): Promise<string | null> {
  const factors = await factorsOf(user.id);
  if (factors.totp || factors.passkeys > 0) return issueTicket({ userId: user.id, stage: "verify" });
  if (user.staffRole && isStaffMfaRequired()) return issueTicket({ userId: user.id, stage: "enrol" });
  return null;
}

/** The second step of sign-in: the ticket from the password step plus a proof gives the user to sign in. */
export async function completeSecondFactor(
  ticketValue: string,
  proof: SecondFactorProof,
): Promise<SecondFactorOutcome> {
  const ticket = readTicket(ticketValue);
  if (!ticket) return { ok: false, reason: "expired" };
  const user = await db.user.findUnique({
    where: { id: ticket.userId },
    select: { id: true, email: true, name: true, staffRole: true, sessionVersion: true, disabled: true },
  });
  if (!user || user.disabled) return { ok: false, reason: "expired" };
  const actor = { id: user.id, email: user.email };
  if (await isLocked(user.id)) {
    await recordAudit({ action: "auth.mfa", outcome: "denied", actor, detail: { reason: "locked" } });
    countSignInFailure({ method: "second_factor", reason: "locked" });
    return { ok: false, reason: "locked" };
  }
  const isValid =
    proof.method === "enrolled"
      ? ticket.stage === "enrol" && (await enrolledSince(user.id, ticketIssuedAt(ticket)))
      : ticket.stage === "verify" && (await checkProof(user.id, actor, proof, ticket));
  await recordAudit({
    action: "auth.mfa",
    outcome: isValid ? "success" : "failure",
    actor,
    detail: { method: proof.method },
  });
  if (!isValid) {
    countSignInFailure({ method: "second_factor", reason: "invalid" });
    return { ok: false, reason: "invalid" };
  }
  const { disabled: _disabled, ...signedIn } = user;
  return { ok: true, user: { ...signedIn, mfa: true } };
}

async function checkProof(
  userId: string,
  actor: { id: string; email: string },
  proof: SecondFactorProof,
  ticket: Ticket,
) {
  if (proof.method === "totp") return checkTotp(userId, proof.code);
  if (proof.method === "recovery") return spendRecoveryCode(actor, proof.code);
  if (proof.method === "passkey") return ticket.passkey ? checkPasskey(userId, proof.response, ticket.passkey) : false;
  return false;
}

async function enrolledSince(userId: string, since: Date) {
  const totp = await db.userTotp.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(totp?.confirmedAt && totp.confirmedAt >= since);
}

async function isLocked(userId: string, now = new Date()) {
  const since = new Date(now.getTime() - secondFactorLimit.windowMinutes * 60_000);
  const failures = await db.auditEvent.count({
    where: { action: "auth.mfa", outcome: "failure", actorId: userId, at: { gte: since } },
  });
  return failures >= secondFactorLimit.maxFailures;
}
