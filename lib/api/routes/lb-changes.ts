import { createRoute, z } from "@hono/zod-openapi";
import type { TenantContext } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { boundId } from "@/lib/errors/parse";
import { getLoadBalancerDetail } from "@/lib/network/queries";
import {
  addFrontendSchema,
  addRuleSchema,
  removeFrontendSchema,
  removeRuleSchema,
  updateProbeSchema,
  updateRuleSchema,
} from "@/lib/network/schema";
import { addFrontend, addRule, removeFrontend, removeRule, updateProbe, updateRule } from "@/lib/network/service";
import { tenantContext } from "../auth";
import type { ApiContext } from "../env";
import { assertIfMatch } from "../etag";
import { kinds } from "@/lib/operations/kinds";
import { accepted, acceptedOperation, readOperation, tenantScope } from "../operation";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import {
  addFrontendBody,
  addRuleBody,
  frontendParams,
  lbEtag,
  lbParams,
  probeParams,
  removeFrontendQuery,
  ruleParams,
  updateProbeBody,
  updateRuleBody,
} from "./lb-schemas";

/**
 * Changes to an existing load balancer, like the buttons on its page (operator or owner): each is checked by the
 * network service against the cached load balancer and the changes still in flight, then saved by a job as one PUT
 * with Azure's If-Match. Here, If-Match (optional) is the API's ETag from GET: a stale one is a 412 and nothing runs.
 */
export const lbChangeRoutes = apiRouter();
const tags = ["Load balancers"];
const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "The ETag from GET; a change to a newer version is refused with 412." }),
});
const refusals = problemResponses(400, 401, 403, 404, 409, 412, 422, 429, 500);

/**
 * The caller's role, then the version: another tenant's load balancer (or a malformed id) is a 404 before any ETag is
 * compared.
 */
async function changeContext(c: ApiContext, tenant: string, loadBalancerId: string): Promise<TenantContext> {
  const ctx = await tenantContext(c, tenant, "operator");
  assertIfMatch(c, lbEtag(await getLoadBalancerDetail(ctx, boundId(loadBalancerId))));
  return ctx;
}

const answer = async (c: ApiContext, ctx: TenantContext, change: { operationId: string }) =>
  accepted(c, await readOperation(tenantScope(ctx), change.operationId));

lbChangeRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}/frontends",
    operationId: "addLoadBalancerFrontend",
    ...requires("operator"),
    summary: "Add a frontend IP (VIP) with its probe and rule",
    description:
      "The guide's second VIP: a public IP, a frontend IP configuration, a probe (new or existing) and a rule, saved " +
      "as one change. Conflicts (a frontend port in use, a name taken, quota) are 400/409 before any Azure call.",
    tags,
    security: bearerSecurity,
    request: {
      params: lbParams,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: addFrontendBody } } },
    },
    responses: { 202: acceptedOperation(kinds.lb.addFrontend), ...refusals },
  }),
  async (c) => {
    const { tenant, loadBalancerId } = c.req.valid("param");
    const ctx = await changeContext(c, tenant, loadBalancerId);
    const input = parseInput(addFrontendSchema, { ...c.req.valid("json"), loadBalancerId });
    return answer(c, ctx, await addFrontend(ctx, input));
  },
);

lbChangeRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}/frontends/{frontendName}",
    operationId: "removeLoadBalancerFrontend",
    ...requires("operator"),
    summary: "Remove a frontend IP",
    description:
      "With its rules and the probes nothing else uses. `publicIp=release` (default) deletes its public IP, `keep` " +
      "leaves it unattached for another frontend. The only frontend cannot be removed (409).",
    tags,
    security: bearerSecurity,
    request: { params: frontendParams, headers: ifMatchHeader, query: removeFrontendQuery },
    responses: { 202: acceptedOperation(kinds.lb.removeFrontend), ...refusals },
  }),
  async (c) => {
    const { tenant, loadBalancerId, frontendName } = c.req.valid("param");
    const ctx = await changeContext(c, tenant, loadBalancerId);
    const input = parseInput(removeFrontendSchema, { ...c.req.valid("query"), loadBalancerId, frontendName });
    return answer(c, ctx, await removeFrontend(ctx, input));
  },
);

lbChangeRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}/rules",
    operationId: "addLoadBalancerRule",
    ...requires("operator"),
    summary: "Add a load-balancing rule to a frontend",
    description: 'With a new probe (probeChoice "new") or an existing one (probeChoice names it).',
    tags,
    security: bearerSecurity,
    request: {
      params: lbParams,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: addRuleBody } } },
    },
    responses: { 202: acceptedOperation(kinds.lb.addRule), ...refusals },
  }),
  async (c) => {
    const { tenant, loadBalancerId } = c.req.valid("param");
    const ctx = await changeContext(c, tenant, loadBalancerId);
    const input = parseInput(addRuleSchema, { ...c.req.valid("json"), loadBalancerId });
    return answer(c, ctx, await addRule(ctx, input));
  },
);

lbChangeRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}/rules/{ruleName}",
    operationId: "removeLoadBalancerRule",
    ...requires("operator"),
    summary: "Remove a load-balancing rule",
    description: "And the probe only it used; its frontend stays.",
    tags,
    security: bearerSecurity,
    request: { params: ruleParams, headers: ifMatchHeader },
    responses: { 202: acceptedOperation(kinds.lb.removeRule), ...refusals },
  }),
  async (c) => {
    const { tenant, loadBalancerId, ruleName } = c.req.valid("param");
    const ctx = await changeContext(c, tenant, loadBalancerId);
    const input = parseInput(removeRuleSchema, { loadBalancerId, ruleName });
    return answer(c, ctx, await removeRule(ctx, input));
  },
);

lbChangeRoutes.openapi(
  createRoute({
    method: "put",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}/probes/{probeName}",
    operationId: "updateLoadBalancerProbe",
    ...requires("operator"),
    summary: "Edit a health probe",
    description: "Protocol, port, path (Http/Https), interval (5–3600 s) and count, as the Edit probe form.",
    tags,
    security: bearerSecurity,
    request: {
      params: probeParams,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: updateProbeBody } } },
    },
    responses: { 202: acceptedOperation(kinds.lb.update), ...refusals },
  }),
  async (c) => {
    const { tenant, loadBalancerId, probeName } = c.req.valid("param");
    const ctx = await changeContext(c, tenant, loadBalancerId);
    const input = parseInput(updateProbeSchema, { ...c.req.valid("json"), loadBalancerId, probeName });
    return answer(c, ctx, await updateProbe(ctx, input));
  },
);

lbChangeRoutes.openapi(
  createRoute({
    method: "put",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}/rules/{ruleName}",
    operationId: "updateLoadBalancerRule",
    ...requires("operator"),
    summary: "Edit a load-balancing rule",
    description: "Ports, pool, probe, idle timeout; `frontendName` moves it to another frontend. Floating IP is fixed.",
    tags,
    security: bearerSecurity,
    request: {
      params: ruleParams,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: updateRuleBody } } },
    },
    responses: { 202: acceptedOperation(kinds.lb.update), ...refusals },
  }),
  async (c) => {
    const { tenant, loadBalancerId, ruleName } = c.req.valid("param");
    const ctx = await changeContext(c, tenant, loadBalancerId);
    const input = parseInput(updateRuleSchema, { ...c.req.valid("json"), loadBalancerId, ruleName });
    return answer(c, ctx, await updateRule(ctx, input));
  },
);
