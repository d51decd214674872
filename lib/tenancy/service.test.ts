import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { Conflict, Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import type { StaffContext } from "@/lib/auth/context";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { createTenantSchema } from "./schema";
import { addMember, changeMemberRole, createTenant, removeMember, resetPassword, setTenantState } from "./service";
import { listOfferedPlans, listTenants } from "./queries";

// The session is the one thing outside Prisma the context reads; everything below it is the real code and database.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { requireTenantContext } = await import("@/lib/auth/context");
const { subscribeToPlanAction } = await import("./actions");

setupTestDatabase();
// subscribeTenantToPlan enqueues through pg-boss, whose schema exists once a boss has started.
beforeAll(async () => void (await getBoss("worker")));
afterAll(() => stopBoss());
beforeEach(() => void (session.userId = null));

let admin: StaffContext;
beforeAll(async () => {
  const user = await db.user.create({
    data: { email: "admin@tenancy.test", name: "Admin", passwordHash: "x", staffRole: "admin" },
  });
  admin = { user: { id: user.id, email: user.email, name: user.name, staffRole: "admin" }, staffRole: "admin" };
});

const suffix = () => randomBytes(3).toString("hex");
/** A user an admin created, having chosen their own password (a one-time one opens nothing else). */
async function withOwnPassword(email: string) {
  return db.user.update({ where: { email }, data: { passwordMustChange: false, passwordExpiresAt: null } });
}
const newTenant = (name: string, extra: Record<string, string> = {}) =>
  createTenantSchema.parse({ name: `${name} ${suffix()}`, ...extra });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return error as Error;
}

