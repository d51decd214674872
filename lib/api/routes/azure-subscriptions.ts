import { createRoute, z } from "@hono/zod-openapi";
import { boundId } from "@/lib/errors/parse";
import {
  getSubscriptionDetail,
  listSubscriptions,
  subscriptionSorts,
  subscriptionStates,
} from "@/lib/subscriptions/queries";
import { newCredentialSchema } from "@/lib/subscriptions/credential-schema";
import { clouds, onboardSubscriptionSchema } from "@/lib/subscriptions/schema";
import {
  deleteSubscription,
  onboardSubscription,
  registerMissingProviders,
  rotateSecret,
  setSubscriptionEnabled,
  validateAgain,
} from "@/lib/subscriptions/service";
import { staffContext } from "../auth";
import { credentialShape, credentialView } from "../credential";
import { API_BASE, type ApiContext } from "../env";
import { accepted, acceptedHeaderDocs, operationSchema, readOperation } from "../operation";
import { decodeSkipToken, pageOf, pageQuery, pageSchema, searchParam, sortParams } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { json, PROVIDER_ROLE, providerPaths } from "./provider";

/**
 * The Azure subscriptions behind the plans (admin console → Azure subscriptions, lib/subscriptions): onboard, validate
 * again, rotate the secret, enable/disable, register missing resource providers, delete. The client secret is
 * write-only: no answer ever holds it. (The tenant's own subscriptions to plans are routes/subscriptions.ts.)
 */
export const azureSubscriptionRoutes = apiRouter();
const tags = ["Azure subscriptions"];
const base = "/provider/azure-subscriptions";
providerPaths(azureSubscriptionRoutes, [`${base}/*`]);

const dateTime = z.string().openapi({ format: "date-time" });
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const params = z.object({ subscriptionId: z.string().openapi({ param: { name: "subscriptionId", in: "path" } }) });
const planRef = z.object({ id: z.string(), name: z.string(), state: z.string() }).nullable();

const azureSubscriptionSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    cloud: z.enum(clouds),
    subscriptionId: z.string().openapi({ description: "Azure's subscription id (a GUID)." }),
    directoryId: z.string(),
    ...credentialShape,
    state: z.enum(subscriptionStates),
    lastValidatedAt: dateTime.nullable(),
    createdAt: dateTime,
    plan: planRef.openapi({ description: "The plan this subscription backs, if any." }),
    usage: z.object({
      regions: z.array(z.string()),
      vCpusUsed: z.number().int(),
      vCpusLimit: z.number().int(),
    }),
    href: z.string(),
  })
  .openapi("AzureSubscription");

const checkSchema = z.object({ name: z.string(), ok: z.boolean(), message: z.string(), code: z.string().optional() });
const azureSubscriptionDetailSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    cloud: z.enum(clouds),
    armEndpoint: z.string().nullable(),
    authorityHost: z.string().nullable(),
    caCertificate: z.string().nullable(),
    subscriptionId: z.string(),
    directoryId: z.string(),
    clientId: z.string(),
    ...credentialShape,
    state: z.enum(subscriptionStates),
    lastValidatedAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    plan: z
      .object({ id: z.string(), name: z.string(), state: z.string(), tenantSubscriptions: z.number().int() })
      .nullable(),
    validation: z
      .object({
        ok: z.boolean(),
        checkedAt: z.string(),
        checks: z.array(checkSchema),
        unregisteredProviders: z.array(z.string()),
      })
      .nullable()
      .openapi({ description: "The last validation's checks (Azure's messages, masked)." }),
    discovery: z.object({
      regions: z.array(z.object({ name: z.string(), displayName: z.string() })),
      sizes: z.number().int().openapi({ description: "VM sizes discovered." }),
      images: z.number().int().openapi({ description: "Images discovered." }),
    }),
    href: z.string(),
  })
  .openapi("AzureSubscriptionDetail", {
    description: "Never the client secret or the certificate's key: they are write-only.",
  });

const href = (id: string) => `${API_BASE}${base}/${id}`;

