import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { Conflict } from "@/lib/errors";
import { isTenantMfaRequired, setTenantMfaRequirement } from "./tenant-mfa-rule";

setupTestDatabase();

async function ownerContext() {
  const tenant = await db.tenant.create({ data: { slug: "mfa-rule", name: "MFA Rule" } });
  const user = await db.user.create({ data: { email: "owner@mfa-rule.test", name: "O", passwordHash: "x" } });
  return { user: { id: user.id, email: user.email }, tenantId: tenant.id, tenantName: tenant.name };
}

describe("a tenant's two-step sign-in rule", () => {
  it("is turned on only from an owner session signed in with a second factor, and audited", async () => {
    const ctx = await ownerContext();
    await expect(setTenantMfaRequirement(ctx, { required: true, isMfaSession: false })).rejects.toBeInstanceOf(
      Conflict,
    );
    expect(await isTenantMfaRequired(ctx.tenantId)).toBe(false);

    await setTenantMfaRequirement(ctx, { required: true, isMfaSession: true });
    expect(await isTenantMfaRequired(ctx.tenantId)).toBe(true);
    // Turning it off never locks anyone out, so any owner session may.
    await setTenantMfaRequirement(ctx, { required: false, isMfaSession: false });
    expect(await isTenantMfaRequired(ctx.tenantId)).toBe(false);
    const audit = await db.auditEvent.findMany({ where: { action: "tenant.requireMfa" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.detail)).toEqual([{ required: true }, { required: false }]);
  });
});
