import { db } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/errors";
import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { getBoss } from "./boss";
import { scheduleOperationRun } from "./enqueue";

/** Admins cancel an operation that has not started; one already talking to Azure has to finish or fail. */
export async function cancelOperation(ctx: StaffContext, operationId: string) {
  const operation = await db.operation.findUnique({ where: { id: operationId }, select: { id: true, kind: true, jobId: true, targetName: true, tenantId: true } });
  if (!operation) throw new NotFound("Operation");
  const { count } = await db.operation.updateMany({
    where: { id: operationId, state: "queued" },
    data: { state: "cancelled", endedAt: new Date(), errorMessage: `Cancelled by ${ctx.user.email}` },
  });
  if (count === 0) throw new Conflict("Only a queued operation can be cancelled; this one has already started or finished.");
  if (operation.jobId) await (await getBoss()).cancel(operation.kind, operation.jobId).catch(() => {});
  await recordAudit({ action: "operation.cancel", actor: ctx.user, target: { type: "Operation", id: operation.id, name: operation.targetName }, tenantId: operation.tenantId });
}

/**
 * Admins retry a failed operation. It continues from the step that failed: steps that succeeded are kept (their
 * results are reused) and a failed long-running step starts its ARM operation afresh.
 */
export async function retryOperation(ctx: StaffContext, operationId: string) {
  const operation = await db.operation.findUnique({ where: { id: operationId }, select: { id: true, kind: true, state: true, targetId: true, targetName: true, tenantId: true } });
  if (!operation) throw new NotFound("Operation");
  if (operation.state !== "failed") throw new Conflict("Only a failed operation can be retried.");
  const busy = await db.operation.findFirst({ where: { targetId: operation.targetId, kind: operation.kind, state: { in: ["queued", "running"] } }, select: { id: true } });
  if (busy) throw new Conflict(`Another ${operation.kind} operation on ${operation.targetName} is already in progress.`);
  await db.$transaction([
    db.operationStep.updateMany({ where: { operationId, state: { not: "succeeded" } }, data: { state: "pending", continuation: null, endedAt: null, percent: null } }),
    db.operation.update({
      where: { id: operationId },
      data: { state: "queued", endedAt: null, errorCode: null, errorMessage: null, errorRequestId: null, errorCorrelationId: null },
    }),
  ]);
  await scheduleOperationRun(operation.kind, operationId, 0);
  await recordAudit({ action: "operation.retry", actor: ctx.user, target: { type: "Operation", id: operation.id, name: operation.targetName }, tenantId: operation.tenantId });
}
