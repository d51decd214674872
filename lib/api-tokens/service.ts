import type { Caller, StaffContext, TenantContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, type ApiTokenScope, type TenantRole } from "@/lib/db/client";
import { Conflict, Forbidden, NotFound, notFoundInTenant } from "@/lib/errors";
import type { CreateStaffApiTokenInput, CreateTenantApiTokenInput } from "./schema";
import { generateApiToken } from "./secret";
import { forgetCachedApiTokens } from "./authenticate";

type Creator = Pick<Caller, "id" | "email" | "apiTokenId">;
type TokenSpec = { name: string; expiresInDays: number } & (
  { scope: "admin" | "helpdesk" } | { scope: "tenant"; tenantId: string; role: TenantRole }
);

/** What the creator sees once: the full token is in `token` and nowhere else, ever. */
export type IssuedApiToken = {
  id: string;
  name: string;
  prefix: string;
  token: string;
  scope: ApiTokenScope;
  role: TenantRole | null;
  expiresAt: Date;
};

/** Writes the token (its hash only) and the audit event together. */
export async function issueApiToken(creator: Creator, spec: TokenSpec): Promise<IssuedApiToken> {
  const { prefix, secretHash, token } = generateApiToken();
  const expiresAt = new Date(Date.now() + spec.expiresInDays * 86_400_000);
  const tenantId = spec.scope === "tenant" ? spec.tenantId : null;
  const role = spec.scope === "tenant" ? spec.role : null;
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: spec.name,
        prefix,
        secretHash,
        scope: spec.scope,
        tenantId,
        role,
        createdById: creator.id,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        action: "apiToken.create",
        actor: creator,
        tenantId,
        target: { type: "ApiToken", id: row.id, name: `${spec.name} (${prefix})` },
        detail: { scope: spec.scope, role, expiresAt: expiresAt.toISOString() },
      },
      tx,
    );
    return { id: row.id, name: spec.name, prefix, token, scope: spec.scope, role, expiresAt };
  });
}

/** Provider tokens (admin or helpdesk scope) are created by admins only. */
export async function createStaffApiToken(ctx: StaffContext, input: CreateStaffApiTokenInput) {
  if (ctx.staffRole !== "admin") throw new Forbidden("Only provider admins can create provider API tokens.");
  return issueApiToken(ctx.user, input);
}

/** Tenant tokens are created by the tenant's owners, with any tenant role. */
export async function createTenantApiToken(ctx: TenantContext, input: CreateTenantApiTokenInput) {
  if (ctx.role !== "owner") throw new Forbidden(`Only owners of ${ctx.tenantName} can create API tokens.`);
  return issueApiToken(ctx.user, { ...input, scope: "tenant", tenantId: ctx.tenantId });
}

export async function revokeStaffApiToken(ctx: StaffContext, tokenId: string) {
  if (ctx.staffRole !== "admin") throw new Forbidden("Only provider admins can revoke provider API tokens.");
  const token = await db.apiToken.findFirst({ where: { id: tokenId, scope: { in: ["admin", "helpdesk"] } } });
  if (!token) throw new NotFound("API token");
  return revoke(ctx.user, token);
}

export async function revokeTenantApiToken(ctx: TenantContext, tokenId: string) {
  if (ctx.role !== "owner") throw new Forbidden(`Only owners of ${ctx.tenantName} can revoke API tokens.`);
  const token = await db.apiToken.findFirst({ where: { id: tokenId, tenantId: ctx.tenantId } });
  if (!token) throw notFoundInTenant(ctx, "API token", { type: "ApiToken", id: tokenId });
  return revoke(ctx.user, token);
}

async function revoke(actor: Creator, token: { id: string; name: string; prefix: string; tenantId: string | null }) {
  // This process refuses the token from the moment the revocation commits; others when the trigger's NOTIFY reaches
  // them (lib/api-tokens/cache.ts).
  const revoked = await db.$transaction(async (tx) => {
    // Conditional, so two revokes at once record one revocation.
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: actor.id },
    });
    if (count === 0) throw new Conflict(`${token.name} (${token.prefix}) is already revoked.`);
    await recordAudit(
      {
        action: "apiToken.revoke",
        actor,
        tenantId: token.tenantId,
        target: { type: "ApiToken", id: token.id, name: `${token.name} (${token.prefix})` },
      },
      tx,
    );
  });
  forgetCachedApiTokens();
  return revoked;
}
