import { createRoute, z } from "@hono/zod-openapi";
import { parseInput } from "@/lib/errors";
import { listOfferedPlans } from "@/lib/tenancy/queries";
import { subscribeSchema } from "@/lib/tenancy/schema";
import { subscribeTenantToPlan } from "@/lib/tenancy/subscriptions";
import { tenantContext } from "../auth";
import { accepted, acceptedHeaderDocs, operationSchema, readOperation, tenantScope } from "../operation";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { tenantParam } from "./vm-schemas";

/**
 * Self-service plans: what a tenant may subscribe to (public plans on an active Azure subscription, lib/plans decides)
 * and subscribing, which provisions the subscription's resource group as an operation — the Plans page's calls.
 */
export const tenantPlanRoutes = apiRouter();
const tags = ["Subscriptions"];
const tenantOnly = z.object({ tenant: tenantParam });

const quota = z.object({
  quotaVms: z.number().int(),
  quotaVcpus: z.number().int(),
  quotaPublicIps: z.number().int(),
  quotaLoadBalancers: z.number().int(),
  quotaProtectedVms: z.number().int(),
});
const offeredPlanSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    offersDr: z.boolean(),
    quotas: quota,
    sizes: z.array(z.object({ name: z.string(), vCpus: z.number().int(), memoryMb: z.number().int() })),
    images: z.array(
      z.object({ label: z.string(), osType: z.enum(["Windows", "Linux"]).nullable(), version: z.string() }),
    ),
    subscribed: z.number().int().openapi({ description: "Your live subscriptions to this plan." }),
  })
  .openapi("OfferedPlan");
const subscribeBody = subscribeSchema.openapi("SubscribeToPlan", {
  description: "A public plan's id, and a name for the subscription (the plan's name when omitted).",
});

tenantPlanRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/plans",
    operationId: "listOfferedPlans",
    ...requires("reader"),
    summary: "List the plans you can subscribe to",
    description: "Public plans with their quotas, sizes and images, and how many subscriptions you have on each.",
    tags,
    security: bearerSecurity,
    request: { params: tenantOnly },
    responses: {
      200: {
        description: "The plans.",
        content: { "application/json": { schema: z.object({ value: z.array(offeredPlanSchema) }) } },
      },
      ...problemResponses(401, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant);
    const plans = await listOfferedPlans(ctx);
    return c.json({ value: plans }, 200);
  },
);

tenantPlanRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/subscriptions",
    operationId: "subscribeToPlan",
    ...requires("owner"),
    summary: "Subscribe to a plan",
    description:
      "Creates the subscription and provisions its resource group as a tenantSubscription.provision operation, " +
      "whose target is the new subscription. Owners only, like the Plans page.",
    tags,
    security: bearerSecurity,
    request: {
      params: tenantOnly,
      body: { required: true, content: { "application/json": { schema: subscribeBody } } },
    },
    responses: {
      202: {
        description: "The tenantSubscription.provision operation.",
        headers: acceptedHeaderDocs,
        content: { "application/json": { schema: operationSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant, "owner");
    const input = parseInput(subscribeSchema, c.req.valid("json"));
    const created = await subscribeTenantToPlan(ctx.user, {
      tenantId: ctx.tenantId,
      planId: input.planId,
      name: input.name,
      selfService: true,
    });
    return accepted(c, await readOperation(tenantScope(ctx), created.operationId));
  },
);
