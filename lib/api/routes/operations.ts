import { createRoute, z } from "@hono/zod-openapi";
import { cancelOperation, retryOperation } from "@/lib/jobs/control";
import { listOperations, operationPeriods, type OperationFilter, type OperationScope } from "@/lib/jobs/queries";
import { allOperationKinds } from "@/lib/operations/kinds";
import { staffContext, tenantContext } from "../auth";
import type { ApiContext } from "../env";
import {
  accepted,
  acceptedHeaderDocs,
  operationSchema,
  operationStates,
  operationSummarySchema,
  readOperation,
  tenantScope,
  toOperationSummary,
} from "../operation";
import { decodeKeysetToken, keysetPageOf, pageQuery, pageSchema, searchParam } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { tenantParam } from "./vm-schemas";

/**
 * Operations as the helpdesk console and the tenant's Operations page show them (lib/jobs/queries.ts): a tenant token
 * reads its tenant's under /tenants/{tenant}/operations; provider tokens read every tenant's under /operations, and
 * admin tokens cancel and retry (lib/jobs/control.ts).
 */
export const operationRoutes = apiRouter();
const tags = ["Operations"];
const operationPage = pageSchema(operationSummarySchema, "OperationPage");
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const filters = {
  kind: z.enum(allOperationKinds as [string, ...string[]]).optional(),
  state: z.enum(operationStates).optional(),
  period: z
    .enum([...(Object.keys(operationPeriods) as (keyof typeof operationPeriods)[]), "custom"])
    .optional()
    .openapi({ description: "Created in the last 24h, 7d or 30d, or between from and to (custom)." }),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: "With period=custom." }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: "With period=custom." }),
  search: searchParam("Part of the target's name, or exactly an operation id or an Azure request id."),
  targetId: z.string().max(100).optional().openapi({ description: "One object's history, e.g. a VM id." }),
  ...pageQuery,
};
type FilterQuery = { [K in keyof typeof filters]?: z.infer<(typeof filters)[K]> } & { top: number };

async function page(c: ApiContext, scope: OperationScope, q: FilterQuery, extra: OperationFilter = {}) {
  const position = decodeKeysetToken(q.$skipToken);
  const filter: OperationFilter = {
    ...extra,
    kind: q.kind,
    state: q.state,
    period: q.period,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    q: q.search,
    targetId: q.targetId,
  };
  const { total, rows, nextCursor } = await listOperations(scope, { ...filter, ...position, take: q.top });
  const items = rows.map((op) => toOperationSummary(op, scope.kind === "staff"));
  return keysetPageOf(c, items, total, nextCursor, q.top);
}

operationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/operations",
    operationId: "listTenantOperations",
    ...requires("reader"),
    summary: "List the tenant's operations",
    description:
      "Newest first. Any tenant role. The count is exact up to 10,000 and PostgreSQL's estimate above that; nextLink pages by position (keyset), not offset.",
    tags,
    security: bearerSecurity,
    request: { params: z.object({ tenant: tenantParam }), query: z.object(filters) },
    responses: { 200: json(operationPage, "A page of operations."), ...problemResponses(400, 401, 404, 429, 500) },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant);
    return c.json(await page(c, tenantScope(ctx), c.req.valid("query")), 200);
  },
);

operationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/operations/{operationId}",
    operationId: "getTenantOperation",
    ...requires("reader"),
    summary: "Read one of the tenant's operations",
    description: "With its steps, error code and Azure request id. Poll it after a 202 until it has ended.",
    tags,
    security: bearerSecurity,
    request: {
      params: z.object({
        tenant: tenantParam,
        operationId: z.string().openapi({ param: { name: "operationId", in: "path" } }),
      }),
    },
    responses: { 200: json(operationSchema, "The operation."), ...problemResponses(401, 404, 429, 500) },
  }),
  async (c) => {
    const { tenant, operationId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant);
    return c.json(await readOperation(tenantScope(ctx), operationId), 200);
  },
);

const staffOperationParams = z.object({
  operationId: z.string().openapi({ param: { name: "operationId", in: "path" } }),
});

operationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/operations",
    operationId: "listOperations",
    ...requires("helpdesk"),
    summary: "List every tenant's operations (provider)",
    description:
      "The helpdesk console's list and filters. Helpdesk or admin token. The count is exact up to 10,000 and PostgreSQL's estimate above that; nextLink pages by position (keyset), not offset.",
    tags,
    security: bearerSecurity,
    request: {
      query: z.object({
        tenant: z.string().max(100).optional().openapi({ description: "A tenant slug." }),
        ...filters,
      }),
    },
    responses: {
      200: json(operationPage, "A page of operations."),
      ...problemResponses(400, 401, 404, 429, 500),
    },
  }),
  async (c) => {
    staffContext(c, "helpdesk");
    const q = c.req.valid("query");
    return c.json(await page(c, { kind: "staff" }, q, { tenant: q.tenant }), 200);
  },
);

operationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/operations/{operationId}",
    operationId: "getOperation",
    ...requires("helpdesk"),
    summary: "Read any operation (provider)",
    description: "As the helpdesk console shows it, with Azure's raw error (secrets masked). Helpdesk or admin token.",
    tags,
    security: bearerSecurity,
    request: { params: staffOperationParams },
    responses: { 200: json(operationSchema, "The operation."), ...problemResponses(401, 404, 429, 500) },
  }),
  async (c) => {
    staffContext(c, "helpdesk");
    return c.json(await readOperation({ kind: "staff" }, c.req.valid("param").operationId), 200);
  },
);

const controls = {
  cancel: {
    summary: "Cancel an operation (admin)",
    description: "Stops it at its next step boundary; some kinds only while queued (409 says why).",
    run: cancelOperation,
  },
  retry: {
    summary: "Retry a failed operation (admin)",
    description: "Continues from the step that failed; steps that succeeded are kept.",
    run: retryOperation,
  },
} as const;

for (const [verb, control] of Object.entries(controls) as [keyof typeof controls, (typeof controls)["cancel"]][]) {
  operationRoutes.openapi(
    createRoute({
      method: "post",
      path: `/operations/{operationId}/${verb}`,
      operationId: `${verb}Operation`,
      ...requires("admin"),
      summary: control.summary,
      description: `${control.description} Admin token (a helpdesk token gets 403).`,
      tags,
      security: bearerSecurity,
      request: { params: staffOperationParams },
      responses: {
        202: { ...json(operationSchema, "The operation, as it is now."), headers: acceptedHeaderDocs },
        ...problemResponses(401, 403, 404, 409, 422, 429, 500),
      },
    }),
    async (c) => {
      const ctx = staffContext(c, "admin");
      const { operationId } = c.req.valid("param");
      await control.run(ctx, operationId);
      return accepted(c, await readOperation({ kind: "staff" }, operationId));
    },
  );
}
