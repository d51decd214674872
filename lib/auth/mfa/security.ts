import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/crypto/password";
import { InvalidInput } from "@/lib/errors";
import { countRecoveryCodesLeft, spendRecoveryCode } from "./recovery-codes";
import { checkTotp, findPendingTotp, removeTotp } from "./totp";
import { listPasskeys } from "./passkeys";
import type { TurnOffTotpInput } from "./schema";

type User = { id: string; email: string };

/** What the security page shows: the factors the user has and what is left of the recovery codes. */
export async function securityOverview(user: User) {
  const [totp, recoveryCodesLeft, pendingTotp, passkeys] = await Promise.all([
    db.userTotp.findUnique({ where: { userId: user.id }, select: { confirmedAt: true } }),
    countRecoveryCodesLeft(user.id),
    findPendingTotp(user),
    listPasskeys(user.id),
  ]);
  return { totpSince: totp?.confirmedAt ?? null, recoveryCodesLeft, pendingTotp, passkeys };
}

/** Turning the app off takes the password and a code, so a session left open is not enough to remove the factor. */
export async function turnOffTotp(user: User, input: TurnOffTotpInput) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, input.password)))
    throw new InvalidInput({ password: ["The password is incorrect."] });
  const isCode = /^\d{6}$/.test(input.code);
  const isValid = isCode ? await checkTotp(user.id, input.code) : await spendRecoveryCode(user, input.code);
  if (!isValid) throw new InvalidInput({ code: ["That code is not right."] });
  await removeTotp(user);
}
