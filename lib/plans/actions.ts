"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import { boundId } from "@/lib/errors/parse";
import type { ActionResult } from "@/lib/utils/action-result";
import { createPlanSchema, setPlanStateSchema, updatePlanSchema } from "./schema";
import { createPlan, deletePlan, setPlanState, updatePlan } from "./service";

export async function createPlanAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const plan = await createPlan(ctx, parseInput(createPlanSchema, form));
    redirect(`/admin/plans/${plan.id}?saved=created`);
  });
}

export async function updatePlanAction(planId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    form.set("id", boundId(planId)); // the id comes from the page's URL, never from a form field
    const plan = await updatePlan(ctx, parseInput(updatePlanSchema, form));
    redirect(`/admin/plans/${plan.id}?saved=updated`);
  });
}

export async function setPlanStateAction(planId: string, state: string, _form?: FormData): Promise<ActionResult> {
  const messages: Record<string, string> = {
    public: "The plan is public: tenants can subscribe to it themselves.",
    private: "The plan is private: only admins can subscribe tenants to it.",
    retired: "The plan is retired: existing tenants keep running, nobody new can subscribe.",
  };
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const input = parseInput(setPlanStateSchema, { id: planId, state });
    await setPlanState(ctx, input.id, input.state);
  }, messages[state]);
}

export async function deletePlanAction(planId: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await deletePlan(ctx, boundId(planId));
    redirect("/admin/plans?saved=deleted");
  });
}
