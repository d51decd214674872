import type { Context } from "hono";
import type { ApiPrincipal } from "@/lib/api-tokens/authenticate";

/** What the middleware puts on every authenticated request's context. */
export type ApiEnv = { Variables: { principal: ApiPrincipal } };
export type ApiContext = Context<ApiEnv>;

export const API_BASE = "/api/v1";
