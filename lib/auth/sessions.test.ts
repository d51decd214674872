import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/crypto/password";
import type { StaffContext } from "./context";
import { isSessionCurrent, revokeSessions } from "./sessions";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { changeMemberRole, removeMember, resetPassword, setTenantState, createTenant } =
  await import("@/lib/tenancy/service");
const { createTenantSchema } = await import("@/lib/tenancy/schema");

setupTestDatabase();

const suffix = () => randomBytes(3).toString("hex");
let admin: StaffContext;
beforeAll(async () => {
  const user = await db.user.create({
    data: { email: `admin-${suffix()}@sessions.test`, name: "Admin", passwordHash: "x", staffRole: "admin" },
  });
  admin = { user: { id: user.id, email: user.email, name: user.name, staffRole: "admin" }, staffRole: "admin" };
});

/** A tenant with an owner (kept, so the member below is never the last owner) and a member signed in now. */
async function tenantWithMember() {
  const tenant = await createTenant(
    admin,
    createTenantSchema.parse({
      name: `Contoso ${suffix()}`,
      ownerEmail: `owner-${suffix()}@sessions.test`,
      ownerName: "Olivia",
    }),
  );
  const user = await db.user.create({
    data: { email: `member-${suffix()}@sessions.test`, name: "Mia Member", passwordHash: "x" },
  });
  const membership = await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "operator" } });
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  return { tenant, user, membership, token: { sub: user.id, sessionVersion } };
}

describe("session versions", () => {
  it("a token is current until the user's sessions are revoked, and never without a version", async () => {
    const { user, token } = await tenantWithMember();
    expect(await isSessionCurrent(token.sub, token.sessionVersion)).toBe(true);
    expect(await isSessionCurrent(token.sub, undefined)).toBe(false);
    await revokeSessions(db, user.id);
    expect(await isSessionCurrent(token.sub, token.sessionVersion)).toBe(false);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await isSessionCurrent(user.id, fresh.sessionVersion)).toBe(true);
  });

  it("a disabled account's token is not current", async () => {
    const { user, token } = await tenantWithMember();
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await isSessionCurrent(token.sub, token.sessionVersion)).toBe(false);
  });

  it("an admin's password reset ends the old session and sets a one-time password valid for 72 hours", async () => {
    const { tenant, user, membership, token } = await tenantWithMember();
    const credential = await resetPassword(admin, tenant.id, membership.id);
    expect(await isSessionCurrent(token.sub, token.sessionVersion)).toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, credential.oneTimePassword)).toBe(true);
    expect(after.passwordMustChange).toBe(true);
    const hours = (after.passwordExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
  });

  it("a role change and a removal end the member's sessions", async () => {
    const changed = await tenantWithMember();
    await changeMemberRole(admin, changed.tenant.id, changed.membership.id, "reader");
    expect(await isSessionCurrent(changed.token.sub, changed.token.sessionVersion)).toBe(false);

    const removed = await tenantWithMember();
    await removeMember(admin, removed.tenant.id, removed.membership.id);
    expect(await isSessionCurrent(removed.token.sub, removed.token.sessionVersion)).toBe(false);
  });

  it("suspending a tenant ends its members' sessions, and no one else's", async () => {
    const suspended = await tenantWithMember();
    const other = await tenantWithMember();
    await setTenantState(admin, suspended.tenant.id, "suspended");
    expect(await isSessionCurrent(suspended.token.sub, suspended.token.sessionVersion)).toBe(false);
    expect(await isSessionCurrent(other.token.sub, other.token.sessionVersion)).toBe(true);
  });
});
