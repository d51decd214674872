import { randomUUID } from "node:crypto";
import { db, Prisma } from "@/lib/db/client";
import { loadAzureAccess } from "./azure-access";
import { getJobDefinition, type JobContext } from "./define-job";
import { scheduleOperationRun } from "./enqueue";
import { classifyFailure, Reschedule, type Failure } from "./outcome";
import { StepRecorder } from "./step-recorder";

export type RunJob = { id: string; retryCount: number; retryLimit: number; data: { operationId: string } };

const heartbeatEveryMs = 10_000;

/**
 * Runs (or resumes) one Operation for one pg-boss job. Returning completes the job; throwing asks pg-boss to retry it
 * with backoff. Terminal failures return normally after marking the Operation failed, so pg-boss does not retry them.
 */
export async function runOperation(job: RunJob): Promise<void> {
  const operation = await db.operation.findUnique({ where: { id: job.data.operationId }, include: { steps: true } });
  if (!operation || !["queued", "running"].includes(operation.state)) return; // finished, cancelled or gone: nothing to do
  const definition = getJobDefinition(operation.kind);
  if (!definition) return failOperation(operation.id, { retryable: false, message: `This portal has no handler for ${operation.kind}.`, code: "UnknownOperation" });
  const parsed = definition.input.safeParse(operation.input);
  if (!parsed.success) return failOperation(operation.id, { retryable: false, message: "The operation's input is no longer valid.", code: "InvalidInput" });

  await db.operation.update({
    where: { id: operation.id },
    data: {
      state: "running",
      startedAt: operation.startedAt ?? new Date(),
      heartbeatAt: new Date(),
      attempts: operation.state === "queued" || job.retryCount > 0 ? { increment: 1 } : undefined,
    },
  });
  const steps = new StepRecorder(operation.id, operation.steps);
  const context: JobContext = {
    operationId: operation.id,
    tenantId: operation.tenantId,
    actorId: operation.actorId,
    attempt: job.retryCount,
    plan: (names) => steps.plan(names),
    step: (name, fn) => steps.step(name, fn),
    lroStep: (name, lro) => steps.lroStep(name, lro),
    note: (detail) => steps.note(detail),
    azureAccess: loadAzureAccess,
  };
  const heartbeat = setInterval(() => {
    db.operation.update({ where: { id: operation.id }, data: { heartbeatAt: new Date() } }).catch(() => {});
  }, heartbeatEveryMs);

  try {
    await definition.run(parsed.data, context);
    await db.operation.update({
      where: { id: operation.id },
      data: { state: "succeeded", endedAt: new Date(), percent: null, errorCode: null, errorMessage: null, errorRequestId: null, errorCorrelationId: null, errorDetail: Prisma.DbNull },
    });
    await definition.onSucceeded?.(parsed.data, { operationId: operation.id });
  } catch (error) {
    if (error instanceof Reschedule) {
      await scheduleOperationRun(operation.kind, operation.id, error.delayMs);
      return;
    }
    const ref = randomUUID().slice(0, 8);
    const failure = classifyFailure(error, ref);
    if (failure.code === "InternalError") console.error(`[jobs] ${operation.kind} ${operation.id} (ref ${ref})`, error);
    if (failure.retryable && job.retryCount < job.retryLimit) {
      await db.operation.update({ where: { id: operation.id }, data: { errorCode: failure.code, errorMessage: `Retrying: ${failure.message}` } });
      if (failure.retryAfterMs !== undefined) {
        // Azure said when to come back (429): wait exactly that long rather than the generic backoff.
        await scheduleOperationRun(operation.kind, operation.id, failure.retryAfterMs);
        return;
      }
      throw error;
    }
    await failOperation(operation.id, failure);
    await definition.onFailed?.(parsed.data, { operationId: operation.id, message: failure.message });
  } finally {
    clearInterval(heartbeat);
  }
}

async function failOperation(operationId: string, failure: Failure) {
  await db.operation.update({
    where: { id: operationId },
    data: {
      state: "failed",
      endedAt: new Date(),
      percent: null,
      errorCode: failure.code ?? null,
      errorMessage: failure.message,
      errorRequestId: failure.requestId ?? null,
      errorCorrelationId: failure.correlationId ?? null,
      errorDetail: (failure.raw as Prisma.InputJsonValue) ?? Prisma.DbNull,
    },
  });
}
