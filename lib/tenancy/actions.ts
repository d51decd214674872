"use server";

import { revalidatePath } from "next/cache";
import { requireStaff, requireTenantContext } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import {
  addMemberSchema,
  changeMemberRoleSchema,
  createTenantSchema,
  subscribeSchema,
  tenantStateSchema,
} from "./schema";
import {
  addMember,
  changeMemberRole,
  createTenant,
  removeMember,
  resetPassword,
  setTenantState,
  type AddedMember,
  type CreatedTenant,
  type OneTimeCredential,
} from "./service";
import { cancelTenantSubscription, subscribeTenantToPlan, type SubscribedTenant } from "./subscriptions";

const listPath = "/admin/tenants";
const detailPath = (id: string) => `${listPath}/${id}`;

/**
 * Creating a tenant stays on the form: a new owner's one-time password is in the result and is shown there once,
 * so a redirect would lose it. The page links on to the tenant.
 */
export async function createTenantAction(_prev: ActionResult, form: FormData): Promise<ActionResult<CreatedTenant>> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const tenant = await createTenant(ctx, parseInput(createTenantSchema, form));
    revalidatePath(listPath);
    return tenant;
  });
}

export async function setTenantStateAction(tenantId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const { state } = parseInput(tenantStateSchema, form);
    await setTenantState(ctx, tenantId, state);
    revalidatePath(detailPath(tenantId));
    return { state };
  });
}

export async function addMemberAction(
  tenantId: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult<AddedMember>> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const result = await addMember(ctx, tenantId, parseInput(addMemberSchema, form));
    revalidatePath(detailPath(tenantId));
    return result;
  });
}

export async function changeMemberRoleAction(
  tenantId: string,
  membershipId: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const { role } = parseInput(changeMemberRoleSchema, form);
    await changeMemberRole(ctx, tenantId, membershipId, role);
    revalidatePath(detailPath(tenantId));
  }, "Role changed.");
}

export async function removeMemberAction(
  tenantId: string,
  membershipId: string,
  _form?: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await removeMember(ctx, tenantId, membershipId);
    revalidatePath(detailPath(tenantId));
  }, "Member removed.");
}

export async function resetPasswordAction(
  tenantId: string,
  membershipId: string,
  _form?: FormData,
): Promise<ActionResult<OneTimeCredential>> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    return resetPassword(ctx, tenantId, membershipId);
  }, "Password reset.");
}

/** The provider subscribes a tenant to any plan that is not retired, private ones included. */
export async function subscribeTenantAction(
  tenantId: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult<SubscribedTenant>> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const input = parseInput(subscribeSchema, form);
    const result = await subscribeTenantToPlan(ctx.user, {
      tenantId,
      planId: input.planId,
      name: input.name,
      selfService: false,
    });
    revalidatePath(detailPath(tenantId));
    return result;
  });
}

export async function cancelTenantSubscriptionAction(
  tenantId: string,
  subscriptionId: string,
  _form?: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const operation = await cancelTenantSubscription(ctx.user, subscriptionId, { tenantId });
    revalidatePath(detailPath(tenantId));
    return { operationId: operation.id };
  }, "Cancelling: the resource group is being deleted.");
}

/** Self-service: an owner subscribes their own tenant (from the URL) to a public plan. */
export async function subscribeToPlanAction(
  tenant: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult<SubscribedTenant>> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "owner" });
    const input = parseInput(subscribeSchema, form);
    const result = await subscribeTenantToPlan(ctx.user, {
      tenantId: ctx.tenantId,
      planId: input.planId,
      name: input.name,
      selfService: true,
    });
    revalidatePath(`/tenant/${ctx.tenantSlug}`, "layout");
    return result;
  });
}
