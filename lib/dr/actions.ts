"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff, requireTenantContext } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import { boundId } from "@/lib/errors/parse";
import type { ActionResult } from "@/lib/utils/action-result";
import { assignCloud, refreshFabric, registerVault } from "./admin-service";
import { rerunSetupStep, setupTenant } from "./setup-service";
import { enableProtection, refreshProtection, runDrAction } from "./protection-service";
import { createVaultCredentials } from "./vault-credentials-service";
import {
  assignCloudSchema,
  enableProtectionSchema,
  failoverActionSchema,
  registerVaultSchema,
  setupStepSchema,
  setupTenantSchema,
} from "./schema";

const ADMIN = "/admin/dr";
const tenantPath = (slug: string) => `/tenant/${slug}/dr`;

export async function registerVaultAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const r = await registerVault(ctx, parseInput(registerVaultSchema, form));
    revalidatePath(ADMIN);
    return r;
  }, "Registering the vault…");
}

export async function refreshFabricAction(vaultId: string): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const r = await refreshFabric(ctx, boundId(vaultId));
    revalidatePath(ADMIN);
    return r;
  }, "Reading the VMM servers…");
}

export async function createVaultCredentialsAction(vaultId: string): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const op = await createVaultCredentials(ctx, boundId(vaultId));
    revalidatePath(ADMIN);
    return { operationId: op.id };
  }, "Generating the registration settings…");
}

export async function assignCloudAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const input = parseInput(assignCloudSchema, form);
    await assignCloud(ctx, input);
    revalidatePath(ADMIN);
    redirect(`${ADMIN}/clouds/${input.containerId}`);
  });
}

export async function setupTenantAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const input = parseInput(setupTenantSchema, form);
    const r = await setupTenant(ctx, input);
    revalidatePath(`${ADMIN}/clouds/${input.containerId}`);
    return r;
  }, "Setting up disaster recovery…");
}

export async function rerunSetupStepAction(
  setupId: string,
  containerId: string,
  form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const step = setupStepSchema.parse(form.get("step"));
    const r = await rerunSetupStep(ctx, boundId(setupId), step);
    revalidatePath(`${ADMIN}/clouds/${containerId}`);
    return r;
  }, "Running the step again…");
}

/** The tenant owner's own setup: the same service and operation as the admin's, authorized by the tenant context. */
export async function setupOwnDrAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "owner" });
    const r = await setupTenant(ctx, parseInput(setupTenantSchema, form));
    revalidatePath(tenantPath(ctx.tenantSlug));
    return r;
  }, "Setting up disaster recovery…");
}

export async function rerunOwnSetupStepAction(tenant: string, setupId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "owner" });
    const r = await rerunSetupStep(ctx, boundId(setupId), setupStepSchema.parse(form.get("step")));
    revalidatePath(tenantPath(ctx.tenantSlug));
    return r;
  }, "Running the step again…");
}

/** The form posts `vm` once per selected VM (armName); per-VM overrides come as `targetVmName:<armName>` etc. */
export async function enableProtectionAction(
  tenant: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const vms = form
      .getAll("vm")
      .map((v) => String(v))
      .map((armName) => ({
        armName,
        targetVmName: String(form.get(`targetVmName:${armName}`) ?? "") || undefined,
        targetSize: String(form.get(`targetSize:${armName}`) ?? "") || undefined,
      }));
    const created = await enableProtection(
      ctx,
      parseInput(enableProtectionSchema, { vms, subnetName: form.get("subnetName") || undefined }),
    );
    revalidatePath(tenantPath(ctx.tenantSlug));
    return created;
  }, "Enabling protection…");
}

export async function drItemAction(tenant: string, protectedItemId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const input = parseInput(failoverActionSchema, form);
    const op = await runDrAction(ctx, boundId(protectedItemId), input);
    revalidatePath(tenantPath(ctx.tenantSlug));
    revalidatePath(`${tenantPath(ctx.tenantSlug)}/${protectedItemId}`);
    return { operationId: op.id };
  }, "Started; follow it below.");
}

export async function refreshProtectionAction(tenant: string): Promise<ActionResult> {
  return runAction(async () => {
    // It starts an operation against Azure: operators and owners, like the load balancer refresh (issue 16).
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const op = await refreshProtection(ctx);
    revalidatePath(tenantPath(ctx.tenantSlug));
    return { operationId: op.id };
  }, "Refreshing replication state…");
}
