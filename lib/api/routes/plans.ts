import { createRoute, z } from "@hono/zod-openapi";
import { boundId } from "@/lib/errors/parse";
import { getPlanDetail, listPlans } from "@/lib/plans/queries";
import { createPlanSchema, planStates, setPlanStateSchema, updatePlanSchema } from "@/lib/plans/schema";
import { createPlan, deletePlan, setPlanState, updatePlan } from "@/lib/plans/service";
import { staffContext } from "../auth";
import { API_BASE, type ApiContext } from "../env";
import { assertIfMatch, etagOf, withEtag } from "../etag";
import { decodeSkipToken, pageOf, pageQuery, pageSchema, searchParam, sortParams } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { json, PROVIDER_ROLE, providerPaths } from "./provider";

/**
 * Plans (admin console → Plans, lib/plans): what tenants may deploy (sizes, images) and how much (quotas), on one Azure
 * subscription. Edits are synchronous and carry an ETag: send it back in If-Match and a stale write is a 412.
 */
export const planRoutes = apiRouter();
const tags = ["Plans"];
providerPaths(planRoutes, ["/provider/plans/*"]);

const dateTime = z.string().openapi({ format: "date-time" });
const params = z.object({ planId: z.string().openapi({ param: { name: "planId", in: "path" } }) });
const quotas = z.object({
  quotaVms: z.number().int(),
  quotaVcpus: z.number().int(),
  quotaPublicIps: z.number().int(),
  quotaLoadBalancers: z.number().int(),
  quotaProtectedVms: z.number().int(),
});
const subscriptionRef = z.object({ id: z.string(), displayName: z.string(), state: z.string() });
const imageChoice = z.object({ publisher: z.string(), offer: z.string(), sku: z.string(), version: z.string() });

const planSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    state: z.enum(planStates),
    offersDr: z.boolean(),
    azureSubscription: subscriptionRef,
    tenantCount: z.number().int().openapi({ description: "Tenant subscriptions not cancelled." }),
    sizeCount: z.number().int(),
    imageCount: z.number().int(),
    quotas,
    href: z.string(),
  })
  .openapi("Plan");

const planDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    state: z.enum(planStates),
    offersDr: z.boolean(),
    createdAt: dateTime,
    updatedAt: dateTime,
    azureSubscription: subscriptionRef.extend({ subscriptionId: z.string(), cloud: z.string() }),
    quotas,
    usage: quotas.openapi({ description: "The most any live tenant subscription of the plan uses." }),
    allowedSizes: z.array(z.string()),
    allowedImages: z.array(imageChoice),
    sizes: z.array(
      z.object({
        name: z.string(),
        vCpus: z.number().int().nullable(),
        memoryMb: z.number().int().nullable(),
        isOfferable: z.boolean().openapi({ description: "False when the subscription no longer offers it." }),
      }),
    ),
    images: z.array(
      imageChoice.extend({
        label: z.string(),
        osType: z.string().nullable(),
        isOffered: z.boolean().openapi({ description: "False when the catalogue no longer has it." }),
      }),
    ),
    tenantSubscriptions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        state: z.string(),
        createdAt: dateTime,
        tenant: z.object({ slug: z.string(), name: z.string(), state: z.string() }),
      }),
    ),
    liveTenantCount: z.number().int(),
    href: z.string(),
  })
  .openapi("PlanDetail");

const href = (id: string) => `${API_BASE}/provider/plans/${id}`;
const etagHeader = {
  ETag: { description: "Send it as If-Match to change the plan.", schema: { type: "string" as const } },
};

/** The plan as the plan page shows it, and its ETag (its last change). */
async function readPlan(c: ApiContext, id: string) {
  const p = await getPlanDetail(staffContext(c, PROVIDER_ROLE), id);
  const body = {
    id: p.id,
    name: p.name,
    description: p.description,
    state: p.state,
    offersDr: p.offersDr,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    azureSubscription: p.azureSubscription,
    quotas: p.quotas,
    usage: p.usage,
    allowedSizes: p.allowedSizes,
    allowedImages: p.allowedImages,
    sizes: p.sizes.map(({ name, vCpus, memoryMb, isOfferable }) => ({ name, vCpus, memoryMb, isOfferable })),
    images: p.images,
    tenantSubscriptions: p.tenantSubscriptions.map(({ tenant, ...t }) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      tenant: { slug: tenant.slug, name: tenant.name, state: tenant.state },
    })),
    liveTenantCount: p.liveTenantCount,
    href: href(p.id),
  };
  return { body, etag: etagOf(p.id, p.updatedAt) };
}

planRoutes.openapi(
  createRoute({
    method: "get",
    path: "/provider/plans",
    operationId: "listPlans",
    summary: "List the plans (admin)",
    description: "Filtered like the admin console's plan list. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      query: z.object({
        search: searchParam("Part of the name, the description or the Azure subscription's name."),
        state: z.enum(planStates).optional(),
        ...sortParams(["name", "createdAt"] as const, "name"),
        ...pageQuery,
      }),
    },
    responses: {
      200: json(pageSchema(planSchema, "PlanPage"), "A page of plans."),
      ...problemResponses(400, 401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const q = c.req.valid("query");
    const skip = decodeSkipToken(q.$skipToken);
    const { total, rows } = await listPlans(ctx, {
      q: q.search?.trim() || undefined,
      state: q.state,
      sort: q.sort,
      dir: q.dir,
      skip,
      take: q.top,
    });
    return c.json(
      pageOf(
        c,
        rows.map((p) => ({ ...p, href: href(p.id) })),
        total,
        skip,
        q.top,
      ),
      200,
    );
  },
);

