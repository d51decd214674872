import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { staffContextForToken, tenantContextForToken } from "@/lib/api-tokens/context";
import type { ApiEnv } from "./env";
import { invalidInputFrom } from "./problem";

/**
 * A router for one resource file (lib/api/routes/*.ts). Every router refuses bad input the same way: the validator's
 * zod error becomes the same InvalidInput a form gets, so the 400 names each field, and the handler never runs.
 */
export function apiRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidInputFrom(result.error, result.target);
    },
  });
}
export type ApiRouter = ReturnType<typeof apiRouter>;

/** Security of every route but the document: a bearer API token. */
export const bearerSecurity = [{ bearerAuth: [] }];

/**
 * The least role a route needs: a gate that runs before the route's input is validated (so a reader's POST is a 403
 * and another tenant's path a 404 whatever the body holds), written into the document as `x-required-role` for
 * clients and for the authorization matrix test. Handlers still ask for their context with the same role.
 */
export function requires(role: "reader" | "operator" | "owner" | "helpdesk" | "admin") {
  const gate: MiddlewareHandler<ApiEnv> = async (c, next) => {
    const principal = c.get("principal");
    if (role === "helpdesk" || role === "admin") staffContextForToken(principal, role);
    else await tenantContextForToken(principal, { tenant: c.req.param("tenant") ?? "", role });
    await next();
  };
  return { "x-required-role": role, middleware: [gate] };
}
