import type { StaffContext, TenantContext } from "@/lib/auth/context";
import { Forbidden, NotFound, notFoundInTenant } from "@/lib/errors";

/**
 * Whose webhooks a call works on: the provider's (tenantId null, admins; they receive every tenant's events) or one
 * tenant's (its owners; they receive that tenant's events only). Every query filters on `tenantId` itself.
 */
export type WebhookOwner = {
  tenantId: string | null;
  actor: { id: string; email: string; apiTokenId?: string };
  /** Turns a miss into the right NotFound (a tenant's miss is checked for another tenant's id at the edge). */
  notFound: (what: string, target: { type: string; id: string }) => NotFound;
};

export function providerWebhooks(ctx: StaffContext): WebhookOwner {
  if (ctx.staffRole !== "admin") throw new Forbidden("Only provider admins manage the provider's webhooks.");
  return { tenantId: null, actor: ctx.user, notFound: (what) => new NotFound(what) };
}

export function tenantWebhooks(ctx: TenantContext): WebhookOwner {
  if (ctx.role !== "owner") throw new Forbidden(`Only owners of ${ctx.tenantName} manage its webhooks.`);
  return { tenantId: ctx.tenantId, actor: ctx.user, notFound: (what, target) => notFoundInTenant(ctx, what, target) };
}
