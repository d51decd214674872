import { createRoute, z } from "@hono/zod-openapi";
import { NotFound } from "@/lib/errors";
import { boundId } from "@/lib/errors/parse";
import { findPartnerConnection, listPartnerConnections, listPartnerCustomers } from "@/lib/partners/queries";
import { connectPartnerSchema, rotatePartnerSecretSchema, startOnboardingSchema } from "@/lib/partners/schema";
import {
  connectPartner,
  deletePartnerConnection,
  rotatePartnerSecret,
  startPartnerOnboarding,
  syncPartnerCustomers,
} from "@/lib/partners/service";
import { staffContext } from "../auth";
import type { ApiContext } from "../env";
import { accepted, acceptedHeaderDocs, operationSchema, readOperation } from "../operation";
import { decodeSkipToken, pageOf, pageQuery, pageSchema, searchParam } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { json, PROVIDER_ROLE, providerPaths } from "./provider";
import { credentialShape, credentialView } from "../credential";

/**
 * CSP partners (admin console → CSP partners, lib/partners): the Partner Center connections (one per partner tenant),
 * each connection's customers with their Azure plan subscriptions, and one onboarding operation per subscription
 * (follow each at /operations/{operationId}). The partner app's secret or certificate is write-only. A tenant token
 * never sees any of it (404).
 */
export const partnerRoutes = apiRouter();
const tags = ["CSP partners"];
const base = "/provider/partners";
providerPaths(partnerRoutes, [base, `${base}/*`]);
const params = z.object({ connectionId: z.string().openapi({ param: { name: "connectionId", in: "path" } }) });
const connectionIdOf = (c: { req: { valid(t: "param"): { connectionId: string } } }) =>
  boundId(c.req.valid("param").connectionId);

const dateTime = z.string().openapi({ format: "date-time" });

const connectionSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    partnerTenantId: z.string(),
    clientId: z.string(),
    ...credentialShape,
    cloud: z.string(),
    partnerCenterEndpoint: z.string().nullable(),
    state: z.enum(["validating", "active", "error"]),
    lastSyncedAt: dateTime.nullable(),
    validation: z.unknown().openapi({ description: "The last sync's outcome: customers listed, or its error." }),
    customerCount: z.number().int().optional(),
  })
  .openapi("PartnerConnection", { description: "Never the client secret or certificate: they are write-only." });

const customerSchema = z
  .object({
    tenantId: z.string(),
    companyName: z.string(),
    domain: z.string(),
    hasAzurePlan: z.boolean(),
    subscriptions: z.array(
      z.object({
        subscriptionId: z.string(),
        friendlyName: z.string(),
        status: z.string(),
        onboarded: z.object({ id: z.string(), state: z.string() }).nullable().openapi({
          description: "The portal's Azure subscription when it is onboarded (see /provider/azure-subscriptions).",
        }),
        operation: z.object({ id: z.string(), state: z.string() }).nullable(),
      }),
    ),
  })
  .openapi("PartnerCustomer");

type ConnectionView = NonNullable<Awaited<ReturnType<typeof findPartnerConnection>>> & { customerCount?: number };
const view = (conn: ConnectionView) => ({
  id: conn.id,
  displayName: conn.displayName,
  partnerTenantId: conn.partnerTenantId,
  clientId: conn.clientId,
  ...credentialView(conn),
  cloud: conn.cloud,
  partnerCenterEndpoint: conn.partnerCenterEndpoint,
  state: conn.state,
  lastSyncedAt: conn.lastSyncedAt?.toISOString() ?? null,
  validation: conn.validation,
  ...(conn.customerCount !== undefined ? { customerCount: conn.customerCount } : {}),
});

async function readConnection(c: ApiContext, connectionId: string) {
  const conn = await findPartnerConnection(staffContext(c, PROVIDER_ROLE), connectionId);
  if (!conn) throw new NotFound("Partner Center connection");
  return view(conn);
}

const syncAccepted = {
  202: { ...json(operationSchema, "The partner.sync operation."), headers: acceptedHeaderDocs },
};

