import { createHash, randomInt } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";

export const recoveryCodeCount = 10;
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: codes are read off paper

/** "xxxx-xxxx-xxxx-xxxx": 16 characters of a 31-letter alphabet, about 79 bits each. */
function generateCode() {
  const chars = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** Codes are compared without case, spaces or dashes, as people type them. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");
const hashCode = (code: string) => createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");

/** Replaces the user's recovery codes with new ones and returns them: the only time they exist in plain text. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, generateCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashCode(c) })) });
  return codes;
}

/** Spends one recovery code; false when it is unknown or already used. The update is the check, so a code works once. */
export async function spendRecoveryCode(user: { id: string; email: string }, code: string): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (!/^[a-z0-9]{16}$/.test(normalised)) return false;
  const spent = await db.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashCode(normalised), usedAt: null },
    data: { usedAt: new Date() },
  });
  if (spent.count !== 1) return false;
  const left = await countRecoveryCodesLeft(user.id);
  await recordAudit({ action: "mfa.recovery.use", actor: user, detail: { left } });
  return true;
}

export const countRecoveryCodesLeft = (userId: string) => db.recoveryCode.count({ where: { userId, usedAt: null } });
