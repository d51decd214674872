import type { MiddlewareHandler } from "hono";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate";
import { staffContextForToken, tenantContextForToken } from "@/lib/api-tokens/context";
import type { StaffRole, TenantRole } from "@/lib/db/client";
import type { ApiContext, ApiEnv } from "./env";

/** Every call but the document itself carries `Authorization: Bearer azp_…`; anything else is a 401 at once. */
export function bearerToken(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const raw = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];
    c.set("principal", await authenticateApiToken(raw));
    await next();
  };
}

/**
 * The same TenantContext a signed-in member gets, so every service and its tenant filter apply unchanged. Routes ask
 * for the role the matching server action asks for.
 */
export const tenantContext = (c: ApiContext, tenant: string, role: TenantRole = "reader") =>
  tenantContextForToken(c.get("principal"), { tenant, role });

export const staffContext = (c: ApiContext, need: StaffRole) => staffContextForToken(c.get("principal"), need);
