"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { importFromEndpointSchema, importFromFileSchema, planPricingSchema } from "./schema";
import { importPriceSheetFromEndpoint, importPriceSheetFromFile } from "./import";
import { setPlanPricing } from "./plan-pricing";

export async function importPriceSheetAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const hasFile = form.get("file") instanceof File && (form.get("file") as File).size > 0;
    const sheet = hasFile
      ? await importPriceSheetFromFile(ctx, parseInput(importFromFileSchema, form))
      : await importPriceSheetFromEndpoint(ctx, parseInput(importFromEndpointSchema, form));
    revalidatePath("/admin/pricing");
    return { rows: sheet.rowCount };
  }, "Price sheet imported.");
}

export async function setPlanPricingAction(planId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    form.set("planId", planId);
    await setPlanPricing(ctx, parseInput(planPricingSchema, form));
    revalidatePath("/admin/pricing");
  }, "Markup saved. Open days are priced again; closed days keep their prices.");
}
