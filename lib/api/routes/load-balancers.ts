import { createRoute, z } from "@hono/zod-openapi";
import { parseInput } from "@/lib/errors";
import { boundId } from "@/lib/errors/parse";
import { getLoadBalancerDetail, listLoadBalancers, listUnattachedPublicIps } from "@/lib/network/queries";
import { createLoadBalancerSchema } from "@/lib/network/schema";
import { createLoadBalancer, refreshLoadBalancers } from "@/lib/network/service";
import { tenantContext } from "../auth";
import { withEtag } from "../etag";
import { kinds } from "@/lib/operations/kinds";
import { accepted, acceptedOperation, readOperation, tenantScope } from "../operation";
import { decodeSkipToken, pageOf, pageQuery, pageSchema } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import {
  createLoadBalancerBody,
  lbEtag,
  lbParams,
  loadBalancerSchema,
  publicIpOptionSchema,
  refreshLoadBalancersBody,
  toApiLoadBalancer,
} from "./lb-schemas";
import { tenantParam } from "./vm-schemas";

/**
 * Tenant load balancers: list, read (with its ETag), create, refresh from Azure. Each handler is a door onto the
 * service the network pages' actions call (lib/network), with the role those actions ask for. Changes to an existing
 * load balancer's frontends, probes and rules are in lb-changes.ts.
 */
export const loadBalancerRoutes = apiRouter();
const tags = ["Load balancers"];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

loadBalancerRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/load-balancers",
    operationId: "listLoadBalancers",
    ...requires("reader"),
    summary: "List the tenant's load balancers",
    description: "By name, with their frontends, pools, probes and rules as last read from Azure. Any tenant role.",
    tags,
    security: bearerSecurity,
    request: { params: z.object({ tenant: tenantParam }), query: z.object(pageQuery) },
    responses: {
      200: json(pageSchema(loadBalancerSchema, "LoadBalancerPage"), "A page of load balancers."),
      ...problemResponses(400, 401, 404, 429, 500),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const ctx = await tenantContext(c, c.req.valid("param").tenant);
    const skip = decodeSkipToken(q.$skipToken);
    const all = await listLoadBalancers(ctx);
    const items = all.slice(skip, skip + q.top).map((lb) => toApiLoadBalancer(ctx.tenantSlug, lb));
    return c.json(pageOf(c, items, all.length, skip, q.top), 200);
  },
);

loadBalancerRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}",
    operationId: "getLoadBalancer",
    ...requires("reader"),
    summary: "Read one load balancer",
    description:
      "Its frontends (VIPs), backend pools with their VMs, probes and rules. The ETag header is the version to send " +
      "as If-Match on a change. Any tenant role.",
    tags,
    security: bearerSecurity,
    request: { params: lbParams },
    responses: {
      200: {
        ...json(loadBalancerSchema, "The load balancer."),
        headers: { ETag: { description: "This version of the load balancer.", schema: { type: "string" as const } } },
      },
      ...problemResponses(401, 404, 429, 500),
    },
  }),
  async (c) => {
    const { tenant, loadBalancerId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant);
    const lb = await getLoadBalancerDetail(ctx, boundId(loadBalancerId));
    withEtag(c, lbEtag(lb));
    return c.json(toApiLoadBalancer(ctx.tenantSlug, lb), 200);
  },
);

loadBalancerRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}/public-ip-options",
    operationId: "listLoadBalancerPublicIpOptions",
    ...requires("reader"),
    summary: "List the public IPs a new frontend can take",
    description:
      "Kept public IP addresses (a frontend removed with publicIp=keep), unattached, in the load balancer's region " +
      "and subscription: the Add frontend form's choices for an existing address. Any tenant role.",
    tags,
    security: bearerSecurity,
    request: { params: lbParams },
    responses: {
      200: json(z.object({ value: z.array(publicIpOptionSchema) }), "The addresses."),
      ...problemResponses(401, 404, 429, 500),
    },
  }),
  async (c) => {
    const { tenant, loadBalancerId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant);
    const lb = await getLoadBalancerDetail(ctx, boundId(loadBalancerId));
    return c.json({ value: await listUnattachedPublicIps(ctx, lb) }, 200);
  },
);

loadBalancerRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/load-balancers",
    operationId: "createLoadBalancer",
    ...requires("operator"),
    summary: "Create a public load balancer",
    description:
      "Checked like the create form (names, region, quota of public IPs and load balancers, pool VMs in its region, " +
      "probe and rule) before any Azure call; the lb.create operation's target is the new load balancer. Operator or owner.",
    tags,
    security: bearerSecurity,
    request: {
      params: z.object({ tenant: tenantParam }),
      body: { required: true, content: { "application/json": { schema: createLoadBalancerBody } } },
    },
    responses: { 202: acceptedOperation(kinds.lb.create), ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500) },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant, "operator");
    const created = await createLoadBalancer(ctx, parseInput(createLoadBalancerSchema, c.req.valid("json")));
    return accepted(c, await readOperation(tenantScope(ctx), created.operationId));
  },
);

loadBalancerRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/load-balancers/{loadBalancerId}/refresh",
    operationId: "refreshLoadBalancer",
    ...requires("operator"),
    summary: "Read one load balancer again from Azure",
    description: "Operator or owner, like the Refresh button.",
    tags,
    security: bearerSecurity,
    request: { params: lbParams },
    responses: { 202: acceptedOperation(kinds.lb.refresh), ...problemResponses(401, 403, 404, 409, 422, 429, 500) },
  }),
  async (c) => {
    const { tenant, loadBalancerId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant, "operator");
    const op = await refreshLoadBalancers(ctx, { loadBalancerId: boundId(loadBalancerId) });
    return accepted(c, await readOperation(tenantScope(ctx), op.id));
  },
);

loadBalancerRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/load-balancers/refresh",
    operationId: "refreshLoadBalancers",
    ...requires("operator"),
    summary: "Find and read a subscription's load balancers in Azure",
    description:
      "Reads every load balancer in the tenant subscription's resource group and its known groups; ones found in " +
      "Azure are added. Operator or owner.",
    tags,
    security: bearerSecurity,
    request: {
      params: z.object({ tenant: tenantParam }),
      body: { required: true, content: { "application/json": { schema: refreshLoadBalancersBody } } },
    },
    responses: { 202: acceptedOperation(kinds.lb.refresh), ...problemResponses(400, 401, 403, 404, 422, 429, 500) },
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant, "operator");
    const op = await refreshLoadBalancers(ctx, parseInput(refreshLoadBalancersBody, c.req.valid("json")));
    return accepted(c, await readOperation(tenantScope(ctx), op.id));
  },
);