describe("createTenant", () => {
  it("creates the tenant with a new owner whose one-time password verifies and is stored only as a hash", async () => {
    const email = `owner-${suffix()}@contoso.example`;
    const created = await createTenant(admin, newTenant("Contoso", { ownerEmail: email, ownerName: "Olivia Owner" }));
    expect(created.credential?.email).toBe(email);
    const password = created.credential!.oneTimePassword;

    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.staffRole).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    expect(user.memberships).toEqual([expect.objectContaining({ tenantId: created.id, role: "owner" })]);

    const audit = await db.auditEvent.findMany({ where: { tenantId: created.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["membership.add", "tenant.create", "user.create"]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("makes an existing user owner without touching their password", async () => {
    const email = `existing-${suffix()}@contoso.example`;
    const passwordHash = await hashPassword("Existing-Passw0rd");
    await db.user.create({ data: { email, name: "Existing", passwordHash } });
    const created = await createTenant(admin, newTenant("Fabrikam", { ownerEmail: email }));
    expect(created.credential).toBeNull();
    expect(created.owner).toMatchObject({ email, isNew: false });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(passwordHash);
  });

  it("refuses a taken slug beside the field and writes nothing, not even the new owner", async () => {
    const first = await createTenant(admin, newTenant("Northwind"));
    const email = `nobody-${suffix()}@northwind.example`;
    const [tenants, users] = [await db.tenant.count(), await db.user.count()];
    const error = await failure(
      createTenant(
        admin,
        createTenantSchema.parse({ name: "Other name", slug: first.slug, ownerEmail: email, ownerName: "No Body" }),
      ),
    );
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).fieldErrors.slug?.[0]).toContain("already uses");
    expect([await db.tenant.count(), await db.user.count()]).toEqual([tenants, users]);
  });

  it("turns a slug race lost at the unique index into the same field error", async () => {
    const input = newTenant("Race");
    const results = await Promise.allSettled([createTenant(admin, input), createTenant(admin, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(InvalidInput);
    expect(Object.keys(rejected.reason.fieldErrors)).toEqual(["slug"]);
    expect(await db.tenant.count({ where: { slug: input.slug } })).toBe(1);
  });

  it("asks for a name when the owner's email is new, and writes nothing", async () => {
    const input = newTenant("Nameless", { ownerEmail: `new-${suffix()}@example.test` });
    const error = await failure(createTenant(admin, input));
    expect((error as InvalidInput).fieldErrors.ownerName?.[0]).toContain("enter a name");
    expect(await db.tenant.count({ where: { slug: input.slug } })).toBe(0);
  });

  it("lists tenants with member and subscription counts, searchable by member email", async () => {
    const email = `findme-${suffix()}@example.test`;
    const created = await createTenant(admin, newTenant("Listed", { ownerEmail: email, ownerName: "Find Me" }));
    const { total, rows } = await listTenants(admin, { q: email, sort: "name", dir: "asc", skip: 0, take: 20 });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ id: created.id, members: 1, subscriptions: 0, state: "active" });
  });
});

describe("members", () => {
  async function tenantWithOwner() {
    const t = await createTenant(
      admin,
      newTenant("Members", { ownerEmail: `o-${suffix()}@example.test`, ownerName: "Only Owner" }),
    );
    const owner = await db.membership.findFirstOrThrow({ where: { tenantId: t.id } });
    return { ...t, ownerMembershipId: owner.id };
  }

  it("adds a new user with a one-time password, and refuses the same email twice beside the field", async () => {
    const t = await tenantWithOwner();
    const email = `member-${suffix()}@example.test`;
    const added = await addMember(admin, t.id, { email, name: "Mia Member", role: "operator" });
    expect(added.credential?.oneTimePassword).toBeTruthy();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(user.passwordHash, added.credential!.oneTimePassword)).toBe(true);

    const members = await db.membership.count({ where: { tenantId: t.id } });
    const error = await failure(addMember(admin, t.id, { email, role: "reader" }));
    expect((error as InvalidInput).fieldErrors.email?.[0]).toContain("already a member");
    expect(await db.membership.count({ where: { tenantId: t.id } })).toBe(members);
  });

  it("never removes or demotes the last owner", async () => {
    const t = await tenantWithOwner();
    expect(await failure(removeMember(admin, t.id, t.ownerMembershipId))).toBeInstanceOf(Conflict);
    const demote = await failure(changeMemberRole(admin, t.id, t.ownerMembershipId, "reader"));
    expect(demote).toBeInstanceOf(Conflict);
    expect(demote.message).toContain("last owner");
    expect((await db.membership.findUniqueOrThrow({ where: { id: t.ownerMembershipId } })).role).toBe("owner");

    const second = await addMember(admin, t.id, {
      email: `second-${suffix()}@example.test`,
      name: "Second",
      role: "owner",
    });
    await removeMember(admin, t.id, t.ownerMembershipId);
    expect(await failure(changeMemberRole(admin, t.id, second.membershipId, "operator"))).toBeInstanceOf(Conflict);
    expect(await db.membership.count({ where: { tenantId: t.id, role: "owner" } })).toBe(1);
  });

  it("keeps one owner when two admins remove the last two at the same moment", async () => {
    const t = await tenantWithOwner();
    const second = await addMember(admin, t.id, {
      email: `race-${suffix()}@example.test`,
      name: "Race",
      role: "owner",
    });
    const results = await Promise.allSettled([
      removeMember(admin, t.id, t.ownerMembershipId),
      removeMember(admin, t.id, second.membershipId),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.membership.count({ where: { tenantId: t.id, role: "owner" } })).toBe(1);
  });

  it("does not reach a membership through another tenant's id", async () => {
    const a = await tenantWithOwner();
    const b = await tenantWithOwner();
    expect(await failure(removeMember(admin, b.id, a.ownerMembershipId))).toBeInstanceOf(NotFound);
    expect(await failure(resetPassword(admin, b.id, a.ownerMembershipId))).toBeInstanceOf(NotFound);
  });

  it("resets a member's password to a new one-time password, but never a staff account's", async () => {
    const t = await tenantWithOwner();
    const owner = await db.membership.findUniqueOrThrow({
      where: { id: t.ownerMembershipId },
      include: { user: true },
    });
    const reset = await resetPassword(admin, t.id, t.ownerMembershipId);
    const after = await db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    expect(after.passwordHash).not.toBe(owner.user.passwordHash);
    expect(await verifyPassword(after.passwordHash, reset.oneTimePassword)).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { action: "user.resetPassword", targetId: owner.userId } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(reset.oneTimePassword);

    // A staff membership from before issue 16 (addMember refuses staff now) still cannot have its password reset here.
    const staff = await db.membership.create({ data: { tenantId: t.id, userId: admin.user.id, role: "reader" } });
    expect(await failure(resetPassword(admin, t.id, staff.id))).toBeInstanceOf(Conflict);
  });

  it("refuses provider staff as members or owners, beside the email field, and writes nothing", async () => {
    const t = await tenantWithOwner();
    const helpdesk = await db.user.create({
      data: { email: `helpdesk-${suffix()}@provider.test`, name: "Harper", passwordHash: "x", staffRole: "helpdesk" },
    });
    const asMember = await failure(addMember(admin, t.id, { email: helpdesk.email, role: "operator" }));
    expect(asMember).toBeInstanceOf(InvalidInput);
    expect((asMember as InvalidInput).fieldErrors.email?.[0]).toMatch(/Harper is provider staff \(helpdesk\)/);
    const asOwner = await failure(createTenant(admin, newTenant("Staffed", { ownerEmail: helpdesk.email })));
    expect((asOwner as InvalidInput).fieldErrors.ownerEmail?.[0]).toMatch(/provider staff/);
    expect(await db.membership.count({ where: { userId: helpdesk.id } })).toBe(0);
    expect(await db.tenant.count({ where: { name: { startsWith: "Staffed" } } })).toBe(0);
  });
});

describe("suspension", () => {
  it("refuses mutations (operator and above) in a suspended tenant and still allows reads", async () => {
    const t = await createTenant(
      admin,
      newTenant("Suspended", { ownerEmail: `s-${suffix()}@example.test`, ownerName: "Sam" }),
    );
    const owner = await withOwnPassword(t.owner!.email);
    session.userId = owner.id;
    await expect(requireTenantContext({ tenant: t.slug, role: "operator" })).resolves.toMatchObject({ tenantId: t.id });

    await setTenantState(admin, t.id, "suspended");
    const refused = await failure(requireTenantContext({ tenant: t.slug, role: "operator" }));
    expect(refused).toBeInstanceOf(Forbidden);
    expect(refused.message).toContain("suspended");
    await expect(requireTenantContext({ tenant: t.slug })).resolves.toMatchObject({ tenantState: "suspended" });
    expect(await failure(setTenantState(admin, t.id, "suspended"))).toBeInstanceOf(Conflict);

    await setTenantState(admin, t.id, "active");
    await expect(requireTenantContext({ tenant: t.slug, role: "owner" })).resolves.toMatchObject({ role: "owner" });
  });
});

describe("self-service subscription", () => {
  async function plan(state: "public" | "private") {
    const sub = await db.azureSubscription.create({
      data: {
        subscriptionId: crypto.randomUUID(),
        displayName: `Sub ${suffix()}`,
        cloud: "Custom",
        directoryId: crypto.randomUUID(),
        clientId: crypto.randomUUID(),
        clientSecretEnc: "sealed",
        state: "active",
      },
    });
    return db.plan.create({
      data: {
        name: `${state} plan ${suffix()}`,
        state,
        azureSubscriptionId: sub.id,
        allowedSizes: [],
        quotaVms: 5,
        quotaVcpus: 10,
        quotaPublicIps: 2,
        quotaLoadBalancers: 1,
        quotaProtectedVms: 0,
      },
    });
  }

  it("lets an owner subscribe to a public plan, and refuses private plans and other roles", async () => {
    const [open, hidden] = [await plan("public"), await plan("private")];
    const t = await createTenant(
      admin,
      newTenant("Self", { ownerEmail: `self-${suffix()}@example.test`, ownerName: "Self Owner" }),
    );
    const owner = await withOwnPassword(t.owner!.email);
    const ctx = {
      user: { ...owner, staffRole: null },
      tenantId: t.id,
      tenantSlug: t.slug,
      tenantName: t.name,
      tenantState: "active" as const,
      role: "owner" as const,
    };
    const offered = await listOfferedPlans(ctx);
    expect(offered.map((p) => p.id)).toContain(open.id);
    expect(offered.map((p) => p.id)).not.toContain(hidden.id);

    session.userId = owner.id;
    const form = (planId: string, name = "") => {
      const data = new FormData();
      data.append("planId", planId);
      data.append("name", name);
      return data;
    };
    const refused = await subscribeToPlanAction(t.slug, { ok: true }, form(hidden.id));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { planId: [expect.stringContaining("plans offered to you")] },
    });

    const ok = await subscribeToPlanAction(t.slug, { ok: true }, form(open.id, "Production"));
    expect(ok.ok).toBe(true);
    const subscriptions = await db.tenantSubscription.findMany({ where: { tenantId: t.id } });
    expect(subscriptions).toEqual([expect.objectContaining({ planId: open.id, name: "Production", state: "active" })]);
    const op = await db.operation.findFirstOrThrow({ where: { targetId: subscriptions[0].id } });
    expect(op).toMatchObject({ kind: "tenantSubscription.provision", tenantId: t.id, actorId: owner.id });

    const operator = await addMember(admin, t.id, {
      email: `op-${suffix()}@example.test`,
      name: "Operator",
      role: "operator",
    });
    session.userId = (await withOwnPassword(operator.user.email)).id;
    expect(await subscribeToPlanAction(t.slug, { ok: true }, form(open.id, "Second"))).toMatchObject({
      ok: false,
      formError: expect.stringContaining("owner"),
    });

    session.userId = "someone-else";
    expect(await subscribeToPlanAction(t.slug, { ok: true }, form(open.id, "Third"))).toMatchObject({ ok: false });
    expect(await db.tenantSubscription.count({ where: { tenantId: t.id } })).toBe(1);
  });
});
