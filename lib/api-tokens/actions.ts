"use server";

import { revalidatePath } from "next/cache";
import { requireStaff, requireTenantContext } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { createStaffApiTokenSchema, createTenantApiTokenSchema } from "./schema";
import {
  createStaffApiToken,
  createTenantApiToken,
  revokeStaffApiToken,
  revokeTenantApiToken,
  type IssuedApiToken,
} from "./service";

const adminPath = "/admin/api-tokens";
const tenantPath = (tenant: string) => `/tenant/${tenant}/api-tokens`;

/** The form stays put: the new token is in the result, shown once. */
export async function createStaffApiTokenAction(
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult<IssuedApiToken>> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const issued = await createStaffApiToken(ctx, parseInput(createStaffApiTokenSchema, form));
    revalidatePath(adminPath);
    return issued;
  });
}

export async function revokeStaffApiTokenAction(tokenId: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await revokeStaffApiToken(ctx, tokenId);
    revalidatePath(adminPath);
  }, "Token revoked: calls made with it are refused from now on.");
}

export async function createTenantApiTokenAction(
  tenant: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult<IssuedApiToken>> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "owner" });
    const issued = await createTenantApiToken(ctx, parseInput(createTenantApiTokenSchema, form));
    revalidatePath(tenantPath(ctx.tenantSlug));
    return issued;
  });
}

export async function revokeTenantApiTokenAction(
  tenant: string,
  tokenId: string,
  _form?: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "owner" });
    await revokeTenantApiToken(ctx, tokenId);
    revalidatePath(tenantPath(ctx.tenantSlug));
  }, "Token revoked: calls made with it are refused from now on.");
}
