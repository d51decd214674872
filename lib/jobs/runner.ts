import { randomUUID } from "node:crypto";
import { ArmError, PORTAL_PACING } from "@/lib/azure";
import { db, Prisma, type OperationStep, type Tx } from "@/lib/db/client";
import { endedOperationFields, publishOperationEnded } from "@/lib/events/operation-events";
import { loadAzureAccess } from "./azure-access";
import { armSteps } from "./wait-step";
import { getJobDefinition, type JobContext, type JobDefinition } from "./define-job";
import { scheduleOperationRun, type RunOptions } from "./enqueue";
import { cancelPolicyOf } from "./cancel-policy";
import { beforeStep, CancelRequested, classifyFailure, Reschedule, whileWaiting, type Failure } from "./outcome";
import { attemptsOf } from "./retry-policy";
import { isWaiting, isWaitingOnAzure, StepRecorder } from "./step-recorder";
import { describeSpan, hasTimedOut, timingOf } from "./timings";
import { addLogContext, componentLogger, withLogContext } from "@/lib/observability/logger";
import { observeJobRun, type JobRunOutcome } from "@/lib/observability/metrics";
import { contextFromTraceparent, inSpan, SpanKind, type Span } from "@/lib/observability/tracing";

export type RunJob = { id: string; retryCount: number; retryLimit: number; data: { operationId: string } & RunOptions };

const heartbeatEveryMs = 10_000;
const log = componentLogger("jobs");

/**
 * Runs (or resumes) one Operation for one pg-boss job. Returning completes the job; throwing asks pg-boss to retry it
 * with backoff. Terminal failures return normally after marking the Operation failed, so pg-boss does not retry them.
 * The run is a span continuing the trace that enqueued it (the job's traceparent), its log lines carry the operation
 * and tenant ids, and its duration is observed by outcome.
 */
export function runOperation(job: RunJob): Promise<void> {
  const attributes = { "operation.id": job.data.operationId, "job.id": job.id, "job.retry_count": job.retryCount };
  const parent = contextFromTraceparent(job.data.traceparent);
  return withLogContext({ operationId: job.data.operationId }, () =>
    inSpan("job", { kind: SpanKind.CONSUMER, attributes, parent }, async (span) => {
      const started = performance.now();
      let kind: string | undefined;
      let outcome: JobRunOutcome | undefined = "retry";
      try {
        outcome = await runOnce(job, span, (k) => (kind = k));
      } finally {
        const seconds = (performance.now() - started) / 1000;
        if (kind && outcome) {
          observeJobRun(kind, outcome, seconds);
          span.setAttribute("job.outcome", outcome);
          const level = outcome === "retry" ? "warn" : outcome === "rescheduled" ? "debug" : "info";
          log[level]({ kind, outcome, durationMs: Math.round(seconds * 1000) }, `${kind} run ${outcome}`);
        }
      }
    }),
  );
}

