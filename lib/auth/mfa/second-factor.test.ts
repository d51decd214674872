import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { InvalidInput } from "@/lib/errors";
import { completeSecondFactor, secondFactorLimit, secondStepAfterPassword } from "./second-factor";
import { issueTicket, readTicket } from "./ticket";
import { confirmTotpEnrolment, findPendingTotp, removeTotp, startTotpEnrolment } from "./totp";
import { isStaffMfaRequired } from "./policy";

setupTestDatabase();

beforeAll(() => {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
});

async function newUser(staffRole: "admin" | null = null) {
  const email = `u-${randomBytes(4).toString("hex")}@mfa.test`;
  const u = await db.user.create({ data: { email, name: "U", passwordHash: "x", staffRole } });
  return { ...u, staffRole: u.staffRole as string | null };
}

/** A user with a confirmed authenticator app; returns its secret and recovery codes. */
async function enrolled() {
  const user = await newUser();
  const { secret } = await startTotpEnrolment(user);
  const enrolmentCode = await generate({ secret });
  const codes = await confirmTotpEnrolment(user, enrolmentCode);
  return { user, secret, codes, enrolmentCode };
}

const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

describe("TOTP enrolment", () => {
  it("keeps the secret sealed until a right code confirms it, then gives ten recovery codes stored only hashed", async () => {
    const user = await newUser();
    const { secret, uri, qrDataUrl } = await startTotpEnrolment(user);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const row = await db.userTotp.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretSealed).not.toContain(secret);
    expect(row.confirmedAt).toBeNull();
    expect((await findPendingTotp(user))?.secret).toBe(secret);

    await expect(confirmTotpEnrolment(user, "000000")).rejects.toBeInstanceOf(InvalidInput);
    const codes = await confirmTotpEnrolment(user, await generate({ secret }));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.some((s) => s.codeHash.includes(c.replace(/-/g, "")))).toBe(false);
    expect(await findPendingTotp(user)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "mfa.totp.enrol", actorId: user.id } })).toBe(1);
  });
});

describe("sign-in second step", () => {
  it("asks for a code only from users with a factor, and for enrolment from staff while the policy is on", async () => {
    const plain = await newUser();
    expect(await secondStepAfterPassword(plain)).toBeNull();

    const { user } = await enrolled();
    expect(readTicket(await secondStepAfterPassword(user))?.stage).toBe("verify");

    const staff = await newUser("admin");
    process.env.PORTAL_REQUIRE_MFA_STAFF = "1";
    expect(readTicket(await secondStepAfterPassword(staff))?.stage).toBe("enrol");
    process.env.PORTAL_REQUIRE_MFA_STAFF = "0";
    expect(await secondStepAfterPassword(staff)).toBeNull();
    delete process.env.PORTAL_REQUIRE_MFA_STAFF;
  });

  it("accepts a code once: the same code again is refused, the next one is accepted", async () => {
    const { user, secret, enrolmentCode } = await enrolled();
    const ticket = issueTicket({ userId: user.id, stage: "verify" });
    // The enrolment code's time step is spent already.
    expect(await completeSecondFactor(ticket, { method: "totp", code: enrolmentCode })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const next = await codeAt(secret, 30);
    const first = await completeSecondFactor(ticket, { method: "totp", code: next });
    expect(first).toMatchObject({ ok: true, user: { id: user.id, email: user.email, mfa: true } });
    expect(await completeSecondFactor(ticket, { method: "totp", code: next })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const audited = await db.auditEvent.findMany({
      where: { action: "auth.mfa", actorId: user.id },
      orderBy: { at: "asc" },
    });
    expect(audited.map((a) => a.outcome)).toEqual(["failure", "success", "failure"]);
  });

  it("takes each recovery code once and audits its use", async () => {
    const { user, codes } = await enrolled();
    const ticket = issueTicket({ userId: user.id, stage: "verify" });
    const typed = codes[3].toUpperCase().replace(/-/g, " ");
    expect(await completeSecondFactor(ticket, { method: "recovery", code: typed })).toMatchObject({ ok: true });
    expect(await completeSecondFactor(ticket, { method: "recovery", code: codes[3] })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const use = await db.auditEvent.findFirstOrThrow({ where: { action: "mfa.recovery.use", actorId: user.id } });
    expect(use.detail).toEqual({ left: 9 });
  });

  it("refuses a forged or expired ticket, an enrolment ticket with a code, and a disabled user", async () => {
    const { user, secret } = await enrolled();
    const code = await codeAt(secret, 30);
    const ticket = issueTicket({ userId: user.id, stage: "verify" });
    const forged = ticket.slice(0, -2) + (ticket.endsWith("A") ? "BB" : "AA");
    expect(await completeSecondFactor(forged, { method: "totp", code })).toEqual({ ok: false, reason: "expired" });
    const old = issueTicket({ userId: user.id, stage: "verify" }, Date.now() - 11 * 60_000);
    expect(await completeSecondFactor(old, { method: "totp", code })).toEqual({ ok: false, reason: "expired" });
    const enrol = issueTicket({ userId: user.id, stage: "enrol" });
    expect(await completeSecondFactor(enrol, { method: "totp", code })).toEqual({ ok: false, reason: "invalid" });
    expect(await completeSecondFactor(enrol, { method: "enrolled" })).toEqual({ ok: false, reason: "invalid" });
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await completeSecondFactor(ticket, { method: "totp", code })).toEqual({ ok: false, reason: "expired" });
  });

  it("lets staff who confirmed an app under their enrolment ticket finish signing in, and nobody else", async () => {
    const staff = await newUser("admin");
    const ticket = issueTicket({ userId: staff.id, stage: "enrol" });
    expect(await completeSecondFactor(ticket, { method: "enrolled" })).toEqual({ ok: false, reason: "invalid" });
    const { secret } = await startTotpEnrolment(staff);
    await confirmTotpEnrolment(staff, await generate({ secret }));
    expect(await completeSecondFactor(ticket, { method: "enrolled" })).toMatchObject({
      ok: true,
      user: { id: staff.id, mfa: true },
    });
  });

  it(`stops taking codes after ${secondFactorLimit.maxFailures} wrong ones`, async () => {
    const { user, secret } = await enrolled();
    const ticket = issueTicket({ userId: user.id, stage: "verify" });
    for (let i = 0; i < secondFactorLimit.maxFailures; i++)
      await completeSecondFactor(ticket, { method: "totp", code: "123456" });
    const right = await codeAt(secret, 30);
    expect(await completeSecondFactor(ticket, { method: "totp", code: right })).toEqual({
      ok: false,
      reason: "locked",
    });
  });

  it("turning the app off removes the secret and the recovery codes", async () => {
    const { user } = await enrolled();
    await removeTotp(user);
    expect(await db.userTotp.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await secondStepAfterPassword(user)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "mfa.totp.disable", actorId: user.id } })).toBe(1);
  });
});

describe("staff MFA policy", () => {
  it("is on outside demo mode unless set, off in demo mode unless set", () => {
    expect(isStaffMfaRequired({ PORTAL_DEMO: "0" })).toBe(true);
    expect(isStaffMfaRequired({})).toBe(false);
    expect(isStaffMfaRequired({ PORTAL_DEMO: "1" })).toBe(false);
    expect(isStaffMfaRequired({ PORTAL_DEMO: "1", PORTAL_REQUIRE_MFA_STAFF: "1" })).toBe(true);
    expect(isStaffMfaRequired({ PORTAL_DEMO: "0", PORTAL_REQUIRE_MFA_STAFF: "0" })).toBe(false);
  });
});
