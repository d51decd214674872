import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { InvalidInput, NotFound } from "@/lib/errors";
import { replaceRecoveryCodes } from "./recovery-codes";

type User = { id: string; email: string };
/** Where the browser is: WebAuthn binds a credential to the RP ID (the host name) and checks the page's origin. */
export type RelyingParty = { origin: string; rpID: string };
export type PasskeyChallenge = RelyingParty & { challenge: string };

const rpName = "Cloud Portal";

export async function passkeyRegistrationOptions(user: User, rp: RelyingParty) {
  const existing = await db.passkey.findMany({
    where: { userId: user.id },
    select: { credentialId: true, transports: true },
  });
  return generateRegistrationOptions({
    rpName,
    rpID: rp.rpID,
    userName: user.email,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
}

/**
 * Saves a passkey the browser created for the challenge. The first factor a user adds also gets recovery codes
 * (returned, shown once); later ones return none.
 */
export async function registerPasskey(
  user: User,
  input: { name: string; response: RegistrationResponseJSON },
  expected: PasskeyChallenge,
): Promise<string[] | null> {
  const result = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: expected.challenge,
    expectedOrigin: expected.origin,
    expectedRPID: expected.rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified || !result.registrationInfo)
    throw new InvalidInput({ form: ["The browser's answer could not be verified. Try again."] });
  const { credential } = result.registrationInfo;
  const codes = await db.$transaction(async (tx) => {
    const hadCodes = (await tx.recoveryCode.count({ where: { userId: user.id } })) > 0;
    await tx.passkey.create({
      data: {
        userId: user.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: input.name,
      },
    });
    return hadCodes ? null : replaceRecoveryCodes(tx, user.id);
  });
  await recordAudit({ action: "mfa.passkey.add", actor: user, target: { type: "Passkey", name: input.name } });
  return codes;
}

export async function passkeyAuthenticationOptions(userId: string, rp: RelyingParty) {
  const keys = await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  return generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports })),
    userVerification: "preferred",
  });
}

/** A sign-in assertion from one of the user's passkeys; the signature counter must move on where the key keeps one. */
export async function checkPasskey(userId: string, response: AuthenticationResponseJSON, expected: PasskeyChallenge) {
  const key = await db.passkey.findFirst({ where: { userId, credentialId: response.id } });
  if (!key) return false;
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: expected.challenge,
    expectedOrigin: expected.origin,
    expectedRPID: expected.rpID,
    credential: {
      id: key.credentialId,
      publicKey: new Uint8Array(key.publicKey),
      counter: key.counter,
      transports: key.transports as never,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  const moved = await db.passkey.updateMany({
    where: { id: key.id, counter: key.counter },
    data: { counter: result.authenticationInfo.newCounter, lastUsedAt: new Date() },
  });
  return moved.count === 1;
}

export function listPasskeys(userId: string) {
  return db.passkey.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Removes one of the caller's passkeys (another user's id is simply not found). */
export async function removePasskey(user: User, passkeyId: string) {
  const removed = await db.$transaction(async (tx) => {
    const key = await tx.passkey.findFirst({ where: { id: passkeyId, userId: user.id }, select: { name: true } });
    if (!key) throw new NotFound("Passkey");
    await tx.passkey.delete({ where: { id: passkeyId } });
    const left =
      (await tx.passkey.count({ where: { userId: user.id } })) +
      (await tx.userTotp.count({ where: { userId: user.id, confirmedAt: { not: null } } }));
    if (left === 0) await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    return key;
  });
  await recordAudit({
    action: "mfa.passkey.remove",
    actor: user,
    target: { type: "Passkey", id: passkeyId, name: removed.name },
  });
}