partnerRoutes.openapi(
  createRoute({
    method: "get",
    path: base,
    operationId: "listPartnerConnections",
    summary: "List the Partner Center connections (admin)",
    description: "One per partner tenant and cloud, by name. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      query: z.object({ search: searchParam("Part of the name, partner tenant id or app id."), ...pageQuery }),
    },
    responses: {
      200: json(pageSchema(connectionSchema, "PartnerConnectionPage"), "A page of connections."),
      ...problemResponses(400, 401, 403, 429, 500),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const skip = decodeSkipToken(q.$skipToken);
    const top = Math.min(q.top, 100);
    const { items, total } = await listPartnerConnections(staffContext(c, PROVIDER_ROLE), {
      q: q.search,
      page: Math.floor(skip / top) + 1,
      pageSize: top,
    });
    return c.json(pageOf(c, items.map(view), total, skip, top), 200);
  },
);

partnerRoutes.openapi(
  createRoute({
    method: "get",
    path: `${base}/{connectionId}`,
    operationId: "getPartnerConnection",
    summary: "Read a Partner Center connection (admin)",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: { 200: json(connectionSchema, "The connection."), ...problemResponses(401, 403, 404, 429, 500) },
  }),
  async (c) => c.json(await readConnection(c, connectionIdOf(c)), 200),
);

// clone(): zod 4 gives .openapi() only to schemas made after @hono/zod-openapi loaded, and lib/ may load first.
const connectBody = connectPartnerSchema.clone().openapi("ConnectPartner", {
  description:
    "The partner's multi-tenant app registered in Partner Center. `cloud` Custom needs the three endpoints (https). " +
    "`credentialKind` secret (default) with `clientSecret`, or certificate with `certificate` (PEM of the certificate " +
    "and its unencrypted private key); sealed at once and never returned.",
});

partnerRoutes.openapi(
  createRoute({
    method: "post",
    path: base,
    operationId: "connectPartner",
    summary: "Add a Partner Center connection (admin)",
    description:
      "Saves the connection (replacing the one of the same partner tenant and cloud, if any; adding it beside the " +
      "others otherwise) and starts partner.sync, which lists the customers and their Azure plans; the connection " +
      "becomes active when it succeeds. The operation's target is the connection. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { body: { required: true, content: { "application/json": { schema: connectBody } } } },
    responses: { ...syncAccepted, ...problemResponses(400, 401, 403, 404, 422, 429, 500) },
  }),
  async (c) => {
    const { operationId } = await connectPartner(staffContext(c, PROVIDER_ROLE), c.req.valid("json"));
    return accepted(c, await readOperation({ kind: "staff" }, operationId));
  },
);

partnerRoutes.openapi(
  createRoute({
    method: "post",
    path: `${base}/{connectionId}/sync`,
    operationId: "syncPartnerCustomers",
    summary: "List the customers from Partner Center again (admin)",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: { ...syncAccepted, ...problemResponses(401, 403, 404, 422, 429, 500) },
  }),
  async (c) => {
    const op = await syncPartnerCustomers(staffContext(c, PROVIDER_ROLE), connectionIdOf(c));
    return accepted(c, await readOperation({ kind: "staff" }, op.id));
  },
);

partnerRoutes.openapi(
  createRoute({
    method: "post",
    path: `${base}/{connectionId}/rotate-secret`,
    operationId: "rotatePartnerSecret",
    summary: "Replace the partner app's secret or certificate (admin)",
    description:
      "Either kind, whatever the current one is. Sealed, never echoed; subscriptions onboarded with the app get it " +
      "too. Starts partner.sync to check it. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      params,
      body: {
        required: true,
        content: { "application/json": { schema: rotatePartnerSecretSchema.clone().openapi("RotatePartnerSecret") } },
      },
    },
    responses: { ...syncAccepted, ...problemResponses(400, 401, 403, 404, 422, 429, 500) },
  }),
  async (c) => {
    const op = await rotatePartnerSecret(staffContext(c, PROVIDER_ROLE), connectionIdOf(c), c.req.valid("json"));
    return accepted(c, await readOperation({ kind: "staff" }, op.id));
  },
);

partnerRoutes.openapi(
  createRoute({
    method: "get",
    path: `${base}/{connectionId}/customers`,
    operationId: "listPartnerCustomers",
    summary: "List the partner's customers and their Azure plan subscriptions (admin)",
    description: "As Partner Center last listed them, each subscription marked onboarded or onboarding. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      params,
      query: z.object({ search: searchParam("Part of the company name, domain or tenant id."), ...pageQuery }),
    },
    responses: {
      200: json(pageSchema(customerSchema, "PartnerCustomerPage"), "A page of customers."),
      ...problemResponses(400, 401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const skip = decodeSkipToken(q.$skipToken);
    // The service pages by page number; the API's skip is always a multiple of its page size.
    const page = Math.floor(skip / q.top) + 1;
    const ctx = staffContext(c, PROVIDER_ROLE);
    const connectionId = connectionIdOf(c);
    if (!(await findPartnerConnection(ctx, connectionId))) throw new NotFound("Partner Center connection");
    const { items, total } = await listPartnerCustomers(ctx, connectionId, {
      q: q.search,
      page,
      pageSize: Math.min(q.top, 100),
    });
    const rows = items.map(({ id: _id, ...customer }) => customer);
    return c.json(pageOf(c, rows, total, skip, Math.min(q.top, 100)), 200);
  },
);

const onboardBody = startOnboardingSchema.clone().openapi("StartPartnerOnboarding", {
  description:
    "Customers' Azure plan subscriptions to onboard, each its own partner.onboardSubscription operation. `role` is " +
    "Contributor unless Owner is asked for with a `reason`.",
});
const startedSchema = z
  .object({ value: z.array(operationSchema) })
  .openapi("PartnerOnboardings", { description: "One operation per subscription, in the order asked." });

partnerRoutes.openapi(
  createRoute({
    method: "post",
    path: `${base}/{connectionId}/onboardings`,
    operationId: "startPartnerOnboarding",
    summary: "Onboard customers' subscriptions (admin)",
    description:
      "Consent, service principal, role assignment, onboarding and validation, one operation each; follow them at " +
      "their href. A customer without an Azure plan, a subscription not under it or already onboarded is a 400 " +
      "naming it, and nothing starts. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params, body: { required: true, content: { "application/json": { schema: onboardBody } } } },
    responses: {
      202: json(startedSchema, "The operations, one per subscription."),
      ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const started = await startPartnerOnboarding(
      staffContext(c, PROVIDER_ROLE),
      connectionIdOf(c),
      c.req.valid("json"),
    );
    const value = await Promise.all(started.map((s) => readOperation({ kind: "staff" }, s.operationId)));
    return c.json({ value }, 202);
  },
);

partnerRoutes.openapi(
  createRoute({
    method: "delete",
    path: `${base}/{connectionId}`,
    operationId: "deletePartnerConnection",
    summary: "Delete a Partner Center connection (admin)",
    description:
      "Forgets the partner's app, its sealed credential and its customer list. Subscriptions onboarded through it " +
      "stay onboarded. 409 while a sync or onboarding of it is under way. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: { 204: { description: "Deleted." }, ...problemResponses(401, 403, 404, 409, 429, 500) },
  }),
  async (c) => {
    await deletePartnerConnection(staffContext(c, PROVIDER_ROLE), connectionIdOf(c));
    return c.body(null, 204);
  },
);
