import { createRoute, z } from "@hono/zod-openapi";
import { listVmSubscriptions } from "@/lib/vms/queries";
import { tenantContext } from "../auth";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { tenantParam } from "./vm-schemas";

/** The tenant's active subscriptions with their quotas and use: where a VM can be created (its tenantSubscriptionId). */
export const subscriptionRoutes = apiRouter();

const usage = z.object({ vms: z.number().int(), vcpus: z.number().int(), publicIps: z.number().int() });
const subscriptionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    planName: z.string(),
    offersDr: z.boolean(),
    quota: usage,
    used: usage.openapi({ description: "Counted as the quota checks count (VMs being deleted still count)." }),
  })
  .openapi("TenantSubscription");

subscriptionRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/subscriptions",
    operationId: "listTenantSubscriptions",
    ...requires("reader"),
    summary: "List the tenant's active subscriptions",
    description: "With each plan's quotas and what is in use. Any tenant role.",
    tags: ["Subscriptions"],
    security: bearerSecurity,
    request: { params: z.object({ tenant: tenantParam }) },
    responses: {
      200: {
        description: "The subscriptions.",
        content: { "application/json": { schema: z.object({ value: z.array(subscriptionSchema) }) } },
      },
      ...problemResponses(401, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant);
    const rows = await listVmSubscriptions(ctx);
    return c.json(
      {
        value: rows.map(({ id, name, planName, offersDr, quota, used }) => ({
          id,
          name,
          planName,
          offersDr,
          quota,
          used,
        })),
      },
      200,
    );
  },
);
