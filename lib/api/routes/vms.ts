import { createRoute, z } from "@hono/zod-openapi";
import { createVms } from "@/lib/vms/create-vms";
import { getVm, listVms } from "@/lib/vms/queries";
import { runVmAction } from "@/lib/vms/change-vms";
import { tenantContext } from "../auth";
import {
  accepted,
  acceptedHeaderDocs,
  OPERATION_RETRY_AFTER_SECONDS,
  operationSchema,
  readOperation,
  tenantScope,
} from "../operation";
import { decodeSkipToken, pageOf, pageQuery, pageSchema } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import {
  connectSchema,
  createVmBody,
  createVmsAcceptedSchema,
  tenantParam,
  toApiVm,
  toApiVmDetail,
  toConnectInfo,
  vmDetailSchema,
  vmParams,
  vmSchema,
  vmStateFilter,
  vmUrl,
} from "./vm-schemas";

/**
 * Tenant VMs: list, read, create, delete, connect. Each handler is a door onto the service the VM pages' actions call
 * (lib/vms), with the role that action asks for. Power, resize and disk changes are in vm-actions.ts.
 */
export const vmRoutes = apiRouter();
const tags = ["Virtual machines"];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

vmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/vms",
    operationId: "listVms",
    ...requires("reader"),
    summary: "List the tenant's VMs",
    description: "Newest first, filtered like the VM list in the portal. Any tenant role.",
    tags,
    security: bearerSecurity,
    request: {
      params: z.object({ tenant: tenantParam }),
      query: z.object({
        state: z.enum(vmStateFilter).optional().openapi({ description: "A power state or a provisioning state." }),
        search: z.string().max(200).optional().openapi({ description: "Part of the VM's name, any case." }),
        region: z.string().max(100).optional(),
        subscription: z.string().max(100).optional().openapi({ description: "A tenant subscription id." }),
        ...pageQuery,
      }),
    },
    responses: {
      200: json(pageSchema(vmSchema, "VmPage"), "A page of VMs."),
      ...problemResponses(400, 401, 404, 429, 500),
    },
  }),
  async (c) => {
    const { tenant } = c.req.valid("param");
    const q = c.req.valid("query");
    const ctx = await tenantContext(c, tenant);
    const skip = decodeSkipToken(q.$skipToken);
    const { total, rows } = await listVms(ctx, {
      q: q.search,
      state: q.state,
      region: q.region,
      tenantSubscriptionId: q.subscription,
      sort: "createdAt",
      dir: "desc",
      skip,
      take: q.top,
    });
    const items = rows.map((vm) => toApiVm(ctx.tenantSlug, vm));
    return c.json(pageOf(c, items, total, skip, q.top), 200);
  },
);

vmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/vms/{vmId}",
    operationId: "getVm",
    ...requires("reader"),
    summary: "Read one VM",
    description: "Its size, image, network, disks and states as the VM page shows them. Any tenant role.",
    tags,
    security: bearerSecurity,
    request: { params: vmParams },
    responses: { 200: json(vmDetailSchema, "The VM."), ...problemResponses(401, 404, 429, 500) },
  }),
  async (c) => {
    const { tenant, vmId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant);
    return c.json(toApiVmDetail(ctx.tenantSlug, await getVm(ctx, vmId)), 200);
  },
);

vmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/vms/{vmId}/connect",
    operationId: "getVmConnectInfo",
    ...requires("reader"),
    summary: "How to connect to a VM",
    description: "The ssh command or Remote Desktop address and user. Passwords are never stored, so never returned.",
    tags,
    security: bearerSecurity,
    request: { params: vmParams },
    responses: { 200: json(connectSchema, "Connection details."), ...problemResponses(401, 404, 429, 500) },
  }),
  async (c) => {
    const { tenant, vmId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant);
    return c.json(toConnectInfo(await getVm(ctx, vmId)), 200);
  },
);

vmRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{tenant}/vms",
    operationId: "createVms",
    ...requires("operator"),
    summary: "Create one VM or a bulk of them",
    description:
      "Checked against the plan (region, size, image, quota) exactly as the create form is; returns at once with one " +
      "vm.create operation per VM. Location points at the first operation. Operator or owner. Send Idempotency-Key " +
      "to make a retry safe.",
    tags,
    security: bearerSecurity,
    request: {
      params: z.object({ tenant: tenantParam }),
      body: { required: true, content: { "application/json": { schema: createVmBody } } },
    },
    responses: {
      202: { ...json(createVmsAcceptedSchema, "The VMs are written as Creating."), headers: acceptedHeaderDocs },
      ...problemResponses(400, 401, 403, 404, 409, 422, 429, 500),
    },
  }),
  async (c) => {
    const { tenant } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant, "operator");
    const created = await createVms(ctx, c.req.valid("json"));
    const operations = await Promise.all(created.map((vm) => readOperation(tenantScope(ctx), vm.operationId)));
    const vms = created.map((vm) => ({ id: vm.id, name: vm.name, href: vmUrl(ctx.tenantSlug, vm.id) }));
    const location = new URL(operations[0].href, c.req.url).toString();
    return c.json({ vms, operations }, 202, {
      Location: location,
      "Operation-Location": location,
      "Retry-After": String(OPERATION_RETRY_AFTER_SECONDS),
    });
  },
);

vmRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{tenant}/vms/{vmId}",
    operationId: "deleteVm",
    ...requires("operator"),
    summary: "Delete a VM",
    description: "Deletes the VM and what was made for it (NIC, public IP, disks) in Azure. Operator or owner.",
    tags,
    security: bearerSecurity,
    request: { params: vmParams },
    responses: {
      202: { ...json(operationSchema, "The vm.delete operation."), headers: acceptedHeaderDocs },
      ...problemResponses(401, 403, 404, 409, 429, 500),
    },
  }),
  async (c) => {
    const { tenant, vmId } = c.req.valid("param");
    const ctx = await tenantContext(c, tenant, "operator");
    const op = await runVmAction(ctx, vmId, "delete");
    return accepted(c, await readOperation(tenantScope(ctx), op.id));
  },
);
