import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";
import type { TenantContext } from "@/lib/auth/context";
import { Forbidden, NotFound, Unauthenticated } from "@/lib/errors";

setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { createTenantApiToken, createStaffApiToken, revokeTenantApiToken } = await import("./service");
const { authenticateApiToken, stopApiTokenCache } = await import("./authenticate");
const { TokenCache } = await import("./cache");
const { tenantContextForToken, staffContextForToken } = await import("./context");
const { hashSecret } = await import("./secret");
const { listTenantApiTokens } = await import("./queries");

let owner: TenantContext;
let otherOwner: TenantContext;
let admin: { user: TenantContext["user"]; staffRole: "admin" };

async function tenantOwner(slug: string): Promise<TenantContext> {
  const t = await db.tenant.create({ data: { slug, name: slug.toUpperCase() } });
  const u = await db.user.create({ data: { email: `owner@${slug}.test`, name: "Owner", passwordHash: "x" } });
  await db.membership.create({ data: { userId: u.id, tenantId: t.id, role: "owner" } });
  const user = { id: u.id, email: u.email, name: u.name, staffRole: null };
  return { user, tenantId: t.id, tenantSlug: t.slug, tenantName: t.name, tenantState: "active", role: "owner" };
}

beforeAll(async () => {
  owner = await tenantOwner("tok-a");
  otherOwner = await tenantOwner("tok-b");
  const u = await db.user.create({
    data: { email: "admin@tok.test", name: "Admin", passwordHash: "x", staffRole: "admin" },
  });
  admin = { user: { id: u.id, email: u.email, name: u.name, staffRole: "admin" }, staffRole: "admin" };
});
afterAll(async () => {
  await stopApiTokenCache();
  await db.$disconnect();
});