async function readDetail(c: ApiContext, id: string) {
  const d = await getSubscriptionDetail(staffContext(c, PROVIDER_ROLE), id);
  return {
    id: d.id,
    displayName: d.displayName,
    cloud: d.cloud,
    armEndpoint: d.armEndpoint,
    authorityHost: d.authorityHost,
    caCertificate: d.caCertificate,
    subscriptionId: d.subscriptionId,
    directoryId: d.directoryId,
    clientId: d.clientId,
    ...credentialView(d),
    state: d.state,
    lastValidatedAt: iso(d.lastValidatedAt),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    plan: d.plan && {
      id: d.plan.id,
      name: d.plan.name,
      state: d.plan.state,
      tenantSubscriptions: d.plan._count.tenantSubscriptions,
    },
    validation: d.validation,
    discovery: { regions: d.discovery.regions, sizes: d.discovery.sizes.length, images: d.discovery.images.length },
    href: href(d.id),
  };
}

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "get",
    path: base,
    operationId: "listAzureSubscriptions",
    summary: "List the onboarded Azure subscriptions (admin)",
    description: "Filtered and sorted like the admin console's list. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      query: z.object({
        search: searchParam("Part of the name, the subscription or directory id, or the plan's name."),
        state: z.enum(subscriptionStates).optional(),
        ...sortParams(subscriptionSorts, "name"),
        ...pageQuery,
      }),
    },
    responses: {
      200: json(pageSchema(azureSubscriptionSchema, "AzureSubscriptionPage"), "A page of Azure subscriptions."),
      ...problemResponses(400, 401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const q = c.req.valid("query");
    const skip = decodeSkipToken(q.$skipToken);
    const { total, rows } = await listSubscriptions(ctx, {
      q: q.search,
      state: q.state,
      sort: q.sort,
      dir: q.dir,
      skip,
      take: q.top,
    });
    const items = rows.map(({ certificateThumbprint, certificateSubject, certificateNotAfter, ...s }) => ({
      ...s,
      ...credentialView({ ...s, certificateThumbprint, certificateSubject, certificateNotAfter }),
      lastValidatedAt: iso(s.lastValidatedAt),
      createdAt: s.createdAt.toISOString(),
      href: href(s.id),
    }));
    return c.json(pageOf(c, items, total, skip, q.top), 200);
  },
);

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "get",
    path: `${base}/{subscriptionId}`,
    operationId: "getAzureSubscription",
    summary: "Read one Azure subscription (admin)",
    description: "Its endpoints, last validation and discovered regions; never its secret. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: {
      200: json(azureSubscriptionDetailSchema, "The subscription."),
      ...problemResponses(401, 403, 404, 429, 500),
    },
  }),
  async (c) => c.json(await readDetail(c, boundId(c.req.valid("param").subscriptionId)), 200),
);

// clone(): zod 4 gives .openapi() only to schemas made after @hono/zod-openapi loaded, and lib/ may load first.
const onboardBody = onboardSubscriptionSchema.clone().openapi("OnboardAzureSubscription", {
  description:
    "A service principal's credentials for one subscription. `armEndpoint` and `authorityHost` are needed (https) " +
    "for the Custom cloud only. `credentialKind` secret (default) with `clientSecret`, or certificate with " +
    "`certificate` (PEM of the certificate and its unencrypted private key); sealed at once and never returned.",
});

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "post",
    path: base,
    operationId: "onboardAzureSubscription",
    summary: "Onboard an Azure subscription (admin)",
    description:
      "Saves it as validating and starts the subscription.validate operation (sign-in, role, resource providers, " +
      "regions, sizes and images); it becomes active when the validation passes. The operation's target.id is the " +
      "new subscription's id. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { body: { required: true, content: { "application/json": { schema: onboardBody } } } },
    responses: {
      202: { ...json(operationSchema, "The subscription.validate operation."), headers: acceptedHeaderDocs },
      ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const { operationId } = await onboardSubscription(ctx, c.req.valid("json"));
    return accepted(c, await readOperation({ kind: "staff" }, operationId));
  },
);

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "post",
    path: `${base}/{subscriptionId}/validate`,
    operationId: "validateAzureSubscription",
    summary: "Validate an Azure subscription again (admin)",
    description: "409 when it is disabled. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: {
      202: { ...json(operationSchema, "The subscription.validate operation."), headers: acceptedHeaderDocs },
      ...problemResponses(401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const op = await validateAgain(ctx, boundId(c.req.valid("param").subscriptionId));
    return accepted(c, await readOperation({ kind: "staff" }, op.id));
  },
);

