import { createRoute, z } from "@hono/zod-openapi";
import type { WebhookDeliveryState } from "@/lib/db/client";
import { providerWebhooks, tenantWebhooks } from "@/lib/webhooks/owner";
import { getEndpoint, listDeliveries, listEndpoints } from "@/lib/webhooks/queries";
import {
  createEndpoint,
  deleteEndpoint,
  redeliver,
  rotateSecret,
  sendTestEvent,
  setEndpointEnabled,
  updateEndpoint,
} from "@/lib/webhooks/service";
import { staffContext, tenantContext } from "../auth";
import type { ApiContext } from "../env";
import { decodeSkipToken, pageOf, pageQuery, pageSchema } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { json, refuseIdempotencyKey } from "./provider";
import { tenantParam } from "./vm-schemas";
import {
  signingSecretSchema,
  toApiDelivery,
  toApiEndpoint,
  webhookDeliverySchema,
  webhookEndpointBody,
  webhookEndpointSchema,
} from "./webhook-schemas";

/**
 * Webhook endpoints (lib/webhooks), the same services as the Webhooks pages: the provider's at /provider/webhooks
 * (admin tokens; they receive every tenant's events) and a tenant's at /tenants/{tenant}/webhooks (owner tokens; that
 * tenant's events only). Each route is registered once per scope.
 */
export const webhookRoutes = apiRouter();
const tags = ["Webhooks"];
const secretNote =
  "Idempotency-Key is refused (400): the answer holds a signing secret, which is never stored in clear.";
refuseIdempotencyKey(webhookRoutes, [
  "/provider/webhooks",
  "/provider/webhooks/:id/rotate-secret",
  "/tenants/:tenant/webhooks",
  "/tenants/:tenant/webhooks/:id/rotate-secret",
]);

const idParam = z.string().openapi({ param: { name: "id", in: "path" }, description: "The endpoint's id." });
const deliveryParam = z
  .string()
  .openapi({ param: { name: "deliveryId", in: "path" }, description: "The delivery's id." });

const scopes = {
  provider: {
    base: "/provider/webhooks",
    role: "admin",
    name: "Provider",
    who: "the provider's",
    params: z.object({}),
    idParams: z.object({ id: idParam }),
    deliveryParams: z.object({ id: idParam, deliveryId: deliveryParam }),
  },
  tenant: {
    base: "/tenants/{tenant}/webhooks",
    role: "owner",
    name: "Tenant",
    who: "the tenant's",
    params: z.object({ tenant: tenantParam }),
    idParams: z.object({ tenant: tenantParam, id: idParam }),
    deliveryParams: z.object({ tenant: tenantParam, id: idParam, deliveryId: deliveryParam }),
  },
} as const;
type Scope = keyof typeof scopes;

async function ownerOf(c: ApiContext, scope: Scope) {
  if (scope === "provider") return providerWebhooks(staffContext(c, "admin"));
  return tenantWebhooks(await tenantContext(c, c.req.param("tenant") ?? "", "owner"));
}
const param = (c: ApiContext, name: string) => c.req.param(name) ?? "";

const endpointPage = pageSchema(webhookEndpointSchema, "WebhookEndpointPage");
const deliveryPage = pageSchema(webhookDeliverySchema, "WebhookDeliveryPage");
const deliveryQuery = z.object({
  ...pageQuery,
  state: z
    .enum(["pending", "succeeded", "failed"])
    .optional()
    .openapi({ description: "Only deliveries in this state." }),
});

