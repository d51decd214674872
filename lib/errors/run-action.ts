import { randomUUID } from "node:crypto";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { auditRefusal } from "@/lib/audit/denials";
import { logger, withLogContext } from "@/lib/observability/logger";
import { currentRequestId } from "@/lib/observability/request-id";
import { AppError, InvalidInput } from "./errors";
import type { ActionFailure, ActionResult, ActionSuccess } from "@/lib/utils/action-result";

/** The edge of every server action: known errors become results with their message, anything else gets a reference. */
export async function runAction<T>(fn: () => Promise<T>, message?: string): Promise<ActionResult<T>> {
  // Every log line the action writes carries the request's id (proxy.ts), as an API call's do.
  return withLogContext({ requestId: await currentRequestId() }, () => runInContext(fn, message));
}

async function runInContext<T>(fn: () => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    const success: ActionSuccess<T> = { ok: true, data: await fn(), message };
    return success;
  } catch (error) {
    if (isRedirectError(error)) throw error;
    await auditRefusal(error);
    return toErrorResult(error);
  }
}

export function toErrorResult(error: unknown): ActionFailure {
  if (error instanceof InvalidInput) return { ok: false, formError: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof AppError) return { ok: false, formError: error.message };
  const ref = randomUUID().slice(0, 8);
  logger.error({ err: error, ref }, `server action failed (ref ${ref})`);
  return { ok: false, formError: `Something went wrong (ref ${ref}).` };
}
