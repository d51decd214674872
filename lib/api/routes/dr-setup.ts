import { createRoute, z } from "@hono/zod-openapi";
import type { TenantContext } from "@/lib/auth/context";
import { NotFound, parseInput } from "@/lib/errors";
import { getTenantDrSetup } from "@/lib/dr/queries";
import { setupTenantSchema } from "@/lib/dr/schema";
import { rerunSetupStep, setupTenant } from "@/lib/dr/setup-service";
import { tenantContext } from "../auth";
import { accepted, acceptedHeaderDocs, operationSchema, readOperation, tenantScope } from "../operation";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { rerunSetupStepBody, setupDrBody } from "./dr-schemas";
import { tenantParam } from "./vm-schemas";

/**
 * The owner's own DR setup, as on the tenant's DR page: for the cloud the provider assigned to the tenant's
 * subscription, on a plan that offers DR (lib/dr's setup service checks both, and the network's owner, before Azure).
 */
export const drSetupRoutes = apiRouter();
const tags = ["Disaster recovery"];
const tenantOnly = z.object({ tenant: tenantParam });
const acceptedSetup = {
  description: "The dr.setupTenant operation.",
  headers: acceptedHeaderDocs,
  content: { "application/json": { schema: operationSchema } },
};

async function assignedCloud(ctx: TenantContext) {
  const found = await getTenantDrSetup(ctx);
  if (!found) throw new NotFound("Disaster recovery cloud");
  return found;
}

drSetupRoutes.openapi(
  createRoute({
    method: "put",
    path: "/tenants/{tenant}/dr/setup",
    operationId: "setupDr",
    ...requires("owner"),
    summary: "Set up disaster recovery",
    description:
      "Storage and network in your subscription, the replication policy and the mapping of your on-premises network " +
      "(an id from GET /dr/setup), run as one operation of three steps. 404 until your provider assigns a cloud. Owner.",
    tags,
    security: bearerSecurity,
    request: {
      params: tenantOnly,
      body: { required: true, content: { "application/json": { schema: setupDrBody } } },
    },
    responses: { 202: acceptedSetup, ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500) },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant, "owner");
    const { container, tenantSubscription } = await assignedCloud(ctx);
    // The raw body, not the validated one: the form schema's transforms (an empty start time becomes null) run once.
    c.req.valid("json");
    const input = parseInput(setupTenantSchema, {
      ...((await c.req.json()) as Record<string, unknown>),
      containerId: container.id,
      tenantSubscriptionId: tenantSubscription.id,
    });
    const { operationId } = await setupTenant(ctx, input);
    return accepted(c, await readOperation(tenantScope(ctx), operationId));
  },
);

drSetupRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/dr/setup/rerun",
    operationId: "rerunDrSetupStep",
    ...requires("owner"),
    summary: "Run one setup step again",
    description: "targets, policy or mapping — after fixing something in Azure, say. Owner.",
    tags,
    security: bearerSecurity,
    request: {
      params: tenantOnly,
      body: { required: true, content: { "application/json": { schema: rerunSetupStepBody } } },
    },
    responses: { 202: acceptedSetup, ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500) },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant, "owner");
    const setup = (await assignedCloud(ctx)).container.setup;
    if (!setup) throw new NotFound("DR setup");
    const op = await rerunSetupStep(ctx, setup.id, c.req.valid("json").step);
    return accepted(c, await readOperation(tenantScope(ctx), op.id));
  },
);
