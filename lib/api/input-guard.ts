import type { MiddlewareHandler } from "hono";
import { InvalidInput, type FieldErrors } from "@/lib/errors";
import { controlCharacterFields, controlCharacterMessage } from "@/lib/utils/text";
import type { ApiEnv } from "./env";

/**
 * Control characters (NUL, C0/C1, text-direction overrides) in the query or the JSON body are refused beside their
 * fields on every route, before any validator or handler runs: the API's side of the check parseInput makes on every
 * form (lib/utils/text.ts, issue 16). Nothing is written and no Azure API is called for such a request.
 */
export function refuseControlCharacters(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const fields = controlCharacterFields(c.req.query());
    if (["POST", "PUT", "PATCH"].includes(c.req.method)) {
      const body = await c.req.json().catch(() => undefined);
      fields.push(...controlCharacterFields(body ?? null));
    }
    if (fields.length > 0) {
      const errors: FieldErrors = {};
      for (const field of fields) errors[field] = [controlCharacterMessage];
      throw new InvalidInput(errors);
    }
    await next();
  };
}
