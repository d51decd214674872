import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A token reads `azp_<12 hex>_<43 base64url>`: the first part (the prefix) is public — shown in lists and used to find
 * the row — and the rest is 32 random bytes. Only the SHA-256 of the secret is stored: a slow hash adds nothing for
 * 256 bits of entropy, and keeps the check within a millisecond.
 */
export const TOKEN_PREFIX = "azp_";
const tokenPattern = /^azp_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function generateApiToken() {
  const prefix = `${TOKEN_PREFIX}${randomBytes(6).toString("hex")}`;
  const secret = randomBytes(32).toString("base64url");
  return { prefix, secretHash: hashSecret(secret), token: `${prefix}_${secret}` };
}

export function hashSecret(secret: string) {
  return createHash("sha256").update(secret).digest("hex");
}

/** The prefix and secret of a well-formed token, or null. */
export function parseApiToken(raw: string) {
  const match = tokenPattern.exec(raw.trim());
  return match ? { prefix: `${TOKEN_PREFIX}${match[1]}`, secret: match[2] } : null;
}

/** Compares the secret's hash with the stored one in constant time. */
export function secretMatches(secret: string, storedHash: string) {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
