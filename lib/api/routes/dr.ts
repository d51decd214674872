import { createRoute, z } from "@hono/zod-openapi";
import { NotFound, parseInput } from "@/lib/errors";
import { boundId } from "@/lib/errors/parse";
import { enableProtection, refreshProtection } from "@/lib/dr/protection-service";
import { getProtectedItemDetail, getTenantDr, getTenantDrSetup } from "@/lib/dr/queries";
import { enableProtectionSchema } from "@/lib/dr/schema";
import { tenantContext } from "../auth";
import {
  accepted,
  acceptedHeaderDocs,
  OPERATION_RETRY_AFTER_SECONDS,
  operationSchema,
  readOperation,
  tenantScope,
} from "../operation";
import { decodeSkipToken, pageOf, pageQuery, pageSchema } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import {
  drSetupSchema,
  enableProtectionBody,
  itemParams,
  itemUrl,
  onPremVmSchema,
  protectedItemDetailSchema,
  protectedItemSchema,
  protectionEnabledSchema,
  toApiDrSetup,
  toApiOnPremVm,
  toApiProtectedItem,
  toApiProtectedItemDetail,
} from "./dr-schemas";
import { tenantParam } from "./vm-schemas";

/**
 * Tenant disaster recovery (ASR, Hyper-V to Azure): the setup's status, the cloud's on-premises VMs, protected items,
 * enabling protection and refreshing replication state — the same lib/dr calls as the DR pages, with their roles.
 * Failover actions on one protected item are in dr-actions.ts.
 */
export const drRoutes = apiRouter();
const tags = ["Disaster recovery"];
const tenantOnly = z.object({ tenant: tenantParam });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

drRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/dr/setup",
    operationId: "getDrSetup",
    ...requires("reader"),
    summary: "Disaster recovery setup status",
    description:
      "The VMM cloud your provider assigned, the subscription its replicas go to, and the setup's three steps " +
      "(targets, policy, network mapping). Any tenant role.",
    tags,
    security: bearerSecurity,
    request: { params: tenantOnly },
    responses: { 200: json(drSetupSchema, "The setup."), ...problemResponses(401, 404, 429, 500) },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant);
    return c.json(toApiDrSetup(await getTenantDrSetup(ctx)), 200);
  },
);

drRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/dr/vms",
    operationId: "listDrOnPremisesVms",
    ...requires("reader"),
    summary: "List the on-premises VMs you can protect",
    description: "The assigned cloud's VMs, each with its protected item when protected. 404 before DR is set up.",
    tags,
    security: bearerSecurity,
    request: { params: tenantOnly },
    responses: {
      200: json(z.object({ value: z.array(onPremVmSchema) }), "The cloud's VMs."),
      ...problemResponses(401, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant);
    const dr = await getTenantDr(ctx);
    if (!dr) throw new NotFound("Disaster recovery setup");
    return c.json({ value: dr.vms.map(toApiOnPremVm) }, 200);
  },
);

drRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/dr/refresh",
    operationId: "refreshDr",
    ...requires("operator"),
    summary: "Read replication state from Azure again",
    description: "For every protected item (it also runs on a schedule). Operator or owner, like the Refresh button.",
    tags,
    security: bearerSecurity,
    request: { params: tenantOnly },
    responses: {
      202: { ...json(operationSchema, "The dr.refreshProtection operation."), headers: acceptedHeaderDocs },
      ...problemResponses(401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant, "operator");
    const op = await refreshProtection(ctx);
    return accepted(c, await readOperation(tenantScope(ctx), op.id));
  },
);

drRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/protected-items",
    operationId: "listProtectedItems",
    ...requires("reader"),
    summary: "List protected VMs",
    description: "By VM name, with replication health, last recovery point and failover state. Any tenant role.",
    tags,
    security: bearerSecurity,
    request: { params: tenantOnly, query: z.object(pageQuery) },
    responses: {
      200: json(pageSchema(protectedItemSchema, "ProtectedItemPage"), "A page of protected VMs."),
      ...problemResponses(400, 401, 404, 429, 500),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const ctx = await tenantContext(c, c.req.valid("param").tenant);
    const skip = decodeSkipToken(q.$skipToken);
    const all = (await getTenantDr(ctx))?.items ?? [];
    const items = all.slice(skip, skip + q.top).map((i) => toApiProtectedItem(ctx.tenantSlug, i));
    return c.json(pageOf(c, items, all.length, skip, q.top), 200);
  },
);

drRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/protected-items/{protectedItemId}",
    operationId: "getProtectedItem",
    ...requires("reader"),
    summary: "Read one protected VM",
    description: "Its replication, the last ASR job's tasks, recent operations and RPO samples. Any tenant role.",
    tags,
    security: bearerSecurity,
    request: { params: itemParams },
    responses: { 200: json(protectedItemDetailSchema, "The protected VM."), ...problemResponses(401, 404, 429, 500) },
  }),
  async (c) => {
    const { tenant, protectedItemId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant);
    return c.json(
      toApiProtectedItemDetail(ctx.tenantSlug, await getProtectedItemDetail(ctx, boundId(protectedItemId))),
      200,
    );
  },
);

drRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/protected-items",
    operationId: "enableProtection",
    ...requires("operator"),
    summary: "Protect on-premises VMs",
    description:
      "One protected item and one dr.enableProtection operation per VM, within the plan's protected-VM quota, once " +
      "every setup step has succeeded (409 otherwise). Location points at the first operation. Operator or owner.",
    tags,
    security: bearerSecurity,
    request: {
      params: tenantOnly,
      body: { required: true, content: { "application/json": { schema: enableProtectionBody } } },
    },
    responses: {
      202: { ...json(protectionEnabledSchema, "Protection is being enabled."), headers: acceptedHeaderDocs },
      ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant, "operator");
    const created = await enableProtection(ctx, parseInput(enableProtectionSchema, c.req.valid("json")));
    const operations = await Promise.all(created.map((i) => readOperation(tenantScope(ctx), i.operationId)));
    const items = created.map((i) => ({ id: i.id, name: i.name, href: itemUrl(ctx.tenantSlug, i.id) }));
    const location = new URL(operations[0].href, c.req.url).toString();
    return c.json({ items, operations }, 202, {
      Location: location,
      "Operation-Location": location,
      "Retry-After": String(OPERATION_RETRY_AFTER_SECONDS),
    });
  },
);
