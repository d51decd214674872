import { resourceNotFound } from "../../core/errors.js";
import type { RequestContext, RouteDef } from "../../core/plugin.js";
import { syncBackReferences, collectUsage, TYPES } from "./back-references.js";
import {
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
  asArray,
  type Json,
} from "./common.js";
import { subnetInUse } from "./errors.js";
import { childId, findByName } from "./lookup.js";
import { buildVirtualNetwork } from "./vnet-build.js";
import { subnetSchema, virtualNetworkSchema } from "./schemas.js";

/** Virtual networks with inline subnets, and the subnets child resource (SPECS NET virtualNetwork.json shapes). */
const VNET = groupPath("virtualNetworks/{virtualNetworkName}");
const SUBNET = `${VNET}/subnets/{subnetName}`;
const PUT_SECONDS = 3;
const DELETE_SECONDS = 3;

const getVnet = (ctx: RequestContext) => {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  const id = ctx.path.replace(/\/subnets(\/[^/]+)?\/?$/i, "");
  return getOr404(ctx, id, TYPES.vnet, ctx.params.virtualNetworkName);
};

function putVnet(ctx: RequestContext) {
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) assertName(ctx.params.virtualNetworkName);
  ctx.etag.check(existing?.body);
  assertNotLocked(ctx, ctx.path);
  const name = existing ? String(existing.body.name) : ctx.params.virtualNetworkName;
  const body = buildVirtualNetwork(ctx, {
    id: existing?.id ?? ctx.path,
    name,
    input: ctx.body,
    existing: existing?.body,
    etag: ctx.etag.next(),
  });
  return writeTopLevel(ctx, ctx.path, body, { existed: !!existing, seconds: PUT_SECONDS });
}

function deleteVnet(ctx: RequestContext) {
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) return { status: 204 };
  assertNotLocked(ctx, ctx.path);
  const usage = collectUsage(ctx.store, ctx.params.subscriptionId);
  for (const s of asArray(existing.body.properties && (existing.body.properties as Json).subnets)) {
    const users = usage.subnet.get(String(s.id).toLowerCase());
    if (users?.length) throw subnetInUse(String(s.name), users[0]);
  }
  return deleteTopLevel(ctx, ctx.path, DELETE_SECONDS);
}

function getSubnet(ctx: RequestContext) {
  const subnet = findByName(asArray((getVnet(ctx).body.properties as Json).subnets), ctx.params.subnetName);
  if (!subnet)
    throw resourceNotFound(
      "Microsoft.Network/virtualNetworks/subnets",
      `${ctx.params.virtualNetworkName}/${ctx.params.subnetName}`,
      ctx.params.resourceGroupName,
    );
  return subnet;
}

function putSubnet(ctx: RequestContext) {
  const vnet = getVnet(ctx);
  const subnets = asArray((vnet.body.properties as Json).subnets);
  const current = findByName(subnets, ctx.params.subnetName);
  ctx.etag.check(current);
  assertNotLocked(ctx, ctx.path);
  const name = current ? String(current.name) : ctx.params.subnetName;
  const others = subnets.filter((s) => !sameId(s.name, name));
  const input = {
    ...vnet.body,
    properties: { ...(vnet.body.properties as Json), subnets: [...others, { ...ctx.body, name }] },
  };
  const body = buildVirtualNetwork(ctx, {
    id: vnet.id,
    name: String(vnet.body.name),
    input,
    existing: vnet.body,
    etag: ctx.etag.next(),
  });
  const id = childId(vnet.id, "subnets", name);
  return writeChild(ctx, vnet.id, body, id, {
    existed: !!current,
    seconds: PUT_SECONDS,
    find: (b) => findByName(asArray(b.properties.subnets), name),
  });
}

function deleteSubnet(ctx: RequestContext) {
  const vnet = getVnet(ctx);
  const subnets = asArray((vnet.body.properties as Json).subnets);
  const current = findByName(subnets, ctx.params.subnetName);
  if (!current) return { status: 204 };
  assertNotLocked(ctx, ctx.path);
  const users = collectUsage(ctx.store, ctx.params.subscriptionId).subnet.get(String(current.id).toLowerCase());
  if (users?.length) throw subnetInUse(String(current.name), users[0]);
  const etag = ctx.etag.next();
  const remaining = subnets.filter((s) => s !== current).map((s) => ({ ...s, etag }));
  const body = { ...vnet.body, etag, properties: { ...(vnet.body.properties as Json), subnets: remaining } };
  return deleteChild(ctx, vnet.id, body, String(current.id), DELETE_SECONDS);
}

const base = { resourceType: TYPES.vnet } as const;
const subnetBase = { resourceType: "Microsoft.Network/virtualNetworks/subnets" } as const;

export const vnetRoutes: RouteDef[] = [
  route({ ...base, method: "PUT", path: VNET, operation: "write", bodySchema: virtualNetworkSchema, handler: putVnet }),
  route({
    ...base,
    method: "GET",
    path: VNET,
    operation: "read",
    handler: (ctx) => ({ status: 200, body: getVnet(ctx).body }),
  }),
  route({ ...base, method: "DELETE", path: VNET, operation: "delete", handler: deleteVnet }),
  route({
    ...base,
    method: "GET",
    path: groupPath("virtualNetworks"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.vnet, "group"),
  }),
  route({
    ...base,
    method: "GET",
    path: subscriptionPath("virtualNetworks"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.vnet, "subscription"),
  }),
  route({
    ...subnetBase,
    method: "PUT",
    path: SUBNET,
    operation: "write",
    bodySchema: subnetSchema,
    handler: putSubnet,
  }),
  route({
    ...subnetBase,
    method: "GET",
    path: SUBNET,
    operation: "read",
    handler: (ctx) => ({ status: 200, body: getSubnet(ctx) }),
  }),
  route({ ...subnetBase, method: "DELETE", path: SUBNET, operation: "delete", handler: deleteSubnet }),
  route({
    ...subnetBase,
    method: "GET",
    path: `${VNET}/subnets`,
    operation: "read",
    handler: (ctx) => ({ status: 200, body: ctx.page(asArray((getVnet(ctx).body.properties as Json).subnets)) }),
  }),
];
