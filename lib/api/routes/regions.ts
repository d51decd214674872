import { createRoute, z } from "@hono/zod-openapi";
import { geographies } from "@/lib/regions/geography";
import { listAllowedRegions, listDiscoveredRegions } from "@/lib/regions/queries";
import { setAllowedRegionsSchema } from "@/lib/regions/schema";
import { setAllowedRegions } from "@/lib/regions/service";
import { staffContext } from "../auth";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { json, PROVIDER_ROLE, providerPaths } from "./provider";

/**
 * The regions tenants may deploy to (admin console → Regions, lib/regions): one provider-wide list, chosen from the
 * regions the active Azure subscriptions offer, replaced as a whole.
 */
export const regionRoutes = apiRouter();
const tags = ["Regions"];
providerPaths(regionRoutes, ["/provider/regions"]);

const regionsSchema = z
  .object({
    allowed: z.array(z.object({ name: z.string(), displayName: z.string() })),
    discovered: z
      .array(
        z.object({
          name: z.string(),
          displayName: z.string(),
          geography: z.enum(geographies),
          subscriptions: z.number().int().openapi({ description: "Active Azure subscriptions offering it." }),
        }),
      )
      .openapi({ description: "What may be allowed: the regions the active Azure subscriptions offer." }),
  })
  .openapi("Regions");

async function readRegions() {
  const [allowed, discovered] = await Promise.all([listAllowedRegions(), listDiscoveredRegions()]);
  return { allowed, discovered };
}

regionRoutes.openapi(
  createRoute({
    method: "get",
    path: "/provider/regions",
    operationId: "getRegions",
    summary: "Read the allowed regions (admin)",
    description: "The regions tenants may deploy to, and the regions that may be allowed. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    responses: {
      200: json(regionsSchema, "Allowed and discovered regions."),
      ...problemResponses(401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    staffContext(c, PROVIDER_ROLE);
    return c.json(await readRegions(), 200);
  },
);

// A form with no box ticked posts no `regions` at all, which the form's schema reads as "none". A JSON client must say
// so with [], so a body that forgot the field cannot clear every region; then the form's rules apply unchanged.
const setRegionsBody = z
  .object({
    regions: z
      .array(z.string())
      // The form's schema takes unknown input (FormData's shapes); here it gets a string array.
      .pipe(setAllowedRegionsSchema.shape.regions as unknown as z.ZodType<string[], string[]>)
      .openapi({
        type: "array",
        items: { type: "string", example: "westeurope" },
        description: "Azure's short names; the list replaces the allowed regions ([] allows none).",
      }),
  })
  .openapi("SetAllowedRegions");

regionRoutes.openapi(
  createRoute({
    method: "put",
    path: "/provider/regions",
    operationId: "setAllowedRegions",
    summary: "Replace the allowed regions (admin)",
    description:
      "Each must be offered by an active Azure subscription now (400 names the others). Answers at once. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { body: { required: true, content: { "application/json": { schema: setRegionsBody } } } },
    responses: {
      200: json(
        regionsSchema.extend({
          added: z.array(z.string()),
          removed: z.array(z.string()),
        }),
        "Saved: what changed, and the regions now.",
      ),
      ...problemResponses(400, 401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const { added, removed } = await setAllowedRegions(ctx, c.req.valid("json").regions);
    return c.json({ ...(await readRegions()), added, removed }, 200);
  },
);
