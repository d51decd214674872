import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { revokeSessions, revokeTenantSessions } from "@/lib/auth/sessions";
import { oneTimePasswordFields } from "@/lib/auth/one-time-password";
import { generateOneTimePassword, hashPassword } from "@/lib/crypto/password";
import { db, Prisma, type TenantRole, type TenantState, type Tx } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import type { AddMemberInput, CreateTenantInput } from "./schema";

/**
 * A password shown once to the admin who created or reset it. Only its argon2id hash is stored; the plain text lives
 * in this return value on its way to the browser, never in a log, an audit detail or a job payload.
 */
export type OneTimeCredential = { email: string; name: string; oneTimePassword: string };

/** Which unique index a P2002 hit (`Tenant_slug_key`, `User_email_key`): the pg adapter nests it in `meta` in a version-dependent shape. */
function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  return JSON.stringify(error.meta ?? {});
}

/** A new user with a hashed one-time password, or the existing one (new users need a name; staff roles are never given here). */
type NewUserRequest = {
  tenantId: string;
  email: string;
  name?: string;
  passwordHash: string | null;
  emailField: string;
  nameField: string;
};

async function findOrCreateUser(tx: Tx, ctx: StaffContext, who: NewUserRequest) {
  const existing = await tx.user.findUnique({
    where: { email: who.email },
    select: { id: true, email: true, name: true, staffRole: true },
  });
  // Staff already see every tenant through their own area; a tenant role would let helpdesk change what it may only
  // read (issue 16), and a tenant owner could then manage a staff account.
  if (existing?.staffRole)
    throw new InvalidInput({
      [who.emailField]: [
        `${existing.name} is provider staff (${existing.staffRole}) and cannot be a member of a tenant.`,
      ],
    });
  if (existing) return { user: { id: existing.id, email: existing.email, name: existing.name }, isNew: false };
  if (!who.name || who.name.length < 2) {
    throw new InvalidInput({
      [who.nameField]: [`No user has this email yet: enter a name (at least 2 characters) to create one.`],
    });
  }
  const user = await tx.user.create({
    data: {
      email: who.email,
      name: who.name,
      passwordHash: who.passwordHash!,
      staffRole: null,
      ...oneTimePasswordFields(),
    },
    select: { id: true, email: true, name: true },
  });
  await recordAudit(
    {
      action: "user.create",
      actor: ctx.user,
      tenantId: who.tenantId,
      target: { type: "User", id: user.id, name: user.email },
    },
    tx,
  );
  return { user, isNew: true };
}

/** Tenant-wide membership changes take the tenant row's lock, so two admins cannot each remove one of the last two owners. */
async function lockTenant(tx: Tx, tenantId: string) {
  const rows = await tx.$queryRaw<
    { id: string; name: string; slug: string }[]
  >`select id, name, slug from "Tenant" where id = ${tenantId} for update`;
  if (rows.length === 0) throw new NotFound("Tenant");
  return rows[0];
}

/** The new tenant and, when an owner was named, that owner and their one-time password (null if they had an account). */
export type CreatedTenant = Awaited<ReturnType<typeof createTenant>>;

export async function createTenant(ctx: StaffContext, input: CreateTenantInput) {
  // Hash before the transaction: argon2 takes tens of milliseconds and needs no lock. Unused if the owner already exists.
  const oneTimePassword = input.ownerEmail ? generateOneTimePassword() : null;
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
        throw new InvalidInput({ slug: ["Another tenant already uses this address."] });
      }
      const tenant = await tx.tenant.create({
        data: { name: input.name, slug: input.slug },
        select: { id: true, slug: true, name: true },
      });
      await recordAudit(
        {
          action: "tenant.create",
          actor: ctx.user,
          tenantId: tenant.id,
          target: { type: "Tenant", id: tenant.id, name: tenant.name },
          detail: { slug: tenant.slug },
        },
        tx,
      );
      if (!input.ownerEmail) return { ...tenant, owner: null, credential: null };
      const { user, isNew } = await findOrCreateUser(tx, ctx, {
        tenantId: tenant.id,
        email: input.ownerEmail,
        name: input.ownerName,
        passwordHash,
        emailField: "ownerEmail",
        nameField: "ownerName",
      });
      await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
      await recordAudit(
        {
          action: "membership.add",
          actor: ctx.user,
          tenantId: tenant.id,
          target: { type: "User", id: user.id, name: user.email },
          detail: { role: "owner" },
        },
        tx,
      );
      const credential: OneTimeCredential | null = isNew
        ? { email: user.email, name: user.name, oneTimePassword: oneTimePassword! }
        : null;
      return { ...tenant, owner: { email: user.email, name: user.name, isNew }, credential };
    });
  } catch (error) {
    const target = uniqueViolation(error);
    if (target?.includes("email"))
      throw new InvalidInput({
        ownerEmail: ["A user with this email was created a moment ago; submit again to add them."],
      });
    if (target !== null) throw new InvalidInput({ slug: ["Another tenant already uses this address."] });
    throw error;
  }
}