async function runOnce(job: RunJob, span: Span, named: (kind: string) => void): Promise<JobRunOutcome | undefined> {
  const operation = await db.operation.findUnique({ where: { id: job.data.operationId }, include: { steps: true } });
  if (!operation || !["queued", "running"].includes(operation.state)) return; // finished, cancelled or gone: nothing to do
  named(operation.kind);
  span.updateName(`job ${operation.kind}`);
  span.setAttributes({
    "operation.kind": operation.kind,
    ...(operation.tenantId ? { "tenant.id": operation.tenantId } : {}),
  });
  addLogContext({ tenantId: operation.tenantId });
  const definition = getJobDefinition(operation.kind);
  if (!definition) {
    await failOperation(operation.id, {
      retryable: false,
      message: `This portal has no handler for ${operation.kind}.`,
      code: "UnknownOperation",
    });
    return "failed";
  }
  const parsed = definition.input.safeParse(operation.input);
  if (!parsed.success) {
    await failOperation(operation.id, {
      retryable: false,
      message: "The operation's input is no longer valid.",
      code: "InvalidInput",
    });
    return "failed";
  }

  // A cancel takes effect between steps: a step waiting on Azure is finished first, unless its kind's waits only watch
  // (lib/operations/kinds.ts); a step waiting on another operation stops at once (issue 12: a registration that never
  // finished could not be cancelled). The time limit ends even a step waiting on Azure.
  const policy = cancelPolicyOf(operation.kind);
  const heldByAzure = policy !== "anytime" && operation.steps.some((s) => isWaitingOnAzure(s));
  if (operation.cancelRequestedAt && !heldByAzure) {
    await cancel(
      definition,
      parsed.data,
      operation.id,
      new CancelRequested(operation.cancelRequestedBy, whereItStops(operation.steps, operation.stepsTotal)),
    );
    return "cancelled";
  }
  if (operation.state === "running" && hasTimedOut(operation.kind, operation.startedAt)) {
    await fail(definition, parsed.data, operation.id, timedOut(operation.kind, operation.startedAt!, operation.steps));
    return "failed";
  }

  const isNewAttempt = operation.state === "queued" || job.retryCount > 0 || job.data.isRetry === true;
  const attempts = operation.attempts + (isNewAttempt ? 1 : 0);
  // The cancel request as of this write: one that landed after the read above (while the operation was still queued)
  // stops it before its first step; from here on a kind cancellable only while queued refuses new ones.
  const started = await db.operation.update({
    where: { id: operation.id },
    data: { state: "running", startedAt: operation.startedAt ?? new Date(), heartbeatAt: new Date(), attempts },
    select: { cancelRequestedAt: true, cancelRequestedBy: true, stepsTotal: true },
  });
  const steps = new StepRecorder(
    operation.id,
    operation.steps,
    { requestedAt: started.cancelRequestedAt, requestedBy: started.cancelRequestedBy, stepsTotal: started.stepsTotal },
    policy === "anytime",
  );
  const context: JobContext = {
    operationId: operation.id,
    tenantId: operation.tenantId,
    actorId: operation.actorId,
    attempt: job.retryCount,
    plan: (names) => steps.plan(names),
    step: (name, fn) => steps.step(name, fn),
    wait: (name, wait) => steps.wait(name, wait),
    arm: (access) => armSteps(steps, access),
    note: (detail) => steps.note(detail),
    azureAccess: loadAzureAccess,
  };
  const heartbeat = setInterval(() => {
    db.operation.update({ where: { id: operation.id }, data: { heartbeatAt: new Date() } }).catch(() => {});
  }, heartbeatEveryMs);

  try {
    await definition.run(parsed.data, context);
    await endOperation(operation.id, {
      state: "succeeded",
      endedAt: new Date(),
      percent: null,
      errorCode: null,
      errorMessage: null,
      errorRequestId: null,
      errorCorrelationId: null,
      errorDetail: Prisma.DbNull,
    });
    await definition.onSucceeded?.(parsed.data, { operationId: operation.id });
    return "succeeded";
  } catch (error) {
    const attemptBase = job.data.attemptBase ?? 0;
    if (error instanceof Reschedule) {
      await scheduleOperationRun(operation.kind, operation.id, error.delayMs, { attemptBase });
      return "rescheduled";
    }
    if (error instanceof CancelRequested) {
      await cancel(definition, parsed.data, operation.id, error);
      return "cancelled";
    }
    if (error instanceof ArmError && error.code === PORTAL_PACING) {
      // Our own pacing held the request back (a resource window is empty for a while): nothing was sent, so the run
      // comes back when the window has room and is not counted as an attempt.
      await scheduleOperationRun(operation.kind, operation.id, error.retryAfterMs ?? 1_000, {
        isRetry: true,
        attemptBase: attemptBase + 1,
      });
      return "rescheduled";
    }
    const ref = randomUUID().slice(0, 8);
    const failure = classifyFailure(error, ref);
    if (failure.code === "InternalError") log.error({ err: error, ref }, `${operation.kind} failed (ref ${ref})`);
    if (failure.retryable && attempts - attemptBase < attemptsOf(operation.kind)) {
      await db.operation.update({
        where: { id: operation.id },
        data: { errorCode: failure.code, errorMessage: `Retrying (attempt ${attempts} failed): ${failure.message}` },
      });
      if (failure.retryAfterMs !== undefined) {
        // Azure said when to come back (429): wait exactly that long rather than the generic backoff. The next run is
        // a new attempt like a pg-boss retry, so the attempt limit holds on this path too.
        await scheduleOperationRun(operation.kind, operation.id, failure.retryAfterMs, { isRetry: true, attemptBase });
        return "retry";
      }
      throw error;
    }
    await fail(
      definition,
      parsed.data,
      operation.id,
      failure.retryable ? { ...failure, message: `Gave up after ${attempts} attempts: ${failure.message}` } : failure,
    );
    return "failed";
  } finally {
    clearInterval(heartbeat);
  }
}

