import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { Conflict, InvalidInput } from "@/lib/errors";
import { replaceRecoveryCodes } from "./recovery-codes";

type User = { id: string; email: string };

export const totpIssuer = "Cloud Portal";
// One 30-second step either side absorbs a phone clock that is a little off.
const epochTolerance = 30;

/** The time step a valid TOTP code belongs to (otplib's functional verify is typed for HOTP and TOTP alike). */
async function verifyCode(secret: string, token: string, afterTimeStep?: number | null) {
  const result = await verify({ secret, token, epochTolerance, afterTimeStep: afterTimeStep ?? undefined });
  return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}

export type TotpSetup = { secret: string; uri: string; qrDataUrl: string };

/** Starts (or restarts) enrolment: a new secret, sealed, waiting for its first code. */
export async function startTotpEnrolment(user: User): Promise<TotpSetup> {
  const existing = await db.userTotp.findUnique({ where: { userId: user.id }, select: { confirmedAt: true } });
  if (existing?.confirmedAt)
    throw new Conflict("An authenticator app is already set up. Turn it off to set up another.");
  const secret = generateSecret();
  const secretSealed = encryptSecret(secret);
  await db.userTotp.upsert({
    where: { userId: user.id },
    create: { userId: user.id, secretSealed },
    update: { secretSealed, lastTimeStep: null },
  });
  return setupFor(user, secret);
}

/** The enrolment waiting for its first code, shown again when the page reloads; null when there is none. */
export async function findPendingTotp(user: User): Promise<TotpSetup | null> {
  const row = await db.userTotp.findUnique({ where: { userId: user.id } });
  if (!row || row.confirmedAt) return null;
  return setupFor(user, decryptSecret(row.secretSealed));
}

async function setupFor(user: User, secret: string): Promise<TotpSetup> {
  const uri = generateURI({ secret, issuer: totpIssuer, label: user.email });
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
}

/** Confirms enrolment with a first code and returns ten new recovery codes, shown once. */
export async function confirmTotpEnrolment(user: User, code: string): Promise<string[]> {
  const row = await db.userTotp.findUnique({ where: { userId: user.id } });
  if (!row || row.confirmedAt) throw new Conflict("Start setting up the authenticator app again.");
  const timeStep = await verifyCode(decryptSecret(row.secretSealed), code);
  if (timeStep === null)
    throw new InvalidInput({ code: ["That code is not right. Enter the current code from the app."] });
  const codes = await db.$transaction(async (tx) => {
    await tx.userTotp.update({
      where: { userId: user.id },
      data: { confirmedAt: new Date(), lastTimeStep: timeStep },
    });
    return replaceRecoveryCodes(tx, user.id);
  });
  await recordAudit({ action: "mfa.totp.enrol", actor: user, target: { type: "User", id: user.id, name: user.email } });
  return codes;
}

/**
 * Checks a code at sign-in. A code is accepted once: its time step must be later than the last accepted one, and the
 * conditional update makes two requests racing with the same code accept it only once.
 */
export async function checkTotp(userId: string, code: string): Promise<boolean> {
  const row = await db.userTotp.findUnique({ where: { userId } });
  if (!row?.confirmedAt || !/^\d{6}$/.test(code)) return false;
  const timeStep = await verifyCode(decryptSecret(row.secretSealed), code, row.lastTimeStep);
  if (timeStep === null) return false;
  const taken = await db.userTotp.updateMany({
    where: { userId, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: timeStep } }] },
    data: { lastTimeStep: timeStep },
  });
  return taken.count === 1;
}

export async function hasTotp(userId: string) {
  const row = await db.userTotp.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(row?.confirmedAt);
}

/** Turns the authenticator app off; the caller has checked the password. Recovery codes go when no factor is left. */
export async function removeTotp(user: User) {
  await db.$transaction(async (tx) => {
    await tx.userTotp.deleteMany({ where: { userId: user.id } });
    if ((await tx.passkey.count({ where: { userId: user.id } })) === 0)
      await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
  });
  await recordAudit({
    action: "mfa.totp.disable",
    actor: user,
    target: { type: "User", id: user.id, name: user.email },
  });
}