export async function setTenantState(ctx: StaffContext, tenantId: string, state: TenantState) {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, name: true, state: true } });
  if (!tenant) throw new NotFound("Tenant");
  if (tenant.state === state) throw new Conflict(`${tenant.name} is already ${state}.`);
  return db.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data: { state } });
    // Suspension ends the members' sessions so none keeps a page open past the decision; they sign in to a read-only tenant.
    if (state === "suspended") await revokeTenantSessions(tx, tenant.id);
    const action = state === "suspended" ? "tenant.suspend" : "tenant.reactivate";
    await recordAudit(
      { action, actor: ctx.user, tenantId: tenant.id, target: { type: "Tenant", id: tenant.id, name: tenant.name } },
      tx,
    );
    return { id: tenant.id, state };
  });
}

export type AddedMember = Awaited<ReturnType<typeof addMember>>;

export async function addMember(ctx: StaffContext, tenantId: string, input: AddMemberInput) {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    return await db.$transaction(async (tx) => {
      const tenant = await lockTenant(tx, tenantId);
      const { user, isNew } = await findOrCreateUser(tx, ctx, {
        tenantId,
        email: input.email,
        name: input.name,
        passwordHash,
        emailField: "email",
        nameField: "name",
      });
      if (
        !isNew &&
        (await tx.membership.findUnique({
          where: { userId_tenantId: { userId: user.id, tenantId } },
          select: { id: true },
        }))
      ) {
        throw new InvalidInput({ email: [`${user.name} is already a member of ${tenant.name}.`] });
      }
      const membership = await tx.membership.create({
        data: { tenantId, userId: user.id, role: input.role },
        select: { id: true },
      });
      await recordAudit(
        {
          action: "membership.add",
          actor: ctx.user,
          tenantId,
          target: { type: "User", id: user.id, name: user.email },
          detail: { role: input.role },
        },
        tx,
      );
      const credential: OneTimeCredential | null = isNew
        ? { email: user.email, name: user.name, oneTimePassword }
        : null;
      return { membershipId: membership.id, user: { email: user.email, name: user.name, isNew }, credential };
    });
  } catch (error) {
    if (uniqueViolation(error) !== null)
      throw new InvalidInput({ email: ["This person was added a moment ago; refresh the page."] });
    throw error;
  }
}

async function getMembership(tx: Tx | typeof db, tenantId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, tenantId },
    select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!membership) throw new NotFound("Member");
  return membership;
}

async function assertNotLastOwner(
  tx: Tx,
  tenant: { id: string; name: string },
  member: { role: TenantRole; user: { name: string } },
  doing: string,
) {
  if (member.role !== "owner") return;
  const owners = await tx.membership.count({ where: { tenantId: tenant.id, role: "owner" } });
  if (owners <= 1)
    throw new Conflict(
      `${member.user.name} is the last owner of ${tenant.name}: make someone else owner before you ${doing}.`,
    );
}

export async function changeMemberRole(ctx: StaffContext, tenantId: string, membershipId: string, role: TenantRole) {
  return db.$transaction(async (tx) => {
    const tenant = await lockTenant(tx, tenantId);
    const member = await getMembership(tx, tenantId, membershipId);
    if (member.role === role) return { id: member.id, role };
    if (role !== "owner") await assertNotLastOwner(tx, tenant, member, "change their role");
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    await revokeSessions(tx, member.user.id);
    await recordAudit(
      {
        action: "membership.changeRole",
        actor: ctx.user,
        tenantId,
        target: { type: "User", id: member.user.id, name: member.user.email },
        detail: { from: member.role, to: role },
      },
      tx,
    );
    return { id: member.id, role };
  });
}

export async function removeMember(ctx: StaffContext, tenantId: string, membershipId: string) {
  return db.$transaction(async (tx) => {
    const tenant = await lockTenant(tx, tenantId);
    const member = await getMembership(tx, tenantId, membershipId);
    await assertNotLastOwner(tx, tenant, member, "remove them");
    await tx.membership.delete({ where: { id: member.id } });
    await revokeSessions(tx, member.user.id);
    await recordAudit(
      {
        action: "membership.remove",
        actor: ctx.user,
        tenantId,
        target: { type: "User", id: member.user.id, name: member.user.email },
        detail: { role: member.role },
      },
      tx,
    );
    return { id: member.id };
  });
}

/**
 * Admin only, and only for a member of this tenant without a staff role: staff accounts are managed outside any tenant,
 * so a tenant page can never be used to take one over.
 */
export async function resetPassword(
  ctx: StaffContext,
  tenantId: string,
  membershipId: string,
): Promise<OneTimeCredential> {
  const member = await getMembership(db, tenantId, membershipId);
  const user = await db.user.findUniqueOrThrow({
    where: { id: member.user.id },
    select: { id: true, email: true, name: true, staffRole: true },
  });
  if (user.staffRole)
    throw new Conflict(`${user.name} is provider staff; their password is not managed from a tenant.`);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, ...oneTimePasswordFields() } });
    await revokeSessions(tx, user.id);
    await recordAudit(
      {
        action: "user.resetPassword",
        actor: ctx.user,
        tenantId,
        target: { type: "User", id: user.id, name: user.email },
      },
      tx,
    );
  });
  return { email: user.email, name: user.name, oneTimePassword };
}