describe("API tokens", () => {
  it("keeps only the secret's hash, shows a recognisable prefix and audits the creation", async () => {
    const issued = await createTenantApiToken(owner, { name: "ci", role: "operator", expiresInDays: 90 });
    expect(issued.token).toMatch(/^azp_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.startsWith(`${issued.prefix}_`)).toBe(true);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    const secret = issued.token.slice(issued.prefix.length + 1);
    expect(row.secretHash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(90);
    const audit = await db.auditEvent.findMany({ where: { targetId: issued.id } });
    expect(audit.map((a) => a.action)).toEqual(["apiToken.create"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("resolves a token to its tenant and role, and records when it was last used", async () => {
    const issued = await createTenantApiToken(owner, { name: "reader", role: "reader", expiresInDays: 7 });
    const principal = await authenticateApiToken(`Bearer-less ${issued.token}`.split(" ")[1]);
    expect(principal).toMatchObject({ scope: "tenant", role: "reader", tenant: { slug: "tok-a" } });
    expect(principal.caller).toMatchObject({ id: owner.user.id, staffRole: null, apiTokenId: issued.id });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).not.toBeNull();
    const ctx = await tenantContextForToken(principal, { tenant: "tok-a" });
    expect(ctx).toMatchObject({ tenantId: owner.tenantId, role: "reader" });
    await expect(tenantContextForToken(principal, { tenant: "tok-a", role: "operator" })).rejects.toThrow(
      "This needs the operator role in TOK-A.",
    );
    // Another tenant's slug looks like one that does not exist.
    await expect(tenantContextForToken(principal, { tenant: "tok-b" })).rejects.toBeInstanceOf(NotFound);
    expect(() => staffContextForToken(principal, "helpdesk")).toThrow(NotFound);
  });

  it("refuses unknown, tampered, revoked and expired tokens", async () => {
    const issued = await createTenantApiToken(owner, { name: "short", role: "reader", expiresInDays: 1 });
    await expect(authenticateApiToken(undefined)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(authenticateApiToken("azp_nonsense")).rejects.toBeInstanceOf(Unauthenticated);
    const tampered = issued.token.slice(0, -1) + (issued.token.endsWith("A") ? "B" : "A");
    await expect(authenticateApiToken(tampered)).rejects.toThrow("This API token is not valid.");
    // To the millisecond, whatever the process's time zone (the check reads the row without Prisma).
    const { expiresAt } = await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    await expect(authenticateApiToken(issued.token, new Date(expiresAt.getTime() - 1))).resolves.toMatchObject({
      tokenId: issued.id,
    });
    await expect(authenticateApiToken(issued.token, expiresAt)).rejects.toThrow(
      `This API token expired on ${expiresAt.toISOString()}.`,
    );

    await revokeTenantApiToken(owner, issued.id);
    await expect(authenticateApiToken(issued.token)).rejects.toThrow("This API token has been revoked.");
    await expect(revokeTenantApiToken(owner, issued.id)).rejects.toThrow(/already revoked/);
    // Another tenant's owner cannot see or revoke it.
    await expect(revokeTenantApiToken(otherOwner, issued.id)).rejects.toBeInstanceOf(NotFound);
    const actions = await db.auditEvent.findMany({ where: { targetId: issued.id }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["apiToken.create", "apiToken.revoke"]);
  });

  it("lets a suspended tenant's token read but not change anything", async () => {
    const issued = await createTenantApiToken(owner, { name: "ops", role: "operator", expiresInDays: 30 });
    await db.tenant.update({ where: { id: owner.tenantId }, data: { state: "suspended" } });
    try {
      const principal = await authenticateApiToken(issued.token);
      await expect(tenantContextForToken(principal, { tenant: "tok-a", role: "reader" })).resolves.toBeTruthy();
      await expect(tenantContextForToken(principal, { tenant: "tok-a", role: "operator" })).rejects.toThrow(
        "TOK-A is suspended: changes are disabled until your provider reactivates it.",
      );
    } finally {
      await db.tenant.update({ where: { id: owner.tenantId }, data: { state: "active" } });
    }
  });

  it("gives provider tokens to admins only, and a helpdesk token is read-only", async () => {
    await expect(
      createTenantApiToken({ ...owner, role: "operator" }, { name: "x", role: "reader", expiresInDays: 90 }),
    ).rejects.toBeInstanceOf(Forbidden);
    const helpdesk = await createStaffApiToken(admin, { name: "console", scope: "helpdesk", expiresInDays: 90 });
    const principal = await authenticateApiToken(helpdesk.token);
    expect(staffContextForToken(principal, "helpdesk").staffRole).toBe("helpdesk");
    expect(() => staffContextForToken(principal, "admin")).toThrow(Forbidden);
    await expect(tenantContextForToken(principal, { tenant: "tok-a" })).rejects.toBeInstanceOf(NotFound);
    // A provider token stops working once its creator is no longer an admin.
    const adminToken = await createStaffApiToken(admin, { name: "billing", scope: "admin", expiresInDays: 90 });
    await db.user.update({ where: { id: admin.user.id }, data: { staffRole: "helpdesk" } });
    await expect(authenticateApiToken(adminToken.token)).rejects.toThrow(/no longer has the admin role/);
    await db.user.update({ where: { id: admin.user.id }, data: { staffRole: "admin" } });
  });

  it("keeps a checked row only while it listens, and drops it when the database notifies a change", async () => {
    const cache = new TokenCache<{ n: number }>(() => process.env.DATABASE_URL);
    let reads = 0;
    const read = async () => ({ n: ++reads });
    await cache.listen();
    expect(await cache.get("k", read)).toEqual({ n: 1 });
    expect(await cache.get("k", read)).toEqual({ n: 1 });
    await db.$executeRaw`select pg_notify('api_token_auth', '')`;
    await vi.waitFor(async () => expect(await cache.get("k", read)).toEqual({ n: 2 }));
    await cache.close();
    await cache.get("k", read);
    await cache.get("k", read);
    expect(reads).toBe(4); // no listener: every check reads the database
  });

  it("refuses a checked token at once when it is revoked, its creator disabled or its tenant suspended, by any writer", async () => {
    const issue = async (name: string) => {
      const t = await createTenantApiToken(owner, { name, role: "operator", expiresInDays: 30 });
      await authenticateApiToken(t.token);
      await authenticateApiToken(t.token); // checked twice: kept by this process
      return t;
    };
    // Revoked here: refused by the next call.
    const here = await issue("revoked-here");
    await revokeTenantApiToken(owner, here.id);
    await expect(authenticateApiToken(here.token)).rejects.toThrow("This API token has been revoked.");
    // Written by another process (or by hand): the triggers' NOTIFY reaches this process.
    const elsewhere = await issue("revoked-elsewhere");
    await db.$executeRaw`update "ApiToken" set "revokedAt" = now() where id = ${elsewhere.id}`;
    await vi.waitFor(() => expect(authenticateApiToken(elsewhere.token)).rejects.toThrow(/has been revoked/));
    const creator = await issue("creator-disabled");
    await db.$executeRaw`update "User" set disabled = true where id = ${owner.user.id}`;
    try {
      await vi.waitFor(() => expect(authenticateApiToken(creator.token)).rejects.toThrow(/creator|disabled/));
    } finally {
      await db.user.update({ where: { id: owner.user.id }, data: { disabled: false } });
    }
    const suspended = await issue("tenant-suspended");
    await db.$executeRaw`update "Tenant" set state = 'suspended' where id = ${owner.tenantId}`;
    try {
      await vi.waitFor(async () =>
        expect((await authenticateApiToken(suspended.token)).tenant?.state).toBe("suspended"),
      );
    } finally {
      await db.tenant.update({ where: { id: owner.tenantId }, data: { state: "active" } });
    }
  });

  it("lists a tenant's own tokens a page at a time, by state and by search", async () => {
    const t = await tenantOwner("tok-list");
    for (const name of ["deploy", "billing", "backup"])
      await createTenantApiToken(t, { name, role: "reader", expiresInDays: 30 });
    const revoked = await createTenantApiToken(t, { name: "old-ci", role: "reader", expiresInDays: 30 });
    await revokeTenantApiToken(t, revoked.id);
    const page = { skip: 0, take: 2 };

    const first = await listTenantApiTokens(t, page);
    const second = await listTenantApiTokens(t, { skip: 2, take: 2 });
    expect(first.total).toBe(4);
    const names = [...first.rows, ...second.rows].map((r) => r.name);
    expect(names.toSorted()).toEqual(["backup", "billing", "deploy", "old-ci"]);
    const created = [...first.rows, ...second.rows].map((r) => r.createdAt.getTime());
    expect(created).toEqual(created.toSorted((a, b) => b - a)); // newest first
    expect((await listTenantApiTokens(t, { ...page, state: "revoked" })).rows.map((r) => r.name)).toEqual(["old-ci"]);
    expect((await listTenantApiTokens(t, { ...page, state: "active" })).total).toBe(3);
    const in31Days = new Date(Date.now() + 31 * 86_400_000);
    expect((await listTenantApiTokens(t, { ...page, state: "expired", now: in31Days })).total).toBe(3);
    expect((await listTenantApiTokens(t, { ...page, q: "BILL" })).rows.map((r) => r.name)).toEqual(["billing"]);
    expect((await listTenantApiTokens(t, { ...page, q: revoked.prefix })).rows.map((r) => r.id)).toEqual([revoked.id]);
    // Another tenant's tokens never appear.
    expect((await listTenantApiTokens(owner, { skip: 0, take: 100 })).rows.every((r) => r.name !== "deploy")).toBe(
      true,
    );
  });
});
