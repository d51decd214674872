import type { RequestContext, RouteDef } from "../../core/plugin.js";
import { resourceNotFound } from "../../core/errors.js";
import { syncBackReferences, TYPES } from "./back-references.js";
import {
  asArray,
  assertName,
  assertNotLocked,
  deleteTopLevel,
  getOr404,
  groupPath,
  listBodies,
  route,
  subscriptionPath,
  writeTopLevel,
  type Json,
} from "./common.js";
import { nicInUse } from "./errors.js";
import { findByName } from "./lookup.js";
import { buildNetworkInterface } from "./nic-build.js";
import { networkInterfaceSchema } from "./schemas.js";

/** Network interfaces. The Compute RP sets `properties.virtualMachine = { id }` in the store when a VM uses one. */
const NIC = groupPath("networkInterfaces/{networkInterfaceName}");
const PUT_SECONDS = 2;
const DELETE_SECONDS = 2;

function getNic(ctx: RequestContext) {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  return getOr404(
    ctx,
    ctx.path.replace(/\/ipConfigurations(\/[^/]+)?\/?$/i, ""),
    TYPES.nic,
    ctx.params.networkInterfaceName,
  );
}

function putNic(ctx: RequestContext) {
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) assertName(ctx.params.networkInterfaceName);
  ctx.etag.check(existing?.body);
  assertNotLocked(ctx, ctx.path);
  const name = existing ? String(existing.body.name) : ctx.params.networkInterfaceName;
  const body = buildNetworkInterface(ctx, {
    id: existing?.id ?? ctx.path,
    name,
    existing: existing?.body,
    etag: ctx.etag.next(),
  });
  return writeTopLevel(ctx, ctx.path, body, { existed: !!existing, seconds: PUT_SECONDS });
}

function deleteNic(ctx: RequestContext) {
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) return { status: 204 };
  const vm = (existing.body.properties as Json).virtualMachine?.id;
  if (vm) throw nicInUse(existing.id, String(vm));
  assertNotLocked(ctx, ctx.path);
  return deleteTopLevel(ctx, ctx.path, DELETE_SECONDS);
}

function getIpConfiguration(ctx: RequestContext) {
  const ipc = findByName(
    asArray((getNic(ctx).body.properties as Json).ipConfigurations),
    ctx.params.ipConfigurationName,
  );
  if (!ipc)
    throw resourceNotFound(
      "Microsoft.Network/networkInterfaces/ipConfigurations",
      `${ctx.params.networkInterfaceName}/${ctx.params.ipConfigurationName}`,
      ctx.params.resourceGroupName,
    );
  return { status: 200, body: ipc };
}

const base = { resourceType: TYPES.nic } as const;
export const nicRoutes: RouteDef[] = [
  route({ ...base, method: "PUT", path: NIC, operation: "write", bodySchema: networkInterfaceSchema, handler: putNic }),
  route({
    ...base,
    method: "GET",
    path: NIC,
    operation: "read",
    handler: (ctx) => ({ status: 200, body: getNic(ctx).body }),
  }),
  route({ ...base, method: "DELETE", path: NIC, operation: "delete", handler: deleteNic }),
  route({
    ...base,
    method: "GET",
    path: groupPath("networkInterfaces"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.nic, "group"),
  }),
  route({
    ...base,
    method: "GET",
    path: subscriptionPath("networkInterfaces"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.nic, "subscription"),
  }),
  route({
    ...base,
    method: "GET",
    path: `${NIC}/ipConfigurations/{ipConfigurationName}`,
    operation: "read",
    handler: getIpConfiguration,
  }),
  route({
    ...base,
    method: "GET",
    path: `${NIC}/ipConfigurations`,
    operation: "read",
    handler: (ctx) => ({
      status: 200,
      body: ctx.page(asArray((getNic(ctx).body.properties as Json).ipConfigurations)),
    }),
  }),
];
