import { resourceNotFound } from "../../core/errors.js";
import type { RequestContext, RouteDef } from "../../core/plugin.js";
import { syncBackReferences, TYPES } from "./back-references.js";
import {
  asArray,
  assertName,
  assertNotLocked,
  deleteChild,
  deleteTopLevel,
  getOr404,
  groupPath,
  listBodies,
  route,
  sameId,
  subscriptionPath,
  writeChild,
  writeTopLevel,
  type Json,
} from "./common.js";
import { buildLoadBalancer } from "./lb-build.js";
import { childType } from "./lb-frontends.js";
import { findByName } from "./lookup.js";
import { loadBalancerChildSchemas, loadBalancerSchema } from "./schemas.js";

/**
 * Load balancers (SPECS NET loadBalancer.json). Every write is validated whole and applied at once, honours
 * If-Match (412) and changes the ETag; a write while another runs gets 429 RetryableErrorDueToAnotherOperation.
 */
const LB = groupPath("loadBalancers/{loadBalancerName}");
const PUT_SECONDS = 5;
const DELETE_SECONDS = 5;
const CHILDREN = [
  "frontendIPConfigurations",
  "backendAddressPools",
  "loadBalancingRules",
  "probes",
  "inboundNatRules",
  "outboundRules",
];
/** Child collections the SDK can also PUT and DELETE one by one. */
const WRITABLE_CHILDREN = ["backendAddressPools", "inboundNatRules"];

const lbIdOf = (ctx: RequestContext) => ctx.path.replace(/\/loadBalancers\/([^/]+).*$/i, "/loadBalancers/$1");

function getLb(ctx: RequestContext) {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  return getOr404(ctx, lbIdOf(ctx), TYPES.lb, ctx.params.loadBalancerName);
}

/**
 * The read-only back-references inside a load balancer's children (who uses each frontend, pool and probe), which a
 * GET with `detailLevel=Reduced` leaves out (a query parameter Network 2026-03-01 adds to LoadBalancers_Get).
 */
const BACK_REFERENCES: Record<string, string[]> = {
  frontendIPConfigurations: ["inboundNatRules", "inboundNatPools", "outboundRules", "loadBalancingRules"],
  backendAddressPools: [
    "backendIPConfigurations",
    "loadBalancingRules",
    "outboundRule",
    "outboundRules",
    "inboundNatRules",
  ],
  probes: ["loadBalancingRules"],
};

function readLb(ctx: RequestContext): Json {
  const body = getLb(ctx).body as Json;
  const reduced = ctx.apiVersion >= "2026-03-01" && ctx.query.get("detailLevel")?.toLowerCase() === "reduced";
  if (!reduced) return body;
  const properties = { ...(body.properties as Json) };
  for (const [collection, refs] of Object.entries(BACK_REFERENCES)) {
    properties[collection] = asArray(properties[collection]).map((child: Json) => ({
      ...child,
      properties: Object.fromEntries(Object.entries(child.properties as Json).filter(([k]) => !refs.includes(k))),
    }));
  }
  return { ...body, properties };
}

function putLb(ctx: RequestContext) {
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) assertName(ctx.params.loadBalancerName);
  ctx.etag.check(existing?.body);
  assertNotLocked(ctx, ctx.path);
  const id = existing?.id ?? ctx.path;
  const body = buildLoadBalancer(ctx, {
    id,
    name: existing ? String(existing.body.name) : ctx.params.loadBalancerName,
    input: ctx.body,
    existing: existing?.body,
    etag: ctx.etag.next(),
  });
  return writeTopLevel(ctx, ctx.path, body, { existed: !!existing, seconds: PUT_SECONDS });
}

function deleteLb(ctx: RequestContext) {
  if (!ctx.store.getResource(ctx.path)) return { status: 204 };
  assertNotLocked(ctx, ctx.path);
  return deleteTopLevel(ctx, ctx.path, DELETE_SECONDS);
}

function getChild(ctx: RequestContext, collection: string) {
  const child = findByName(asArray((getLb(ctx).body.properties as Json)[collection]), ctx.params.childName);
  if (!child)
    throw resourceNotFound(
      childType(collection),
      `${ctx.params.loadBalancerName}/${ctx.params.childName}`,
      ctx.params.resourceGroupName,
    );
  return { status: 200, body: child };
}

/** A child PUT/DELETE rebuilds the whole load balancer, so every rule above applies to it too. */
function writeLbChild(ctx: RequestContext, collection: string, remove: boolean) {
  const lb = getLb(ctx);
  const items = asArray((lb.body.properties as Json)[collection]);
  const current = findByName(items, ctx.params.childName);
  if (remove && !current) return { status: 204 };
  if (!remove) ctx.etag.check(current);
  assertNotLocked(ctx, ctx.path);
  const name = current ? String(current.name) : assertName(ctx.params.childName);
  const others = items.filter((i) => !sameId(i.name, name));
  const next = remove ? others : [...others, { ...ctx.body, name }];
  const input = { ...lb.body, properties: { ...(lb.body.properties as Json), [collection]: next } };
  const body = buildLoadBalancer(ctx, {
    id: lb.id,
    name: String(lb.body.name),
    input,
    existing: lb.body,
    etag: ctx.etag.next(),
  });
  const id = `${lb.id}/${collection}/${name}`;
  if (remove) return deleteChild(ctx, lb.id, body, id, PUT_SECONDS);
  return writeChild(ctx, lb.id, body, id, {
    existed: !!current,
    seconds: PUT_SECONDS,
    find: (b) => findByName(asArray(b.properties[collection]), name),
  });
}

const base = { resourceType: TYPES.lb } as const;
export const loadBalancerRoutes: RouteDef[] = [
  route({ ...base, method: "PUT", path: LB, operation: "write", bodySchema: loadBalancerSchema, handler: putLb }),
  route({
    ...base,
    method: "GET",
    path: LB,
    operation: "read",
    handler: (ctx) => ({ status: 200, body: readLb(ctx) }),
  }),
  route({ ...base, method: "DELETE", path: LB, operation: "delete", handler: deleteLb }),
  route({
    ...base,
    method: "GET",
    path: groupPath("loadBalancers"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.lb, "group"),
  }),
  route({
    ...base,
    method: "GET",
    path: subscriptionPath("loadBalancers"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.lb, "subscription"),
  }),
  ...CHILDREN.flatMap((c) => [
    route({
      resourceType: childType(c),
      method: "GET",
      path: `${LB}/${c}/{childName}`,
      operation: "read",
      handler: (ctx) => getChild(ctx, c),
    }),
    route({
      resourceType: childType(c),
      method: "GET",
      path: `${LB}/${c}`,
      operation: "read",
      handler: (ctx) => ({ status: 200, body: ctx.page(asArray((getLb(ctx).body.properties as Json)[c])) }),
    }),
  ]),
  ...WRITABLE_CHILDREN.flatMap((c) => [
    route({
      resourceType: childType(c),
      method: "PUT",
      path: `${LB}/${c}/{childName}`,
      operation: "write",
      bodySchema: loadBalancerChildSchemas[c],
      handler: (ctx) => writeLbChild(ctx, c, false),
    }),
    route({
      resourceType: childType(c),
      method: "DELETE",
      path: `${LB}/${c}/{childName}`,
      operation: "delete",
      handler: (ctx) => writeLbChild(ctx, c, true),
    }),
  ]),
];
