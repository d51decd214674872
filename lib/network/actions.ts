"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireTenantContext } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import {
  addFrontendSchema,
  addRuleSchema,
  createLoadBalancerSchema,
  removeFrontendSchema,
  removeRuleSchema,
  updateProbeSchema,
  updateRuleSchema,
} from "./schema";
import {
  addFrontend,
  addRule,
  createLoadBalancer,
  refreshLoadBalancers,
  removeFrontend,
  removeRule,
  updateProbe,
  updateRule,
} from "./service";

const listPath = (tenant: string) => `/tenant/${tenant}/network`;
const detailPath = (tenant: string, id: string) => `${listPath(tenant)}/${id}`;

export async function createLoadBalancerAction(
  tenant: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const created = await createLoadBalancer(ctx, parseInput(createLoadBalancerSchema, form));
    revalidatePath(listPath(ctx.tenantSlug));
    redirect(detailPath(ctx.tenantSlug, created.id));
  });
}

export async function addFrontendAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const input = parseInput(addFrontendSchema, form);
    const result = await addFrontend(ctx, input);
    revalidatePath(detailPath(ctx.tenantSlug, input.loadBalancerId));
    return result;
  }, "Adding the frontend IP…");
}

export async function removeFrontendAction(tenant: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const input = parseInput(removeFrontendSchema, form);
    const result = await removeFrontend(ctx, input);
    revalidatePath(detailPath(ctx.tenantSlug, input.loadBalancerId));
    return result;
  }, "Removing the frontend…");
}

export async function updateProbeAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const input = parseInput(updateProbeSchema, form);
    const result = await updateProbe(ctx, input);
    revalidatePath(detailPath(ctx.tenantSlug, input.loadBalancerId));
    return result;
  }, "Saving the probe…");
}

export async function updateRuleAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const input = parseInput(updateRuleSchema, form);
    const result = await updateRule(ctx, input);
    revalidatePath(detailPath(ctx.tenantSlug, input.loadBalancerId));
    return result;
  }, "Saving the rule…");
}

export async function addRuleAction(tenant: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const input = parseInput(addRuleSchema, form);
    const result = await addRule(ctx, input);
    revalidatePath(detailPath(ctx.tenantSlug, input.loadBalancerId));
    return result;
  }, "Adding the rule…");
}

export async function removeRuleAction(tenant: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const input = parseInput(removeRuleSchema, form);
    const result = await removeRule(ctx, input);
    revalidatePath(detailPath(ctx.tenantSlug, input.loadBalancerId));
    return result;
  }, "Removing the rule…");
}

export async function refreshLoadBalancersAction(tenant: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireTenantContext({ tenant, role: "operator" });
    const loadBalancerId = String(form.get("loadBalancerId") ?? "");
    const tenantSubscriptionId = String(form.get("tenantSubscriptionId") ?? "");
    const op = await refreshLoadBalancers(ctx, loadBalancerId ? { loadBalancerId } : { tenantSubscriptionId });
    revalidatePath(loadBalancerId ? detailPath(ctx.tenantSlug, loadBalancerId) : listPath(ctx.tenantSlug));
    return { operationId: op.id };
  }, "Reading from Azure…");
}