planRoutes.openapi(
  createRoute({
    method: "get",
    path: "/provider/plans/{planId}",
    operationId: "getPlan",
    summary: "Read one plan (admin)",
    description: "With its sizes and images resolved against the catalogue, its usage and its tenants. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: {
      200: { ...json(planDetailSchema, "The plan."), headers: etagHeader },
      ...problemResponses(401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const { body, etag } = await readPlan(c, boundId(c.req.valid("param").planId));
    withEtag(c, etag);
    return c.json(body, 200);
  },
);

// The form's rules, taking JSON: the checkbox that reads "on" from FormData is a real boolean here.
const offersDr = z.boolean().default(false).openapi({ description: "Whether tenants may protect VMs (DR)." });
const createPlanBody = createPlanSchema.safeExtend({ offersDr }).openapi("CreatePlan", {
  description: "Sizes and images must be offered by the Azure subscription in an allowed region.",
});
const updatePlanBody = updatePlanSchema
  .omit({ id: true })
  .safeExtend({ offersDr })
  .openapi("UpdatePlan", { description: "Every field, as the edit form sends them; the state has its own route." });

planRoutes.openapi(
  createRoute({
    method: "post",
    path: "/provider/plans",
    operationId: "createPlan",
    summary: "Create a plan (admin)",
    description: "On an active Azure subscription that backs no other plan. Answers at once. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { body: { required: true, content: { "application/json": { schema: createPlanBody } } } },
    responses: {
      201: {
        ...json(planDetailSchema, "The new plan."),
        headers: { ...etagHeader, Location: { description: "The plan's URL.", schema: { type: "string" } } },
      },
      ...problemResponses(400, 401, 403, 404, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const plan = await createPlan(ctx, c.req.valid("json"));
    const { body, etag } = await readPlan(c, plan!.id);
    withEtag(c, etag);
    return c.json(body, 201, { Location: new URL(body.href, c.req.url).toString() });
  },
);

planRoutes.openapi(
  createRoute({
    method: "put",
    path: "/provider/plans/{planId}",
    operationId: "updatePlan",
    summary: "Change a plan (admin)",
    description:
      "Replaces its name, description, subscription, sizes, images, quotas and DR offer, with the edit form's rules " +
      "(quotas not below what tenants use; the subscription only while nobody subscribed). Send If-Match with the " +
      "ETag you read: 412 when the plan changed since, and nothing is written. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      params,
      headers: z.object({
        "if-match": z.string().max(200).optional().openapi({ description: "The ETag you read." }),
      }),
      body: { required: true, content: { "application/json": { schema: updatePlanBody } } },
    },
    responses: {
      200: { ...json(planDetailSchema, "The plan as saved."), headers: etagHeader },
      ...problemResponses(400, 401, 403, 404, 412, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const id = boundId(c.req.valid("param").planId);
    assertIfMatch(c, (await readPlan(c, id)).etag);
    await updatePlan(ctx, { ...c.req.valid("json"), id });
    const { body, etag } = await readPlan(c, id);
    withEtag(c, etag);
    return c.json(body, 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "put",
    path: "/provider/plans/{planId}/state",
    operationId: "setPlanState",
    summary: "Make a plan public, private or retired (admin)",
    description:
      "Public: tenants subscribe themselves; private: only admins subscribe tenants; retired: nobody new subscribes " +
      "and existing tenants keep running. If-Match is honoured as on the plan. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      params,
      headers: z.object({ "if-match": z.string().max(200).optional() }),
      body: {
        required: true,
        content: { "application/json": { schema: setPlanStateSchema.omit({ id: true }).openapi("SetPlanState") } },
      },
    },
    responses: {
      200: { ...json(planDetailSchema, "The plan in its new state."), headers: etagHeader },
      ...problemResponses(400, 401, 403, 404, 412, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const id = boundId(c.req.valid("param").planId);
    assertIfMatch(c, (await readPlan(c, id)).etag);
    await setPlanState(ctx, id, c.req.valid("json").state);
    const { body, etag } = await readPlan(c, id);
    withEtag(c, etag);
    return c.json(body, 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/provider/plans/{planId}",
    operationId: "deletePlan",
    summary: "Delete a plan nobody ever subscribed to (admin)",
    description:
      "409 once any tenant subscription used it (retire it instead); frees its Azure subscription for another plan. " +
      "If-Match is honoured. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params, headers: z.object({ "if-match": z.string().max(200).optional() }) },
    responses: { 204: { description: "Deleted." }, ...problemResponses(401, 403, 404, 409, 412, 429, 500) },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const id = boundId(c.req.valid("param").planId);
    assertIfMatch(c, (await readPlan(c, id)).etag);
    await deletePlan(ctx, id);
    return c.body(null, 204);
  },
);