const rotateBody = newCredentialSchema.clone().openapi("RotateAzureSubscriptionSecret", {
  description: "A new client secret, or a certificate (PEM of certificate and private key); switching kind is allowed.",
});

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "post",
    path: `${base}/{subscriptionId}/rotate-secret`,
    operationId: "rotateAzureSubscriptionSecret",
    summary: "Replace the client secret (admin)",
    description:
      "The new secret is sealed and never echoed. An enabled subscription is validated again with it (202 with the " +
      "operation); a disabled one just keeps it (200 with the subscription). Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params, body: { required: true, content: { "application/json": { schema: rotateBody } } } },
    responses: {
      200: json(azureSubscriptionDetailSchema, "Saved; the subscription is disabled, so nothing was validated."),
      202: { ...json(operationSchema, "The subscription.validate operation."), headers: acceptedHeaderDocs },
      ...problemResponses(400, 401, 403, 404, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const id = boundId(c.req.valid("param").subscriptionId);
    const op = await rotateSecret(ctx, id, c.req.valid("json"));
    if (op) return accepted(c, await readOperation({ kind: "staff" }, op.id));
    return c.json(await readDetail(c, id), 200);
  },
);

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "post",
    path: `${base}/{subscriptionId}/enable`,
    operationId: "enableAzureSubscription",
    summary: "Enable an Azure subscription (admin)",
    description: "It is validated again and becomes active when the validation passes. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: {
      202: { ...json(operationSchema, "The subscription.validate operation."), headers: acceptedHeaderDocs },
      ...problemResponses(401, 403, 404, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const op = await setSubscriptionEnabled(ctx, boundId(c.req.valid("param").subscriptionId), true);
    return accepted(c, await readOperation({ kind: "staff" }, op!.id));
  },
);

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "post",
    path: `${base}/{subscriptionId}/disable`,
    operationId: "disableAzureSubscription",
    summary: "Disable an Azure subscription (admin)",
    description:
      "Nothing new is deployed to it and it is not validated until it is enabled again; tenants' resources keep " +
      "running. Answers at once with the subscription. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: {
      200: json(azureSubscriptionDetailSchema, "The subscription, now disabled."),
      ...problemResponses(401, 403, 404, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const id = boundId(c.req.valid("param").subscriptionId);
    await setSubscriptionEnabled(ctx, id, false);
    return c.json(await readDetail(c, id), 200);
  },
);

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "post",
    path: `${base}/{subscriptionId}/register-providers`,
    operationId: "registerAzureSubscriptionProviders",
    summary: "Register the missing resource providers (admin)",
    description:
      "Registers the providers the last validation found missing, then validates again; 409 when none is missing. " +
      "Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: {
      202: {
        ...json(operationSchema, "The subscription.registerProviders operation."),
        headers: acceptedHeaderDocs,
      },
      ...problemResponses(401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const op = await registerMissingProviders(ctx, boundId(c.req.valid("param").subscriptionId));
    return accepted(c, await readOperation({ kind: "staff" }, op.id));
  },
);

azureSubscriptionRoutes.openapi(
  createRoute({
    method: "delete",
    path: `${base}/{subscriptionId}`,
    operationId: "deleteAzureSubscription",
    summary: "Remove an Azure subscription from the portal (admin)",
    description:
      "Forgets it and its sealed secret; nothing in Azure is touched. 409 while a plan uses it. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params },
    responses: {
      204: { description: "Removed." },
      ...problemResponses(401, 403, 404, 409, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    await deleteSubscription(ctx, boundId(c.req.valid("param").subscriptionId));
    return c.body(null, 204);
  },
);
