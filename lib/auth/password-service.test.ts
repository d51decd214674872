import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { InvalidInput } from "@/lib/errors";
import { oneTimePasswordFields } from "./one-time-password";
import { PasswordChangeRequired } from "./password-change-required";
import { changePasswordSchema } from "./password-schema";

// The session is the one thing outside Prisma the context reads; everything below it is the real code and database.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const { currentUser, requireUser } = await import("./context");
const { changePassword } = await import("./password-service");
const { authenticate } = await import("./authenticate");

setupTestDatabase();
beforeEach(() => void (session.userId = null));

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const oneTime = "Kq7mZp2XwR9tHb-4";

async function newUser(extra: { passwordMustChange?: boolean; passwordExpiresAt?: Date | null } = {}) {
  const email = `user-${randomBytes(3).toString("hex")}@password.test`;
  return db.user.create({
    data: { email, name: "Uma User", passwordHash: await hashPassword(oneTime), ...extra },
  });
}
const caller = (u: { id: string; email: string; name: string }) => ({ ...u, staffRole: null });
const input = (currentPassword: string, newPassword: string) =>
  changePasswordSchema.parse({ currentPassword, newPassword, confirmPassword: newPassword });

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  return (error as InvalidInput).fieldErrors;
}

describe("one-time passwords", () => {
  it("sign in once, open only the change-password page, and stop working after the change", async () => {
    const user = await newUser(oneTimePasswordFields());
    expect(await authenticate(user.email, oneTime, meta)).toMatchObject({ ok: true });

    session.userId = user.id;
    expect(await currentUser()).toMatchObject({ id: user.id, mustChangePassword: true });
    await expect(requireUser()).rejects.toBeInstanceOf(PasswordChangeRequired);

    await changePassword(caller(user), input(oneTime, "a river of quiet lanterns"));
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordMustChange).toBe(false);
    expect(after.passwordExpiresAt).toBeNull();
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "a river of quiet lanterns")).toBe(true);
    expect(await authenticate(user.email, oneTime, meta)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await authenticate(user.email, "a river of quiet lanterns", meta)).toMatchObject({ ok: true });
  });

  it("an expired one is refused at sign-in, and a session opened before the expiry ends", async () => {
    const user = await newUser({ passwordMustChange: true, passwordExpiresAt: new Date(Date.now() - 1000) });
    expect(await authenticate(user.email, oneTime, meta)).toEqual({ ok: false, reason: "expired" });
    expect(await authenticate(user.email, "wrong password here", meta)).toEqual({ ok: false, reason: "invalid" });
    session.userId = user.id;
    expect(await currentUser()).toBeNull();
  });

  it("a password the user chose is not one-time", async () => {
    const user = await newUser();
    session.userId = user.id;
    expect((await requireUser()).mustChangePassword).toBeUndefined();
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password beside its field and writes nothing", async () => {
    const user = await newUser();
    const errors = await fieldErrors(
      changePassword(caller(user), input("not the password", "a river of quiet lanterns")),
    );
    expect(errors.currentPassword).toEqual(["This is not your current password."]);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.sessionVersion).toBe(user.sessionVersion);
  });

  it("stops guessing the current password after five wrong ones", async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++)
      await fieldErrors(changePassword(caller(user), input(`guess number ${i}`, "a river of quiet lanterns")));
    const errors = await fieldErrors(changePassword(caller(user), input(oneTime, "a river of quiet lanterns")));
    expect(errors.currentPassword?.[0]).toMatch(/Too many wrong current passwords/);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
  });

  it("refuses the same password and one built from the email", async () => {
    const user = await newUser();
    const same = { currentPassword: oneTime, newPassword: oneTime, confirmPassword: oneTime };
    expect((await fieldErrors(changePassword(caller(user), same))).newPassword).toEqual([
      "Choose a password different from the current one.",
    ]);
    const fromEmail = `${user.email.split("@")[0]}-my-password`;
    expect((await fieldErrors(changePassword(caller(user), input(oneTime, fromEmail)))).newPassword?.[0]).toMatch(
      /email/,
    );
  });
});
