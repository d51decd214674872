import type { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { StaffRole } from "@/lib/db/client";
import { staffContext } from "../auth";
import type { ApiEnv } from "../env";
import { ApiProblem } from "../problem";
import type { ApiRouter } from "../router";

/**
 * Shared by the provider resource files (Azure subscriptions, regions, plans, tenants, members, audit): they are the
 * admin console's pages, which helpdesk does not see, so every route needs an admin token.
 */
export const PROVIDER_ROLE: StaffRole = "admin";

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/**
 * Runs before the routes' validators on the given paths (Hono syntax, `:param`): a helpdesk token gets 403 (a tenant
 * token was already answered 404 by the app's scope gate; each route's requires("admin") says the same in the
 * document). Control characters are refused for every route by the app (lib/api/input-guard.ts).
 */
export function providerPaths(router: ApiRouter, paths: string[], need: StaffRole = PROVIDER_ROLE) {
  const guard: MiddlewareHandler<ApiEnv> = async (c, next) => {
    staffContext(c, need);
    await next();
  };
  for (const path of paths) router.use(path, guard);
}

/**
 * For answers that hold a one-time password: the Idempotency-Key middleware keeps a POST's answer for 24 h, and a
 * password in plain text is never stored anywhere, so these routes refuse the header (nothing is claimed or written).
 */
export const passwordAnswerNote =
  "Idempotency-Key is refused (400): the answer may hold a one-time password, which is never stored.";

export function refuseIdempotencyKey(router: ApiRouter, paths: string[]) {
  const guard: MiddlewareHandler<ApiEnv> = async (c, next) => {
    if (c.req.method === "POST" && c.req.header("idempotency-key") !== undefined)
      throw new ApiProblem(
        400,
        "IdempotencyKeyNotAccepted",
        "This answer holds a one-time password, which is never stored: send the request without Idempotency-Key.",
      );
    await next();
  };
  for (const path of paths) router.use(path, guard);
}
