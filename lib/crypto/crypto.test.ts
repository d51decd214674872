import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "./secret-box";
import { generateOneTimePassword, hashPassword, verifyPassword } from "./password";

beforeAll(() => {
  process.env.PORTAL_SECRET_KEY = randomBytes(32).toString("base64");
});

describe("secret box", () => {
  it("round-trips and never stores the plain text", () => {
    const sealed = encryptSecret("s3cr3t-value");
    expect(sealed).not.toContain("s3cr3t");
    expect(decryptSecret(sealed)).toBe("s3cr3t-value");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("refuses a tampered ciphertext", () => {
    const [v, iv, tag, body] = encryptSecret("value").split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });
});

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const h = await hashPassword("correct horse");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "correct horse")).toBe(true);
    expect(await verifyPassword(h, "wrong horse")).toBe(false);
  });

  it("generates distinct one-time passwords", () => {
    const a = generateOneTimePassword();
    expect(a).toMatch(/^[A-Za-z0-9]{14}-\d$/);
    expect(generateOneTimePassword()).not.toBe(a);
  });
});
