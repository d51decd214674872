import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/crypto/password";
import { authenticate } from "./authenticate";
import { accountDelaySeconds, loginLockState } from "./lockout";

setupTestDatabase();

const password = "orange kettles sing at dawn";
async function newUser() {
  const email = `user-${randomBytes(3).toString("hex")}@lockout.test`;
  await db.user.create({ data: { email, name: "Lou", passwordHash: await hashPassword(password) } });
  return email;
}
const from = (ip: string) => ({ ip, userAgent: "vitest" });

describe("account throttling", () => {
  it("grows from nothing for five failures to 30 s, doubling, at most five minutes", () => {
    expect([0, 5, 6, 7, 8, 9, 10, 20].map(accountDelaySeconds)).toEqual([0, 0, 30, 60, 120, 240, 300, 300]);
  });

  it("five wrong passwords do not keep the real user out", async () => {
    const email = await newUser();
    for (let i = 0; i < 5; i++)
      expect(await authenticate(email, `wrong ${i}`, from("203.0.113.5"))).toMatchObject({
        ok: false,
        reason: "invalid",
      });
    expect(await authenticate(email, password, from("198.51.100.8"))).toMatchObject({ ok: true });
  });

  it("a sixth failure makes the next attempt wait, says how long, and the wait ends", async () => {
    const email = await newUser();
    for (let i = 0; i < 6; i++) await authenticate(email, `wrong ${i}`, from("203.0.113.6"));
    const state = await loginLockState(email, "198.51.100.9");
    expect(state).toMatchObject({ locked: true, reason: "account" });
    expect(state.locked && state.retryAfterSeconds).toBeGreaterThan(0);
    expect(state.locked && state.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(await authenticate(email, password, from("198.51.100.9"))).toMatchObject({ ok: false, reason: "locked" });

    const later = new Date(Date.now() + 31_000);
    expect(await loginLockState(email, "198.51.100.9", later)).toEqual({ locked: false });
  });
});

describe("per-IP limit", () => {
  it("stops one address after 20 failures across accounts, and no other address", async () => {
    const ip = `203.0.113.${randomBytes(1)[0] % 200}`;
    for (let i = 0; i < 20; i++) await authenticate(await newUser(), "wrong password", from(ip));
    const victim = await newUser();
    expect(await loginLockState(victim, ip)).toMatchObject({ locked: true, reason: "ip" });
    expect(await authenticate(victim, password, from("198.51.100.10"))).toMatchObject({ ok: true });
  });
});
