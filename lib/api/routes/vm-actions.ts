import { createRoute } from "@hono/zod-openapi";
import { changeDataDisks, requestResize, runVmAction } from "@/lib/vms/change-vms";
import { tenantContext } from "../auth";
import { kinds } from "@/lib/operations/kinds";
import { accepted, acceptedOperation, readOperation, tenantScope } from "../operation";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { addDataDiskBody, dataDiskParams, resizeVmBody, vmParams } from "./vm-schemas";

/** Changes to one VM: each answers 202 with its operation, like the buttons on the VM page (operator or owner). */
export const vmActionRoutes = apiRouter();
const tags = ["Virtual machines"];

const powerActions = {
  start: "Start a VM",
  stop: "Stop (deallocate) a VM",
  restart: "Restart a running VM",
} as const;

for (const [action, summary] of Object.entries(powerActions) as [keyof typeof powerActions, string][]) {
  vmActionRoutes.openapi(
    createRoute({
      method: "post",
      path: `/tenants/{tenant}/vms/{vmId}/${action}`,
      operationId: `${action}Vm`,
      ...requires("operator"),
      summary,
      description: "409 when the VM is busy with another operation or already in that state.",
      tags,
      security: bearerSecurity,
      request: { params: vmParams },
      responses: { 202: acceptedOperation(kinds.vm[action]), ...problemResponses(401, 403, 404, 409, 422, 429, 500) },
    }),
    async (c) => {
      const { tenant, vmId } = c.req.valid("param");
      const ctx = await tenantContext(c, tenant, "operator");
      const op = await runVmAction(ctx, vmId, action);
      return accepted(c, await readOperation(tenantScope(ctx), op.id));
    },
  );
}

vmActionRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/vms/{vmId}/resize",
    operationId: "resizeVm",
    ...requires("operator"),
    summary: "Resize a VM",
    description: "To a size the plan offers in the VM's region, within the vCPU quota (409 QuotaExceeded otherwise).",
    tags,
    security: bearerSecurity,
    request: {
      params: vmParams,
      body: { required: true, content: { "application/json": { schema: resizeVmBody } } },
    },
    responses: { 202: acceptedOperation(kinds.vm.resize), ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500) },
  }),
  async (c) => {
    const { tenant, vmId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant, "operator");
    const op = await requestResize(ctx, vmId, c.req.valid("json").size);
    return accepted(c, await readOperation(tenantScope(ctx), op.id));
  },
);

vmActionRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/vms/{vmId}/data-disks",
    operationId: "addVmDataDisk",
    ...requires("operator"),
    summary: "Add an empty data disk",
    description: "At the next free LUN, up to what the VM's size takes.",
    tags,
    security: bearerSecurity,
    request: {
      params: vmParams,
      body: { required: true, content: { "application/json": { schema: addDataDiskBody } } },
    },
    responses: {
      202: acceptedOperation(kinds.vm.setDataDisks),
      ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const { tenant, vmId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant, "operator");
    const op = await changeDataDisks(ctx, vmId, { add: c.req.valid("json").sizeGb });
    return accepted(c, await readOperation(tenantScope(ctx), op.id));
  },
);

vmActionRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{tenant}/vms/{vmId}/data-disks/{lun}",
    operationId: "removeVmDataDisk",
    ...requires("operator"),
    summary: "Detach and delete a data disk",
    description: "The disk at this LUN; 404 when the VM has none there.",
    tags,
    security: bearerSecurity,
    request: { params: dataDiskParams },
    responses: {
      202: acceptedOperation(kinds.vm.setDataDisks),
      ...problemResponses(400, 401, 403, 404, 409, 429, 500),
    },
  }),
  async (c) => {
    const { tenant, vmId, lun } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant, "operator");
    const op = await changeDataDisks(ctx, vmId, { removeLun: lun });
    return accepted(c, await readOperation(tenantScope(ctx), op.id));
  },
);