async function fail<I>(definition: JobDefinition<I, string>, input: I, operationId: string, failure: Failure) {
  await failOperation(operationId, failure);
  await definition.onFailed?.(input, { operationId, message: failure.message });
}

/** Ends the operation `cancelled`, then lets its follow-up settle the intent as after a failure (no VM stays "Creating"). */
async function cancel<I>(
  definition: JobDefinition<I, string>,
  input: I,
  operationId: string,
  cancelled: CancelRequested,
) {
  await endOperation(
    operationId,
    {
      state: "cancelled",
      endedAt: new Date(),
      percent: null,
      errorCode: cancelled.code,
      errorMessage: cancelled.message,
    },
    // The wait it stopped ends with it, rather than spinning on in a cancelled operation's timeline.
    (tx) =>
      endWaitingSteps(
        operationId,
        {
          state: "skipped",
          errorCode: cancelled.code,
          detail: "Stopped while waiting: the operation was cancelled.",
        },
        tx,
      ),
  );
  await definition.onFailed?.(input, { operationId, message: cancelled.message });
}

function endWaitingSteps(
  operationId: string,
  end: { state: "skipped" | "failed"; errorCode: string; detail: string },
  tx: Tx | typeof db = db,
) {
  return tx.operationStep.updateMany({
    where: { operationId, state: "running" },
    data: { ...end, endedAt: new Date(), continuation: null, percent: null },
  });
}

function whereItStops(steps: OperationStep[], total: number) {
  if (!steps.some((s) => s.state !== "pending")) return "before it started";
  const next = [...steps].sort((a, b) => a.position - b.position).find((s) => s.state !== "succeeded");
  if (!next) return "after its last step";
  return (isWaiting(next) ? whileWaiting : beforeStep)(next.name, next.position, total);
}

function timedOut(kind: string, startedAt: Date, steps: OperationStep[]): Failure {
  const { expectedMs, maxMs } = timingOf(kind);
  const current = [...steps]
    .sort((a, b) => b.position - a.position)
    .find((s) => s.state !== "pending" && s.state !== "succeeded");
  return {
    retryable: false,
    code: "OperationTimedOut",
    message:
      `Stopped after ${describeSpan(Date.now() - startedAt.getTime())}: this kind of operation usually takes about ${describeSpan(expectedMs)} ` +
      `and is given at most ${describeSpan(maxMs)}.${current ? ` It was at "${current.name}".` : ""}`,
  };
}

async function failOperation(operationId: string, failure: Failure) {
  // A time limit ends a waiting step from outside it: the timeline marks that step as the failed one.
  if (failure.code === "OperationTimedOut")
    await endWaitingSteps(operationId, { state: "failed", errorCode: failure.code, detail: failure.message });
  await endOperation(operationId, {
    state: "failed",
    endedAt: new Date(),
    percent: null,
    errorCode: failure.code ?? null,
    errorMessage: failure.message,
    errorRequestId: failure.requestId ?? null,
    errorCorrelationId: failure.correlationId ?? null,
    errorDetail: (failure.raw as Prisma.InputJsonValue) ?? Prisma.DbNull,
  });
}

/**
 * Writes the operation's end and its operation.* event (webhooks) in one transaction. Only a queued or running
 * operation ends, so two runs racing to end the same one publish its event once.
 */
async function endOperation(
  operationId: string,
  data: Prisma.OperationUpdateManyMutationInput,
  also?: (tx: Tx) => Promise<unknown>,
) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.operation.updateMany({
      where: { id: operationId, state: { in: ["queued", "running"] } },
      data,
    });
    if (count === 0) return;
    await also?.(tx);
    const ended = await tx.operation.findUniqueOrThrow({ where: { id: operationId }, select: endedOperationFields });
    await publishOperationEnded(tx, ended);
  });
}
