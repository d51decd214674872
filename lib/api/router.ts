import { OpenAPIHono } from "@hono/zod-openapi";
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
