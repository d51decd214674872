import { ok, type RequestContext, type RouteDef } from "../../core/plugin.js";
import type { StoredResource } from "../../core/state.js";
import { CONTAINER, FABRIC, getAt, listUnder, props, route, sameId, T, VAULT, vaultOf } from "./common.js";

/** Read-only views of what a registered VMM server reports: fabrics, its DRA provider, clouds, VMs, networks. */
const protectedItemsUnder = (ctx: RequestContext, scope: string) => listUnder(ctx.store, scope, T.protected);

function providerView(ctx: RequestContext, r: StoredResource) {
  const { registeredAtMs: _r, ...p } = props(r);
  const fabricId = r.id.split("/").slice(0, -2).join("/");
  // The DRA heartbeats every few minutes; a connected server always shows a recent one.
  const lastHeartBeat = ctx.clock.iso(ctx.clock.now() - 45_000);
  return {
    ...r.body,
    properties: { ...p, lastHeartBeat, protectedItemCount: protectedItemsUnder(ctx, fabricId).length },
  };
}

function containerView(ctx: RequestContext, r: StoredResource) {
  const paired = listUnder(ctx.store, r.id, T.containerMapping).length > 0;
  return {
    ...r.body,
    properties: {
      ...props(r),
      protectedItemCount: protectedItemsUnder(ctx, r.id).length,
      pairingStatus: paired ? "Paired" : "NotPaired",
    },
  };
}

function protectableView(ctx: RequestContext, r: StoredResource) {
  const container = r.id.split("/").slice(0, -2).join("/");
  const item = protectedItemsUnder(ctx, container).find((p) => sameId(props(p).protectableItemId, r.id));
  const p = props(r);
  return {
    ...r.body,
    properties: {
      ...p,
      protectionStatus: item ? "Protected" : "Unprotected",
      ...(item ? { replicationProtectedItemId: item.id } : {}),
      recoveryServicesProviderId: listUnder(ctx.store, container.split("/").slice(0, -2).join("/"), T.provider)[0]?.id,
    },
  };
}

type View = (ctx: RequestContext, r: StoredResource) => unknown;
const plain: View = (_ctx, r) => r.body;

function collection(path: string, type: string, view: View, scopeOf: (ctx: RequestContext) => string): RouteDef {
  return route({
    method: "GET",
    path,
    operation: "read",
    resourceType: type,
    handler: (ctx) => {
      vaultOf(ctx);
      let items = listUnder(ctx.store, scopeOf(ctx), type).map(
        (r) => view(ctx, r) as { properties: Record<string, unknown> },
      );
      const filter = /protectionStatus\s+eq\s+'(\w+)'/i.exec(ctx.query.get("$filter") ?? "");
      if (filter)
        items = items.filter((i) => String(i.properties.protectionStatus).toLowerCase() === filter[1].toLowerCase());
      return ok(ctx.page(items));
    },
  });
}

function single(path: string, type: string, kind: string, param: string, view: View): RouteDef {
  return route({
    method: "GET",
    path,
    operation: "read",
    resourceType: type,
    handler: (ctx) => ok(view(ctx, getAt(ctx, kind, ctx.params[param]))),
  });
}

const vaultScope = (ctx: RequestContext) => ctx.path.split("/").slice(0, 9).join("/");
const parentScope = (ctx: RequestContext) => ctx.path.split("/").slice(0, -1).join("/");

export const infrastructureRoutes: RouteDef[] = [
  collection(`${VAULT}/replicationFabrics`, T.fabric, plain, parentScope),
  single(FABRIC, T.fabric, "Fabric", "fabricName", plain),
  collection(`${VAULT}/replicationRecoveryServicesProviders`, T.provider, providerView, vaultScope),
  collection(`${FABRIC}/replicationRecoveryServicesProviders`, T.provider, providerView, parentScope),
  single(
    `${FABRIC}/replicationRecoveryServicesProviders/{providerName}`,
    T.provider,
    "RecoveryServicesProvider",
    "providerName",
    providerView,
  ),
  collection(`${VAULT}/replicationProtectionContainers`, T.container, containerView, vaultScope),
  collection(`${FABRIC}/replicationProtectionContainers`, T.container, containerView, parentScope),
  single(CONTAINER, T.container, "ProtectionContainer", "containerName", containerView),
  collection(`${CONTAINER}/replicationProtectableItems`, T.protectable, protectableView, parentScope),
  single(
    `${CONTAINER}/replicationProtectableItems/{protectableItemName}`,
    T.protectable,
    "ProtectableItem",
    "protectableItemName",
    protectableView,
  ),
  collection(`${VAULT}/replicationNetworks`, T.network, plain, vaultScope),
  collection(`${FABRIC}/replicationNetworks`, T.network, plain, parentScope),
  single(`${FABRIC}/replicationNetworks/{networkName}`, T.network, "Network", "networkName", plain),
];
