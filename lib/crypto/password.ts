import { hash, verify } from "@node-rs/argon2";
import { randomInt } from "node:crypto";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A one-time password shown once to an admin; 16 characters from an unambiguous alphabet plus a symbol and digit. */
export function generateOneTimePassword() {
  const body = Array.from({ length: 14 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${body}-${randomInt(10)}`;
}
