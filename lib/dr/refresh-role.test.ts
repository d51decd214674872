import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";

// The session is the one thing outside Prisma the context reads; everything below it is the real code and database.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { refreshProtectionAction } = await import("./actions");

setupTestDatabase();
beforeEach(() => void (session.userId = null));

async function member(role: "reader" | "operator") {
  const slug = `dr-${randomBytes(3).toString("hex")}`;
  const tenant = await db.tenant.create({ data: { slug, name: `Tenant ${slug}` } });
  const user = await db.user.create({ data: { email: `${role}-${slug}@dr.test`, name: role, passwordHash: "x" } });
  await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role } });
  session.userId = user.id;
  return tenant;
}

describe("refreshProtectionAction", () => {
  it("refuses a reader: it starts an operation against Azure (issue 16)", async () => {
    const tenant = await member("reader");
    expect(await refreshProtectionAction(tenant.slug)).toEqual({
      ok: false,
      formError: `This needs the operator role in ${tenant.name}.`,
    });
    expect(await db.operation.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("lets an operator through to the DR setup (none here, so not found)", async () => {
    const tenant = await member("operator");
    expect(await refreshProtectionAction(tenant.slug)).toEqual({
      ok: false,
      formError: "Disaster recovery setup not found.",
    });
  });
});
