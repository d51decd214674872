"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { usageQuerySchema } from "./schema";
import { startReconciliation } from "./service";

/** Reads Azure's actual cost for the report's period (one usage.reconcile per onboarded subscription with a plan). */
export async function startReconciliationAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const q = parseInput(usageQuerySchema, form);
    const started = await startReconciliation(ctx, { from: q.from, to: q.to });
    revalidatePath("/admin/usage");
    return { operations: started.length };
  }, "Reconciliation started: actual cost appears below when its operations finish.");
}
