import { db } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/errors";
import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { cancelPolicyOf } from "./cancel-policy";
import { scheduleOperationRun } from "./enqueue";

/**
 * Admins cancel a queued or running operation. The request is recorded and the worker acts on it at the operation's
 * next step boundary: a step already talking to Azure finishes first, then the operation ends `cancelled` and its
 * follow-up settles the target (a VM being created is marked failed rather than left "Creating"). A queued one stops
 * before its first step, as soon as a worker takes it. Kinds whose follow-up cannot undo a finished step (a VM delete)
 * are cancelled only while queued (their cancel policy in lib/operations/kinds.ts).
 */
export async function cancelOperation(ctx: StaffContext, operationId: string) {
  const operation = await db.operation.findUnique({
    where: { id: operationId },
    select: { id: true, kind: true, targetName: true, tenantId: true },
  });
  if (!operation) throw new NotFound("Operation");
  const onlyQueued = cancelPolicyOf(operation.kind) === "queued";
  // One conditional write: a worker starting the operation at the same moment either sees the request (and stops
  // before its first step) or has already made it running, and then this matches nothing.
  const { count } = await db.operation.updateMany({
    where: { id: operationId, state: { in: onlyQueued ? ["queued"] : ["queued", "running"] }, cancelRequestedAt: null },
    data: { cancelRequestedAt: new Date(), cancelRequestedBy: ctx.user.email },
  });
  if (count === 0) {
    const now = await db.operation.findUnique({
      where: { id: operationId },
      select: { state: true, cancelRequestedBy: true },
    });
    if (now?.state === "running" && onlyQueued && !now.cancelRequestedBy) {
      throw new Conflict(
        `This operation has started and can no longer be cancelled: once it has changed ${operation.targetName} in Azure, stopping it would leave the portal showing a state Azure no longer has. Let it finish.`,
      );
    }
    if (now?.state === "queued" || now?.state === "running")
      throw new Conflict(
        `${now.cancelRequestedBy ?? "Someone"} has already asked to cancel this operation; it stops after the current step.`,
      );
    throw new Conflict(`This operation has already ${now?.state ?? "ended"}; there is nothing to cancel.`);
  }
  await recordAudit({
    action: "operation.cancel",
    actor: ctx.user,
    target: { type: "Operation", id: operation.id, name: operation.targetName },
    tenantId: operation.tenantId,
  });
}

/**
 * Admins retry a failed operation. It continues from the step that failed: steps that succeeded are kept (their
 * results are reused) and a failed long-running step starts its ARM operation afresh.
 */
export async function retryOperation(ctx: StaffContext, operationId: string) {
  const operation = await db.operation.findUnique({
    where: { id: operationId },
    select: { id: true, kind: true, state: true, attempts: true, targetId: true, targetName: true, tenantId: true },
  });
  if (!operation) throw new NotFound("Operation");
  if (operation.state !== "failed") throw new Conflict("Only a failed operation can be retried.");
  const busy = await db.operation.findFirst({
    where: { targetId: operation.targetId, kind: operation.kind, state: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (busy)
    throw new Conflict(`Another ${operation.kind} operation on ${operation.targetName} is already in progress.`);
  await db.$transaction([
    db.operationStep.updateMany({
      where: { operationId, state: { not: "succeeded" } },
      data: { state: "pending", continuation: null, endedAt: null, percent: null },
    }),
    db.operation.update({
      where: { id: operationId },
      // A retry gets its kind's full time again (lib/operations/kinds.ts), counted from when it starts.
      data: {
        state: "queued",
        startedAt: null,
        endedAt: null,
        cancelRequestedAt: null,
        cancelRequestedBy: null,
        errorCode: null,
        errorMessage: null,
        errorRequestId: null,
        errorCorrelationId: null,
      },
    }),
  ]);
  // The retry limit counts from here, so the retry is not spent by a single throttled request.
  await scheduleOperationRun(operation.kind, operationId, 0, { attemptBase: operation.attempts });
  await recordAudit({
    action: "operation.retry",
    actor: ctx.user,
    target: { type: "Operation", id: operation.id, name: operation.targetName },
    tenantId: operation.tenantId,
  });
}
