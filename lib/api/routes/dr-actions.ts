import { createRoute } from "@hono/zod-openapi";
import { parseInput } from "@/lib/errors";
import { boundId } from "@/lib/errors/parse";
import { runDrAction } from "@/lib/dr/protection-service";
import { failoverActionSchema, type DrAction } from "@/lib/dr/schema";
import { tenantContext } from "../auth";
import type { ApiContext } from "../env";
import { kinds } from "@/lib/operations/kinds";
import { accepted, acceptedOperation, readOperation, tenantScope } from "../operation";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { itemParams, testFailoverCleanupBody, unplannedFailoverBody } from "./dr-schemas";

/**
 * Actions on one protected VM, like the buttons on its page (operator or owner). lib/dr's runDrAction decides, as it
 * does for the page: the action must be among Azure's allowed operations at the last read (409 naming the state
 * otherwise), failback only from Azure, planned failover only from on-premises. Each answers 202 with its operation.
 */
export const drActionRoutes = apiRouter();
const tags = ["Disaster recovery"];
const refusals = problemResponses(400, 401, 403, 404, 409, 422, 429, 500);

async function run(c: ApiContext, params: { tenant: string; protectedItemId: string }, input: Record<string, unknown>) {
  const ctx = await tenantContext(c, params.tenant, "operator");
  const op = await runDrAction(ctx, boundId(params.protectedItemId), parseInput(failoverActionSchema, input));
  return accepted(c, await readOperation(tenantScope(ctx), op.id));
}

const plainActions: { action: DrAction; path: string; summary: string; description: string }[] = [
  {
    action: "testFailover",
    path: "test-failover",
    summary: "Run a test failover",
    description: "A copy of the VM in Azure, in an isolated test network, from the latest recovery point.",
  },
  {
    action: "plannedFailover",
    path: "planned-failover",
    summary: "Fail over to Azure (planned)",
    description: "Shuts the on-premises VM down, synchronises the last changes and starts it in Azure.",
  },
  {
    action: "commit",
    path: "commit",
    summary: "Commit a failover",
    description: "Makes the current side final; no other recovery point can be chosen afterwards.",
  },
  {
    action: "failback",
    path: "failback",
    summary: "Fail back to on-premises",
    description: "For a VM running in Azure after a committed failover: planned failover back to its site.",
  },
  {
    action: "reprotect",
    path: "reprotect",
    summary: "Protect the VM again",
    description: "Starts replication again after a failover has been committed (Azure's ReverseReplicate).",
  },
];

for (const { action, path, summary, description } of plainActions) {
  drActionRoutes.openapi(
    createRoute({
      method: "post",
      path: `/tenants/{tenant}/protected-items/{protectedItemId}/${path}`,
      operationId: action === "commit" ? "commitFailover" : action,
      ...requires("operator"),
      summary,
      description,
      tags,
      security: bearerSecurity,
      request: { params: itemParams },
      responses: { 202: acceptedOperation(kinds.dr[action]), ...refusals },
    }),
    async (c) => run(c, c.req.valid("param"), { action }),
  );
}

drActionRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/protected-items/{protectedItemId}/test-failover-cleanup",
    operationId: "testFailoverCleanup",
    ...requires("operator"),
    summary: "Clean up a test failover",
    description: "Deletes the test VM in Azure and records the test as complete, with your notes.",
    tags,
    security: bearerSecurity,
    request: {
      params: itemParams,
      body: { required: true, content: { "application/json": { schema: testFailoverCleanupBody } } },
    },
    responses: { 202: acceptedOperation(kinds.dr.testFailoverCleanup), ...refusals },
  }),
  async (c) => run(c, c.req.valid("param"), { ...c.req.valid("json"), action: "testFailoverCleanup" }),
);

drActionRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/protected-items/{protectedItemId}/unplanned-failover",
    operationId: "unplannedFailover",
    ...requires("operator"),
    summary: "Fail over to Azure now (unplanned)",
    description:
      "From the recovery point chosen; changes after it are lost. For when the on-premises site is down. " +
      "`shutDownSource` tries to shut the on-premises VM down first.",
    tags,
    security: bearerSecurity,
    request: {
      params: itemParams,
      body: { required: true, content: { "application/json": { schema: unplannedFailoverBody } } },
    },
    responses: { 202: acceptedOperation(kinds.dr.unplannedFailover), ...refusals },
  }),
  async (c) => run(c, c.req.valid("param"), { ...c.req.valid("json"), action: "unplannedFailover" }),
);

drActionRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{tenant}/protected-items/{protectedItemId}",
    operationId: "disableProtection",
    ...requires("operator"),
    summary: "Disable protection",
    description: "Stops replication and removes the recovery points; the on-premises VM keeps running.",
    tags,
    security: bearerSecurity,
    request: { params: itemParams },
    responses: { 202: acceptedOperation(kinds.dr.disableProtection), ...refusals },
  }),
  async (c) => run(c, c.req.valid("param"), { action: "disableProtection" }),
);
