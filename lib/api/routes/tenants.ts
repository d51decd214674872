import { createRoute, z } from "@hono/zod-openapi";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import { boundId, parseBound, urlSlug } from "@/lib/errors/parse";
import { getTenantDetail, listTenants } from "@/lib/tenancy/queries";
import { createTenantSchema, subscribeSchema, tenantRoles, tenantStates } from "@/lib/tenancy/schema";
import { createTenant, setTenantState } from "@/lib/tenancy/service";
import { cancelTenantSubscription, subscribeTenantToPlan } from "@/lib/tenancy/subscriptions";
import { staffContext } from "../auth";
import { API_BASE, type ApiContext } from "../env";
import { accepted, acceptedHeaderDocs, operationSchema, readOperation } from "../operation";
import { decodeSkipToken, pageOf, pageQuery, pageSchema, searchParam, sortParams } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { json, passwordAnswerNote, PROVIDER_ROLE, providerPaths, refuseIdempotencyKey } from "./provider";
import { tenantParam } from "./vm-schemas";

/**
 * The provider's tenants (admin console → Tenants, lib/tenancy): list, read, create (with a first owner), suspend,
 * reactivate, and their subscriptions to plans (subscribe, cancel). Members are in members.ts. A tenant is named by
 * its slug, as in the tenant's own routes; those (`/tenants/{tenant}/…`) take the tenant's tokens, these under
 * /provider admin tokens.
 */
export const tenantRoutes = apiRouter();
const tags = ["Tenants"];
providerPaths(tenantRoutes, [
  "/provider/tenants",
  "/provider/tenants/:tenant",
  "/provider/tenants/:tenant/suspend",
  "/provider/tenants/:tenant/reactivate",
  "/provider/tenants/:tenant/plan-subscriptions/*",
]);
refuseIdempotencyKey(tenantRoutes, ["/provider/tenants"]);

const dateTime = z.string().openapi({ format: "date-time" });
const iso = (d: Date) => d.toISOString();
export const tenantHref = (slug: string) => `${API_BASE}/provider/tenants/${slug}`;

/** The tenant named in a provider route (a malformed or unknown slug is a 404, never a database error). */
export async function providerTenant(slug: string) {
  const tenant = await db.tenant.findUnique({
    where: { slug: parseBound(urlSlug, slug) },
    select: { id: true, slug: true },
  });
  if (!tenant) throw new NotFound("Tenant");
  return tenant;
}

const tenantSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    state: z.enum(tenantStates),
    createdAt: dateTime,
    members: z.number().int(),
    subscriptions: z.number().int().openapi({ description: "Subscriptions to plans, not cancelled." }),
    href: z.string(),
  })
  .openapi("Tenant");

export const memberSchema = z
  .object({
    id: z.string().openapi({ description: "The membership's id (members routes take it)." }),
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(tenantRoles),
    disabled: z.boolean(),
    lastLoginAt: dateTime.nullable(),
    createdAt: dateTime,
  })
  .openapi("TenantMember");

const planSubscriptionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.string().openapi({ example: "active" }),
    resourceGroup: z.string(),
    location: z.string(),
    createdAt: dateTime,
    plan: z.object({ id: z.string(), name: z.string(), state: z.string() }),
    lastOperation: z
      .object({ id: z.string(), kind: z.string(), state: z.string(), href: z.string() })
      .nullable()
      .openapi({ description: "The newest provisioning or cancelling operation." }),
  })
  .openapi("PlanSubscription");

const tenantDetailSchema = tenantSchema
  .omit({ members: true, subscriptions: true })
  .extend({
    updatedAt: dateTime,
    members: z.array(memberSchema),
    subscriptions: z.array(planSubscriptionSchema),
  })
  .openapi("TenantDetail");

type Member = Awaited<ReturnType<typeof getTenantDetail>>["members"][number];
export const toApiMember = (m: Member) => ({
  id: m.id,
  userId: m.userId,
  email: m.email,
  name: m.name,
  role: m.role,
  disabled: m.disabled,
  lastLoginAt: m.lastLoginAt?.toISOString() ?? null,
  createdAt: iso(m.createdAt),
});

