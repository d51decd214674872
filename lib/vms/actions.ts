"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireTenantContext } from "@/lib/auth/context";
import { Conflict, parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { createVms } from "./create-vms";
import {
  bulkVmActionSchema,
  createVmSchema,
  dataDiskSchema,
  removeDataDiskSchema,
  resizeVmSchema,
  vmActionSchema,
} from "./schema";
import { changeDataDisks, requestResize, runBulkVmAction, runVmAction, type VmAction } from "./change-vms";

const listPath = (tenant: string) => `/tenant/${tenant}/vms`;
const detailPath = (tenant: string, vmId: string) => `${listPath(tenant)}/${vmId}`;
// Bound arguments come back from the browser like any other input, so the action name is checked too.
const vmActionName = z.enum(["start", "stop", "restart", "delete"]);

const verbs: Record<VmAction, string> = {
  start: "Starting",
  stop: "Stopping",
  restart: "Restarting",
  delete: "Deleting",
};

/** Returns as soon as the VMs are written as Creating: one lands on its page, several on the list. */
export async function createVmAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const created = await createVms(ctx, parseInput(createVmSchema, form));
    revalidatePath(listPath(ctx.tenantSlug));
    redirect(
      created.length === 1
        ? detailPath(ctx.tenantSlug, created[0].id)
        : `${listPath(ctx.tenantSlug)}?created=${created.length}`,
    );
  });
}

export async function vmPowerAction(tenant: string, action: VmAction, form: FormData): Promise<ActionResult> {
  return runAction(
    async () => {
      const ctx = await requireTenantContext({ tenant, role: "operator" });
      const name = vmActionName.parse(action);
      const { vmId } = parseInput(vmActionSchema, form);
      const operation = await runVmAction(ctx, vmId, name);
      revalidatePath(listPath(ctx.tenantSlug));
      if (name === "delete") redirect(`${listPath(ctx.tenantSlug)}?deleting=${encodeURIComponent(operation.id)}`);
      revalidatePath(detailPath(ctx.tenantSlug, vmId));
      return { operationId: operation.id };
    },
    `${verbs[action] ?? "Working on"} the VM…`,
  );
}

/** One operation per VM; VMs that cannot take the action are named in the message, the others go ahead. */
export async function bulkVmAction(tenant: string, action: VmAction, form: FormData): Promise<ActionResult> {
  let message = "";
  const result = await runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const name = vmActionName.parse(action);
    const { ids } = parseInput(bulkVmActionSchema, { ids: form.getAll("ids") });
    const results = await runBulkVmAction(ctx, ids, name);
    revalidatePath(listPath(ctx.tenantSlug));
    const started = results.filter((r) => r.ok).length;
    const skipped = results.flatMap((r) => (r.ok ? [] : [r.message]));
    if (started === 0) throw new Conflict(skipped.join(" "));
    message =
      `${verbs[name]} ${started} VM${started === 1 ? "" : "s"}.` +
      (skipped.length ? ` Skipped ${skipped.length}: ${skipped.join(" ")}` : "");
    return results;
  });
  return result.ok ? { ...result, message } : result;
}

export async function resizeVmAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const { vmId, size } = parseInput(resizeVmSchema, form);
    const operation = await requestResize(ctx, vmId, size);
    revalidatePath(detailPath(ctx.tenantSlug, vmId));
    return { operationId: operation.id };
  }, "Resizing the VM…");
}

export async function addDataDiskAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const { vmId, sizeGb } = parseInput(dataDiskSchema, form);
    const operation = await changeDataDisks(ctx, vmId, { add: sizeGb });
    revalidatePath(detailPath(ctx.tenantSlug, vmId));
    return { operationId: operation.id };
  }, "Adding the data disk…");
}

export async function removeDataDiskAction(tenant: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const { vmId, lun } = parseInput(removeDataDiskSchema, form);
    const operation = await changeDataDisks(ctx, vmId, { removeLun: lun });
    revalidatePath(detailPath(ctx.tenantSlug, vmId));
    return { operationId: operation.id };
  }, "Detaching the data disk…");
}
