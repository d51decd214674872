import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * NIST SP 800-63B 3.1.1.2: at least 12 characters here (the floor is 8; 15 for single-factor), every printable
 * character and space allowed, no composition rules, no periodic change, and a refusal when the password is a
 * commonly used or breached one, or built from the account's own name.
 */
export const passwordPolicy = { minLength: 12, maxLength: 128 };

export const passwordHint = `At least ${passwordPolicy.minLength} characters. A passphrase of a few unrelated words works well; common and breached passwords are refused.`;

let common: Set<string> | undefined;

/** lib/auth/common-passwords.txt: 30,000 common passwords (its header names the source), read once per process. */
function commonPasswords() {
  if (!common) {
    const text = readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8");
    common = new Set(text.split("\n").filter((line) => line && !line.startsWith("#")));
  }
  return common;
}

/**
 * Why this password is refused, or null. "Summer2026!!" is as weak as "summer": the digits and symbols people add
 * around a listed word are stripped before the look-up.
 */
export function passwordProblem(password: string, account?: { email?: string }): string | null {
  if ([...password].length < passwordPolicy.minLength)
    return `Use at least ${passwordPolicy.minLength} characters (a few words make a good one).`;
  if ([...password].length > passwordPolicy.maxLength) return `Use at most ${passwordPolicy.maxLength} characters.`;
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const list = commonPasswords();
  if (list.has(lower) || (core.length >= 4 && list.has(core)) || /^(.)\1*$/u.test(lower))
    return "This password is too common: it appears in lists of breached passwords. Choose another.";
  const local = account?.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return "Do not build your password from your email address. Choose another.";
  return null;
}