async function readTenant(c: ApiContext, tenantId: string) {
  const t = await getTenantDetail(staffContext(c, PROVIDER_ROLE), tenantId);
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    state: t.state,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    href: tenantHref(t.slug),
    members: t.members.map(toApiMember),
    subscriptions: t.subscriptions.map(({ lastOperation: op, ...s }) => ({
      ...s,
      createdAt: iso(s.createdAt),
      lastOperation: op && { id: op.id, kind: op.kind, state: op.state, href: `${API_BASE}/operations/${op.id}` },
    })),
  };
}

const tenantPath = z.object({ tenant: tenantParam });

tenantRoutes.openapi(
  createRoute({
    method: "get",
    path: "/provider/tenants",
    operationId: "listTenants",
    summary: "List the tenants (admin)",
    description: "Filtered and sorted like the admin console's tenant list. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      query: z.object({
        search: searchParam("Part of the name, the slug or a member's email."),
        state: z.enum(tenantStates).optional(),
        ...sortParams(["name", "createdAt"] as const, "name"),
        ...pageQuery,
      }),
    },
    responses: {
      200: json(pageSchema(tenantSchema, "TenantPage"), "A page of tenants."),
      ...problemResponses(400, 401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const q = c.req.valid("query");
    const skip = decodeSkipToken(q.$skipToken);
    const { total, rows } = await listTenants(ctx, {
      q: q.search?.trim() || undefined,
      state: q.state,
      sort: q.sort,
      dir: q.dir,
      skip,
      take: q.top,
    });
    const items = rows.map((t) => ({ ...t, createdAt: iso(t.createdAt), href: tenantHref(t.slug) }));
    return c.json(pageOf(c, items, total, skip, q.top), 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: "get",
    path: "/provider/tenants/{tenant}",
    operationId: "getTenant",
    summary: "Read one tenant (admin)",
    description: "With its members and its subscriptions to plans, as the tenant's admin page shows them. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params: tenantPath },
    responses: { 200: json(tenantDetailSchema, "The tenant."), ...problemResponses(401, 403, 404, 429, 500) },
  }),
  async (c) => {
    staffContext(c, PROVIDER_ROLE);
    const { id } = await providerTenant(c.req.valid("param").tenant);
    return c.json(await readTenant(c, id), 200);
  },
);

const credentialSchema = z
  .object({ email: z.string(), name: z.string(), oneTimePassword: z.string() })
  .openapi("OneTimeCredential", {
    description:
      "A new user's one-time password, shown this once (only its hash is stored); they choose their own at first " +
      "sign-in. Hand it over out of band.",
  });

// clone(): zod 4 gives .openapi() only to schemas made after @hono/zod-openapi loaded, and lib/ may load first.
const createTenantBody = createTenantSchema.clone().openapi("CreateTenant", {
  description:
    "The slug (the tenant's address) is derived from the name when omitted. With ownerEmail, that person becomes " +
    "the first owner; a new user also needs ownerName.",
});

