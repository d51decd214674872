import { ok, type RequestContext, type RouteDef } from "../../core/plugin.js";
import { asrError, CONTAINER, getAt, ITEM, listUnder, notFound, props, route, T, VAULT, vaultOf } from "./common.js";
import { acceptedReply, startJob } from "./jobs.js";
import { enableProtection } from "./enable.js";
import { itemInternal, itemView, recoveryPoints } from "./protected-model.js";
import {
  applyRecoveryPoint,
  disableProtection,
  failoverCommit,
  notAllowed,
  plannedFailover,
  reProtect,
  testFailover,
  testFailoverCleanup,
  unplannedFailover,
} from "./failover.js";
import { enableProtectionSchema, failoverSchemas, updateProtectedItemSchema } from "./schemas.js";

/** Routes of replicated items: enable, read, update target settings, actions, recovery points, purge. */
const getItem = (ctx: RequestContext, path = ctx.path) => getAt(ctx, "ProtectedItem", ctx.params.itemName, path);

/** DELETE = purge: removes the item whatever its state, unless one of its jobs is still running. */
function purge(ctx: RequestContext) {
  const vault = vaultOf(ctx);
  const item = ctx.store.getResource(ctx.path);
  if (!item) return { status: 204 };
  const view = itemView(ctx.store, ctx.clock, item);
  if (itemInternal(item).pending) throw notAllowed(item, view, "DisableProtection");
  const started = startJob(ctx, vault, {
    scenarioName: "DisableDr",
    friendlyName: "Disable protection",
    targetObjectId: String(item.body.name),
    targetObjectName: String(props(item).friendlyName),
    targetInstanceType: "ProtectionEntity",
    tasks: ["Purge replicated item"],
    durationSeconds: 20,
    effect: { name: "asr.itemAction", args: { action: "disable", itemId: item.id } },
  });
  return acceptedReply(ctx, vault, started);
}

/** PATCH: compute and network settings of the Azure VM (UpdateReplicationProtectedItemInput). */
function updateItem(ctx: RequestContext) {
  const vault = vaultOf(ctx);
  const item = getItem(ctx);
  const input = (ctx.body.properties ?? {}) as Record<string, unknown>;
  const psd = props(item).providerSpecificDetails as Record<string, unknown> & { vmNics?: Record<string, unknown>[] };
  if (input.recoveryAzureVMName) psd.recoveryAzureVmName = input.recoveryAzureVMName;
  if (input.recoveryAzureVMSize) psd.recoveryAzureVMSize = input.recoveryAzureVMSize;
  if (input.licenseType) psd.licenseType = input.licenseType;
  if (input.enableRdpOnTargetOption) psd.enableRdpOnTargetOption = input.enableRdpOnTargetOption;
  if (typeof input.selectedRecoveryAzureNetworkId === "string") {
    const vnet = ctx.store.getResource(input.selectedRecoveryAzureNetworkId);
    if (!vnet)
      throw asrError(
        400,
        "AzureNetworkNotFound",
        `The Azure virtual network '${input.selectedRecoveryAzureNetworkId}' was not found or you do not have access to it.`,
        "The virtual network does not exist.",
        "Select an existing virtual network.",
      );
    psd.selectedRecoveryAzureNetworkId = vnet.id;
    const nic = (input.vmNics as Record<string, unknown>[] | undefined)?.[0];
    psd.vmNics = [
      {
        ...(psd.vmNics?.[0] ?? { nicId: `${String(psd.vmId)}-nic0`, selectionType: "SelectedByUser" }),
        recoveryVMNetworkId: vnet.id,
        recoveryVMSubnetName: nic?.recoveryVMSubnetName ?? psd.vmNics?.[0]?.recoveryVMSubnetName,
      },
    ];
  }
  ctx.store.markDirty();
  const started = startJob(ctx, vault, {
    scenarioName: "UpdateVmProperties",
    friendlyName: "Update the virtual machine",
    targetObjectId: String(item.body.name),
    targetObjectName: String(props(item).friendlyName),
    targetInstanceType: "ProtectionEntity",
    tasks: ["Update the virtual machine properties"],
    durationSeconds: 10,
  });
  return acceptedReply(ctx, vault, started, item.id);
}

const action = (name: string, handler: (ctx: RequestContext) => ReturnType<typeof testFailover>): RouteDef =>
  route({
    method: "POST",
    path: `${ITEM}/${name}`,
    operation: "action",
    resourceType: T.protected,
    action: `${T.protected}/${name}/action`,
    bodySchema: failoverSchemas[name],
    handler,
  });

const listItems = (scope: (ctx: RequestContext) => string) => (ctx: RequestContext) => {
  vaultOf(ctx);
  return ok(ctx.page(listUnder(ctx.store, scope(ctx), T.protected).map((r) => itemView(ctx.store, ctx.clock, r))));
};

export const protectedItemRoutes: RouteDef[] = [
  route({
    method: "PUT",
    path: ITEM,
    operation: "write",
    resourceType: T.protected,
    bodySchema: enableProtectionSchema,
    handler: enableProtection,
  }),
  route({
    method: "GET",
    path: ITEM,
    operation: "read",
    resourceType: T.protected,
    handler: (ctx) => ok(itemView(ctx.store, ctx.clock, getItem(ctx))),
  }),
  route({
    method: "PATCH",
    path: ITEM,
    operation: "write",
    resourceType: T.protected,
    bodySchema: updateProtectedItemSchema,
    handler: updateItem,
  }),
  route({ method: "DELETE", path: ITEM, operation: "delete", resourceType: T.protected, handler: purge }),
  route({
    method: "GET",
    path: `${CONTAINER}/replicationProtectedItems`,
    operation: "read",
    resourceType: T.protected,
    handler: listItems((ctx) => ctx.path.split("/").slice(0, -1).join("/")),
  }),
  route({
    method: "GET",
    path: `${VAULT}/replicationProtectedItems`,
    operation: "read",
    resourceType: T.protected,
    handler: listItems((ctx) => ctx.path.split("/").slice(0, 9).join("/")),
  }),
  action("testFailover", testFailover),
  action("testFailoverCleanup", testFailoverCleanup),
  action("plannedFailover", plannedFailover),
  action("unplannedFailover", unplannedFailover),
  action("failoverCommit", failoverCommit),
  action("applyRecoveryPoint", applyRecoveryPoint),
  action("reProtect", reProtect),
  action("remove", disableProtection),
  route({
    method: "GET",
    path: `${ITEM}/recoveryPoints`,
    operation: "read",
    resourceType: T.protected,
    handler: (ctx) => ok(ctx.page(recoveryPoints(getItem(ctx, ctx.path.replace(/\/recoveryPoints$/i, "")), ctx.clock))),
  }),
  route({
    method: "GET",
    path: `${ITEM}/recoveryPoints/{recoveryPointName}`,
    operation: "read",
    resourceType: T.protected,
    handler: (ctx) => {
      const item = getItem(ctx, ctx.path.split("/").slice(0, -2).join("/"));
      const point = recoveryPoints(item, ctx.clock).find((p) => p.name === ctx.params.recoveryPointName);
      if (!point) throw notFound("RecoveryPoint", ctx.params.recoveryPointName);
      return ok(point);
    },
  }),
];
