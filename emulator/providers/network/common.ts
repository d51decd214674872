import { resourceNotFound } from "../../core/errors.js";
import { newGuid } from "../../core/ids.js";
import { normalizeLocation } from "../../core/locations.js";
import type { Reply, RequestContext, RouteDef } from "../../core/plugin.js";
import { asArray, type Json } from "./json.js";
import { anotherOperation, invalidResourceName, locationRequired } from "./errors.js";
import { syncBackReferences } from "./back-references.js";
import { apiVersionsFor } from "../../specs/api-versions.js";

/** Every stable Microsoft.Network api-version (the installed @azure/arm-network sends 2026-01-01). */
export const NETWORK_API_VERSIONS = apiVersionsFor("network");
export const NETWORK = "Microsoft.Network";
export const groupPath = (type: string) =>
  `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/${type}`;
export const subscriptionPath = (type: string) => `/subscriptions/{subscriptionId}/providers/Microsoft.Network/${type}`;

export { asArray, lastSegment, refOf, sameId, type Json } from "./json.js";

const NAME = /^\w(?:[\w.-]{0,78}\w)?$/;
export function assertName(name: unknown): string {
  if (typeof name !== "string" || !NAME.test(name)) throw invalidResourceName(String(name ?? ""));
  return name;
}

export function requireLocation(value: unknown): string {
  if (!value) throw locationRequired();
  // Unknown regions are refused by ARM before the RP; the emulator keeps what it cannot normalise.
  return normalizeLocation(value) ?? String(value).toLowerCase();
}

export function route(def: Omit<RouteDef, "apiVersions">): RouteDef {
  return { ...def, apiVersions: NETWORK_API_VERSIONS };
}

export function getOr404(ctx: RequestContext, id: string, type: string, name: string) {
  const r = ctx.store.getResource(id);
  if (!r) throw resourceNotFound(type, name, ctx.params.resourceGroupName);
  return r;
}

const OPERATION_NAMES: Record<string, string> = {
  loadbalancers: "LoadBalancer",
  virtualnetworks: "VirtualNetwork",
  subnets: "Subnet",
  networkinterfaces: "Nic",
  publicipaddresses: "PublicIpAddress",
  networksecuritygroups: "NetworkSecurityGroup",
};

/**
 * Azure locks a network resource (and its parent and children) while an operation runs on it; a second write gets
 * 429 RetryableErrorDueToAnotherOperation.
 */
export function assertNotLocked(ctx: RequestContext, id: string): void {
  const lower = id.toLowerCase();
  const op = Object.values(ctx.store.state.operations).find((o) => {
    if (o.status !== "InProgress") return false;
    const other = o.resourceId.toLowerCase();
    return other === lower || other.startsWith(lower + "/") || lower.startsWith(other + "/");
  });
  if (!op) return;
  const type = op.resourceId.split("/").filter(Boolean).at(-2)?.toLowerCase() ?? "";
  const verb = op.kind === "delete" ? "Delete" : "Put";
  const remaining = Math.max(1, Math.ceil((op.startMs + op.durationMs - ctx.clock.now()) / 1000));
  throw anotherOperation(
    `${verb}${OPERATION_NAMES[type] ?? "Resource"}Operation`,
    op.id,
    op.resourceId,
    remaining,
    op.kind === "delete" ? "deleting" : "updating",
  );
}

export const newResourceGuid = () => newGuid();

/**
 * Stores a top-level network resource and starts its PUT operation: 201 on create, 200 on update, with
 * Azure-AsyncOperation (final state via azure-async-operation). Network resources report Updating, never Creating.
 */
export function writeTopLevel(
  ctx: RequestContext,
  id: string,
  body: Json,
  opts: { existed: boolean; seconds: number },
): Reply {
  ctx.store.putResource(id, body);
  const op = ctx.lro.begin({
    resourceId: id,
    kind: "update",
    durationSeconds: opts.seconds,
    apiVersion: ctx.apiVersion,
    namespace: NETWORK,
    location: String(body.location),
    effects: [{ name: "network.settle", args: { id } }],
  });
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  return ctx.lro.reply(op, ctx.url(""), { status: opts.existed ? 200 : 201, body: ctx.store.getResource(id)!.body });
}

/** Child resource writes store the parent and run the operation on the child id. */
export function writeChild(
  ctx: RequestContext,
  parentId: string,
  parent: Json,
  childId: string,
  opts: { existed: boolean; seconds: number; find: (p: Json) => Json | undefined },
): Reply {
  parent.properties = { ...parent.properties, provisioningState: "Updating" };
  ctx.store.putResource(parentId, parent);
  const op = ctx.lro.begin({
    resourceId: childId,
    kind: "update",
    durationSeconds: opts.seconds,
    apiVersion: ctx.apiVersion,
    namespace: NETWORK,
    location: String(parent.location),
    effects: [{ name: "network.settle", args: { id: parentId, parent: true } }],
  });
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  const saved = ctx.store.getResource(parentId)!.body;
  return ctx.lro.reply(op, ctx.url(""), { status: opts.existed ? 200 : 201, body: opts.find(saved) });
}

/** DELETE: 202 + Location (and Azure-AsyncOperation); 204 when there is nothing to delete. */
export function deleteTopLevel(ctx: RequestContext, id: string, seconds: number): Reply {
  const r = ctx.store.getResource(id);
  if (!r) return { status: 204 };
  const op = ctx.lro.begin({
    resourceId: id,
    kind: "delete",
    durationSeconds: seconds,
    apiVersion: ctx.apiVersion,
    namespace: NETWORK,
    location: String(r.body.location),
    effects: [{ name: "network.sync", args: { subscriptionId: ctx.params.subscriptionId } }],
  });
  return ctx.lro.reply(op, ctx.url(""), { status: 202 });
}

/** A child delete applies at once (the parent no longer lists it) and reports a short delete operation. */
export function deleteChild(
  ctx: RequestContext,
  parentId: string,
  parent: Json,
  childId: string,
  seconds: number,
): Reply {
  ctx.store.putResource(parentId, parent);
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  const op = ctx.lro.begin({
    resourceId: childId,
    kind: "delete",
    durationSeconds: seconds,
    apiVersion: ctx.apiVersion,
    namespace: NETWORK,
    location: String(parent.location),
  });
  return ctx.lro.reply(op, ctx.url(""), { status: 202 });
}

/** Sets provisioningState Succeeded on every child item (and the parent when asked) once an operation ends. */
export function settle(body: Json, parent: boolean): void {
  const props = (body.properties ?? {}) as Json;
  if (parent) props.provisioningState = "Succeeded";
  for (const value of Object.values(props)) {
    for (const item of asArray(value)) {
      if (item && typeof item === "object" && item.properties && typeof item.properties === "object")
        item.properties.provisioningState = "Succeeded";
    }
  }
}

export const rgScope = (ctx: RequestContext) =>
  `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;

export function listBodies(ctx: RequestContext, type: string, scope: "group" | "subscription"): Reply {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  const found =
    scope === "group"
      ? ctx.store.listResources({ scope: rgScope(ctx), type })
      : ctx.store.listResources({ subscriptionId: ctx.params.subscriptionId, type });
  return { status: 200, body: ctx.page(found.map((r) => r.body)) };
}
