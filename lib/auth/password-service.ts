import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { InvalidInput } from "@/lib/errors";
import type { Caller } from "./context";
import { passwordProblem } from "./password-policy";
import type { ChangePasswordInput } from "./password-schema";
import { revokeSessions } from "./sessions";

const wrongCurrentPassword = { max: 5, windowMinutes: 15 };

/**
 * The user's own password change, also the way out of a one-time password. Ends every session of the account
 * (the caller signs in again with the new password), clears the one-time flag and its expiry.
 */
export async function changePassword(caller: Caller, input: ChangePasswordInput) {
  // A session is not the password: whoever holds one may not guess the current password without limit.
  const since = new Date(Date.now() - wrongCurrentPassword.windowMinutes * 60_000);
  const wrong = await db.auditEvent.count({
    where: { action: "auth.changePassword", outcome: "failure", actorId: caller.id, at: { gte: since } },
  });
  if (wrong >= wrongCurrentPassword.max)
    throw new InvalidInput({
      currentPassword: [
        `Too many wrong current passwords: try again in ${wrongCurrentPassword.windowMinutes} minutes.`,
      ],
    });
  const user = await db.user.findUniqueOrThrow({ where: { id: caller.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit({ action: "auth.changePassword", outcome: "failure", actor: caller });
    throw new InvalidInput({ currentPassword: ["This is not your current password."] });
  }
  const problem = passwordProblem(input.newPassword, { email: caller.email });
  if (problem) throw new InvalidInput({ newPassword: [problem] });
  if (input.newPassword === input.currentPassword)
    throw new InvalidInput({ newPassword: ["Choose a password different from the current one."] });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: caller.id },
      data: { passwordHash, passwordMustChange: false, passwordExpiresAt: null },
    });
    await revokeSessions(tx, caller.id);
    await recordAudit({ action: "auth.changePassword", actor: caller }, tx);
  });
}
