import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

/** A Standard Webhooks signing secret: whsec_ + base64 of 24 random bytes. Shown once; stored sealed. */
export function generateSigningSecret() {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return { secret, sealed: encryptSecret(secret) };
}

export type SigningKeys = {
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
};

/**
 * The webhook-signature header: one `v1,<base64>` per secret in use, space-separated, as the convention allows during a
 * rotation (the previous secret keeps signing until it expires, so a receiver may switch at its own pace).
 */
export function signPayload(keys: SigningKeys, id: string, at: Date, body: string) {
  const secrets = [keys.secretSealed];
  if (keys.previousSecretSealed && keys.previousSecretExpiresAt && keys.previousSecretExpiresAt > at)
    secrets.push(keys.previousSecretSealed);
  return secrets.map((sealed) => new Webhook(decryptSecret(sealed)).sign(id, at, body)).join(" ");
}