tenantRoutes.openapi(
  createRoute({
    method: "post",
    path: "/provider/tenants",
    operationId: "createTenant",
    summary: "Create a tenant (admin)",
    description:
      "Optionally with a first owner. When the owner is a new user, the answer holds their one-time password once. " +
      "Admin token. " +
      passwordAnswerNote,
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { body: { required: true, content: { "application/json": { schema: createTenantBody } } } },
    responses: {
      201: {
        ...json(
          z
            .object({
              tenant: tenantDetailSchema,
              owner: z.object({ email: z.string(), name: z.string(), isNew: z.boolean() }).nullable(),
              credential: credentialSchema.nullable(),
            })
            .openapi("CreatedTenant"),
          "The tenant, its owner and (for a new user) the one-time password.",
        ),
        headers: { Location: { description: "The tenant's URL.", schema: { type: "string" } } },
      },
      ...problemResponses(400, 401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const created = await createTenant(ctx, c.req.valid("json"));
    const tenant = await readTenant(c, created.id);
    return c.json({ tenant, owner: created.owner, credential: created.credential }, 201, {
      Location: new URL(tenant.href, c.req.url).toString(),
    });
  },
);

for (const [verb, state] of [
  ["suspend", "suspended"],
  ["reactivate", "active"],
] as const) {
  tenantRoutes.openapi(
    createRoute({
      method: "post",
      path: `/provider/tenants/{tenant}/${verb}`,
      operationId: `${verb}Tenant`,
      summary: verb === "suspend" ? "Suspend a tenant (admin)" : "Reactivate a suspended tenant (admin)",
      description:
        (verb === "suspend"
          ? "Its members' sessions end; they and its tokens can read but change nothing until it is reactivated. "
          : "Its members and tokens can change things again. ") +
        "409 when it already is. Answers at once. Admin token.",
      tags,
      security: bearerSecurity,
      ...requires("admin"),
      request: { params: tenantPath },
      responses: {
        200: json(tenantDetailSchema, "The tenant in its new state."),
        ...problemResponses(401, 403, 404, 409, 422, 429, 500),
      },
    }),
    async (c) => {
      const ctx = staffContext(c, PROVIDER_ROLE);
      const { id } = await providerTenant(c.req.valid("param").tenant);
      await setTenantState(ctx, id, state);
      return c.json(await readTenant(c, id), 200);
    },
  );
}

tenantRoutes.openapi(
  createRoute({
    method: "get",
    path: "/provider/tenants/{tenant}/plan-subscriptions",
    operationId: "listTenantPlanSubscriptions",
    summary: "List a tenant's subscriptions to plans (admin)",
    description: "Cancelled ones too, for the record, each with its newest operation. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params: tenantPath },
    responses: {
      200: json(z.object({ value: z.array(planSubscriptionSchema) }), "The subscriptions."),
      ...problemResponses(401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    staffContext(c, PROVIDER_ROLE);
    const { id } = await providerTenant(c.req.valid("param").tenant);
    return c.json({ value: (await readTenant(c, id)).subscriptions }, 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: "post",
    path: "/provider/tenants/{tenant}/plan-subscriptions",
    operationId: "subscribeTenantToPlan",
    summary: "Subscribe a tenant to a plan (admin)",
    description:
      "Any plan that is not retired, private ones included, on an active Azure subscription; its resource group is " +
      "provisioned by the tenantSubscription.provision operation. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      params: tenantPath,
      body: {
        required: true,
        content: { "application/json": { schema: subscribeSchema.clone().openapi("SubscribeTenant") } },
      },
    },
    responses: {
      202: { ...json(operationSchema, "The provisioning operation."), headers: acceptedHeaderDocs },
      ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const { id } = await providerTenant(c.req.valid("param").tenant);
    const input = c.req.valid("json");
    const sub = await subscribeTenantToPlan(ctx.user, {
      tenantId: id,
      planId: input.planId,
      name: input.name,
      selfService: false,
    });
    return accepted(c, await readOperation({ kind: "staff" }, sub.operationId));
  },
);

tenantRoutes.openapi(
  createRoute({
    method: "post",
    path: "/provider/tenants/{tenant}/plan-subscriptions/{subscriptionId}/cancel",
    operationId: "cancelTenantPlanSubscription",
    summary: "Cancel a tenant's subscription to a plan (admin)",
    description:
      "Deletes its resource group in Azure, and everything in it, as the tenantSubscription.deprovision operation. " +
      "409 unless it is active. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      params: tenantPath.extend({
        subscriptionId: z.string().openapi({ param: { name: "subscriptionId", in: "path" } }),
      }),
    },
    responses: {
      202: { ...json(operationSchema, "The deprovisioning operation."), headers: acceptedHeaderDocs },
      ...problemResponses(401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const { tenant, subscriptionId } = c.req.valid("param");
    const { id } = await providerTenant(tenant);
    const op = await cancelTenantSubscription(ctx.user, boundId(subscriptionId), { tenantId: id });
    return accepted(c, await readOperation({ kind: "staff" }, op.id));
  },
);
