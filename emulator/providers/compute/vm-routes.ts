import { ArmError } from "../../core/errors.js";
import { ok, type RequestContext, type RouteDef } from "../../core/plugin.js";
import type { StoredResource } from "../../core/state.js";
import { PATHS, VM_API_VERSIONS, VM_TYPE } from "./constants.js";
import { throttle } from "./throttle.js";
import { deleteVm, powerAction } from "./vm-actions.js";
import { getVm, vmIdOf } from "./vm-common.js";
import { createVm } from "./vm-create.js";
import { instanceView, statuses } from "./vm-state.js";
import { resizeTargets, updateVm } from "./vm-update.js";
import { sizeBody } from "./sizes.js";
import { assertReferenceTypes } from "./vm-validate.js";
import { virtualMachineSchema, virtualMachineUpdateSchema } from "./schemas.js";

const base = { apiVersions: VM_API_VERSIONS, resourceType: VM_TYPE } as const;

const withInstanceView = (r: StoredResource) => ({
  ...r.body,
  properties: { ...(r.body.properties as object), instanceView: instanceView(r) },
});
const withStatuses = (r: StoredResource) => ({
  ...r.body,
  properties: { ...(r.body.properties as object), instanceView: { statuses: statuses(r) } },
});
const expandsInstanceView = (ctx: RequestContext) => (ctx.query.get("$expand") ?? "").toLowerCase() === "instanceview";

function putVm(ctx: RequestContext) {
  throttle(ctx, "putVm");
  assertReferenceTypes(ctx.body);
  const existing = ctx.store.getResource(vmIdOf(ctx));
  ctx.etag.check(existing?.body);
  return existing ? updateVm(ctx, existing) : createVm(ctx);
}

function patchVm(ctx: RequestContext) {
  throttle(ctx, "putVm");
  assertReferenceTypes(ctx.body);
  const vm = getVm(ctx);
  ctx.etag.check(vm.body);
  return updateVm(ctx, vm);
}

function list(ctx: RequestContext, filter: { scope?: string; location?: string }) {
  throttle(ctx, "highCostGet");
  const vms = ctx.store
    .listResources({ scope: filter.scope, subscriptionId: ctx.params.subscriptionId, type: VM_TYPE })
    .filter((r) => !filter.location || String(r.body.location) === filter.location.toLowerCase())
    .sort((a, b) => a.id.localeCompare(b.id));
  const statusOnly = (ctx.query.get("statusOnly") ?? "").toLowerCase() === "true";
  return ok(
    ctx.page(vms.map((r) => (statusOnly ? withStatuses(r) : expandsInstanceView(ctx) ? withInstanceView(r) : r.body))),
  );
}

/** GET on Compute's own async-operation URLs, so polls count against its GetOperation windows. */
function operationStatus(ctx: RequestContext) {
  throttle(ctx, "getOperation");
  const op = ctx.lro.get(ctx.params.operationId);
  if (!op || op.subscriptionId.toLowerCase() !== ctx.params.subscriptionId.toLowerCase()) {
    throw new ArmError(404, "OperationNotFound", `The operation '${ctx.params.operationId}' could not be found.`);
  }
  return ok(ctx.lro.statusBody(op));
}

export const vmRoutes: RouteDef[] = [
  { ...base, method: "PUT", path: PATHS.vm, operation: "write", bodySchema: virtualMachineSchema, handler: putVm },
  {
    ...base,
    method: "PATCH",
    path: PATHS.vm,
    operation: "write",
    bodySchema: virtualMachineUpdateSchema,
    handler: patchVm,
  },
  {
    ...base,
    method: "GET",
    path: PATHS.vm,
    operation: "read",
    handler: (ctx) => {
      throttle(ctx, "lowCostGet");
      const vm = getVm(ctx);
      return ok(expandsInstanceView(ctx) ? withInstanceView(vm) : vm.body);
    },
  },
  {
    ...base,
    method: "DELETE",
    path: PATHS.vm,
    operation: "delete",
    handler: (ctx) => (throttle(ctx, "deleteVm"), deleteVm(ctx)),
  },
  {
    ...base,
    method: "GET",
    path: `${PATHS.vm}/instanceView`,
    operation: "read",
    handler: (ctx) => (throttle(ctx, "lowCostGet"), ok(instanceView(getVm(ctx)))),
  },
  {
    ...base,
    method: "GET",
    path: `${PATHS.vm}/vmSizes`,
    operation: "read",
    handler: (ctx) => (throttle(ctx, "lowCostGet"), ok({ value: resizeTargets(getVm(ctx)).map(sizeBody) })),
  },
  {
    ...base,
    method: "POST",
    path: `${PATHS.vm}/start`,
    operation: "action",
    action: `${VM_TYPE}/start/action`,
    handler: (ctx) => (throttle(ctx, "putVm"), powerAction("start")(ctx)),
  },
  {
    ...base,
    method: "POST",
    path: `${PATHS.vm}/powerOff`,
    operation: "action",
    action: `${VM_TYPE}/powerOff/action`,
    handler: (ctx) => (throttle(ctx, "putVm"), powerAction("powerOff")(ctx)),
  },
  {
    ...base,
    method: "POST",
    path: `${PATHS.vm}/restart`,
    operation: "action",
    action: `${VM_TYPE}/restart/action`,
    handler: (ctx) => (throttle(ctx, "putVm"), powerAction("restart")(ctx)),
  },
  {
    ...base,
    method: "POST",
    path: `${PATHS.vm}/deallocate`,
    operation: "action",
    action: `${VM_TYPE}/deallocate/action`,
    handler: (ctx) => (throttle(ctx, "deleteVm"), powerAction("deallocate")(ctx)),
  },
  {
    ...base,
    method: "GET",
    path: PATHS.vmsInGroup,
    operation: "read",
    handler: (ctx) =>
      list(ctx, {
        scope: `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`,
      }),
  },
  { ...base, method: "GET", path: PATHS.vmsInSubscription, operation: "read", handler: (ctx) => list(ctx, {}) },
  {
    ...base,
    method: "GET",
    path: PATHS.vmsByLocation,
    operation: "read",
    handler: (ctx) => list(ctx, { location: ctx.params.location }),
  },
  {
    method: "GET",
    path: PATHS.operation,
    apiVersions: "any",
    operation: "read",
    isPoll: true,
    requiresRegistration: false,
    handler: operationStatus,
  },
];