for (const scope of Object.keys(scopes) as Scope[]) {
  const s = scopes[scope];
  const common = { tags, security: bearerSecurity, ...requires(s.role) };
  const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ ...common, ...r });

  webhookRoutes.openapi(
    route({
      method: "get",
      path: s.base,
      operationId: `list${s.name}Webhooks`,
      summary: `List ${s.who} webhook endpoints`,
      request: { params: s.params, query: z.object(pageQuery) },
      responses: { 200: json(endpointPage, "A page of endpoints."), ...problemResponses(400, 401, 403, 404, 429, 500) },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      const owner = await ownerOf(ctx, scope);
      const q = c.req.valid("query" as never) as { top: number; $skipToken?: string };
      const skip = decodeSkipToken(q.$skipToken);
      const { total, rows } = await listEndpoints(owner, { skip, take: q.top });
      return c.json(pageOf(ctx, rows.map(toApiEndpoint), total, skip, q.top), 200);
    },
  );

  webhookRoutes.openapi(
    route({
      method: "post",
      path: s.base,
      operationId: `create${s.name}Webhook`,
      summary: `Add a webhook endpoint (${s.who})`,
      description:
        "The URL is refused (400, naming `url`) when it is not https outside demo mode, carries credentials, or " +
        "resolves to a private, loopback, link-local or metadata address the admin allow-list does not permit. " +
        secretNote,
      request: {
        params: s.params,
        body: { required: true, content: { "application/json": { schema: webhookEndpointBody } } },
      },
      responses: {
        201: json(signingSecretSchema, "The endpoint and its signing secret, shown this once."),
        ...problemResponses(400, 401, 403, 404, 429, 500),
      },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      const owner = await ownerOf(ctx, scope);
      const created = await createEndpoint(owner, c.req.valid("json" as never) as z.infer<typeof webhookEndpointBody>);
      const endpoint = await getEndpoint(owner, created.id);
      return c.json({ endpoint: toApiEndpoint(endpoint), secret: created.secret }, 201);
    },
  );

  webhookRoutes.openapi(
    route({
      method: "get",
      path: `${s.base}/{id}`,
      operationId: `get${s.name}Webhook`,
      summary: `Get one of ${s.who} webhook endpoints`,
      request: { params: s.idParams },
      responses: { 200: json(webhookEndpointSchema, "The endpoint."), ...problemResponses(401, 403, 404, 429, 500) },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      return c.json(toApiEndpoint(await getEndpoint(await ownerOf(ctx, scope), param(ctx, "id"))), 200);
    },
  );

  webhookRoutes.openapi(
    route({
      method: "put",
      path: `${s.base}/{id}`,
      operationId: `update${s.name}Webhook`,
      summary: `Change a webhook endpoint's URL, description and event types (${s.who})`,
      description: "A new URL is checked like a new endpoint's (400 naming `url`). The signing secret stays.",
      request: {
        params: s.idParams,
        body: { required: true, content: { "application/json": { schema: webhookEndpointBody } } },
      },
      responses: {
        200: json(webhookEndpointSchema, "The endpoint."),
        ...problemResponses(400, 401, 403, 404, 429, 500),
      },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      const owner = await ownerOf(ctx, scope);
      const input = c.req.valid("json" as never) as z.infer<typeof webhookEndpointBody>;
      await updateEndpoint(owner, param(ctx, "id"), input);
      return c.json(toApiEndpoint(await getEndpoint(owner, param(ctx, "id"))), 200);
    },
  );

  webhookRoutes.openapi(
    route({
      method: "delete",
      path: `${s.base}/{id}`,
      operationId: `delete${s.name}Webhook`,
      summary: `Delete a webhook endpoint (${s.who})`,
      description: "Its pending deliveries and its delivery log go with it.",
      request: { params: s.idParams },
      responses: { 204: { description: "Deleted." }, ...problemResponses(401, 403, 404, 429, 500) },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      await deleteEndpoint(await ownerOf(ctx, scope), param(ctx, "id"));
      return c.body(null, 204);
    },
  );

  for (const enabled of [true, false]) {
    const verb = enabled ? "enable" : "disable";
    webhookRoutes.openapi(
      route({
        method: "post",
        path: `${s.base}/{id}/${verb}`,
        operationId: `${verb}${s.name}Webhook`,
        summary: `${enabled ? "Enable" : "Disable"} a webhook endpoint (${s.who})`,
        description: enabled
          ? "Clears the portal's failure notice and sends the deliveries still inside their 24 hours."
          : "It receives nothing while disabled; events published meanwhile are not sent to it later.",
        request: { params: s.idParams },
        responses: { 200: json(webhookEndpointSchema, "The endpoint."), ...problemResponses(401, 403, 404, 429, 500) },
      }),
      async (c) => {
        const ctx = c as unknown as ApiContext;
        const owner = await ownerOf(ctx, scope);
        await setEndpointEnabled(owner, param(ctx, "id"), enabled);
        return c.json(toApiEndpoint(await getEndpoint(owner, param(ctx, "id"))), 200);
      },
    );
  }

  webhookRoutes.openapi(
    route({
      method: "post",
      path: `${s.base}/{id}/rotate-secret`,
      operationId: `rotate${s.name}WebhookSecret`,
      summary: `Rotate a webhook endpoint's signing secret (${s.who})`,
      description: `The old secret keeps signing beside the new one for 24 hours. ${secretNote}`,
      request: { params: s.idParams },
      responses: {
        200: json(signingSecretSchema, "The new signing secret, shown this once."),
        ...problemResponses(400, 401, 403, 404, 429, 500),
      },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      const owner = await ownerOf(ctx, scope);
      const rotated = await rotateSecret(owner, param(ctx, "id"));
      return c.json({ endpoint: toApiEndpoint(await getEndpoint(owner, rotated.id)), secret: rotated.secret }, 200);
    },
  );

  webhookRoutes.openapi(
    route({
      method: "post",
      path: `${s.base}/{id}/test`,
      operationId: `test${s.name}Webhook`,
      summary: `Send a test event to a webhook endpoint (${s.who})`,
      description: "A `webhook.test` event to this endpoint only, delivered and logged like any other.",
      request: { params: s.idParams },
      responses: {
        202: json(z.object({ eventId: z.string() }).openapi("WebhookTestEvent"), "Published; see the deliveries."),
        ...problemResponses(401, 403, 404, 409, 429, 500),
      },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      return c.json({ eventId: await sendTestEvent(await ownerOf(ctx, scope), param(ctx, "id")) }, 202);
    },
  );

  webhookRoutes.openapi(
    route({
      method: "get",
      path: `${s.base}/{id}/deliveries`,
      operationId: `list${s.name}WebhookDeliveries`,
      summary: `A webhook endpoint's delivery log (${s.who})`,
      description: "Newest first, each with its attempts (status code, response time, error).",
      request: { params: s.idParams, query: deliveryQuery },
      responses: {
        200: json(deliveryPage, "A page of deliveries."),
        ...problemResponses(400, 401, 403, 404, 429, 500),
      },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      const owner = await ownerOf(ctx, scope);
      const endpoint = await getEndpoint(owner, param(ctx, "id"));
      const q = c.req.valid("query" as never) as { top: number; $skipToken?: string; state?: WebhookDeliveryState };
      const skip = decodeSkipToken(q.$skipToken);
      const list = await listDeliveries(owner, endpoint.id, { skip, take: q.top, state: q.state });
      return c.json(pageOf(ctx, list.rows.map(toApiDelivery), list.total, skip, q.top), 200);
    },
  );

  webhookRoutes.openapi(
    route({
      method: "post",
      path: `${s.base}/{id}/deliveries/{deliveryId}/redeliver`,
      operationId: `redeliver${s.name}Webhook`,
      summary: `Redeliver one event (${s.who})`,
      description: "A new attempt of the same event, with the same webhook-id, now.",
      request: { params: s.deliveryParams },
      responses: {
        202: { description: "Queued; the attempt appears in the delivery log." },
        ...problemResponses(401, 403, 404, 429, 500),
      },
    }),
    async (c) => {
      const ctx = c as unknown as ApiContext;
      await redeliver(await ownerOf(ctx, scope), param(ctx, "id"), param(ctx, "deliveryId"));
      return c.body(null, 202);
    },
  );
}
