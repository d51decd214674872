"use server";

import { requireStaff } from "@/lib/auth/context";
import { runAction } from "@/lib/errors/run-action";
import { boundId } from "@/lib/errors/parse";
import type { ActionResult } from "@/lib/utils/action-result";
import { cancelOperation, retryOperation } from "@/lib/jobs/control";

// Admin only: helpdesk is read-only, and requireStaff("admin") refuses it here whatever the page showed.
export async function retryOperationAction(operationId: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await retryOperation(ctx, boundId(operationId));
  }, "Retry queued: the operation continues from the step that failed.");
}

export async function cancelOperationAction(operationId: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await cancelOperation(ctx, boundId(operationId));
  }, "Cancel requested: the operation stops after its current step.");
}
