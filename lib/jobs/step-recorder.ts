import { randomUUID } from "node:crypto";
import { withArmObserver } from "@/lib/azure";
import { db, Prisma, type OperationStep } from "@/lib/db/client";
import { beforeStep, CancelRequested, Reschedule, whileWaiting } from "./outcome";
import { setTimeout as sleep } from "node:timers/promises";
import { inlineWaitMaxMs, nextPollDelayMs } from "./poll-delay";
import type { Progress, Wait } from "./wait-step";
import { inSpan } from "@/lib/observability/tracing";

type Run<T> = (observe: <R>(fn: () => Promise<R>) => Promise<R>) => Promise<T>;

/** Records an operation's steps by position, so a re-run skips what already succeeded and resumes what was running. */
export class StepRecorder {
  private position = 0;
  private notes: string[] = [];
  private readonly steps: Map<number, OperationStep>;

  constructor(
    private readonly operationId: string,
    existing: OperationStep[],
    /** The operation's cancel request as this run found it; each finished step reads it again with its own write. */
    private cancel: { requestedAt: Date | null; requestedBy: string | null; stepsTotal: number },
    /** The kind's waits on Azure only watch (cancel "anytime" in lib/operations/kinds.ts): a cancel may stop them too. */
    private readonly stopsWhileWaitingOnAzure = false,
  ) {
    this.steps = new Map(existing.map((s) => [s.position, s]));
  }

  async plan(names: readonly string[]) {
    // A resumed run of the same plan: nothing to write.
    if (this.steps.size === names.length && names.every((name, position) => this.steps.get(position)?.name === name))
      return;
    // Two statements, not one upsert per step in a transaction: steps that exist keep their state and name.
    await db.operationStep.createMany({
      data: names.map((name, position) => ({ operationId: this.operationId, position, name })),
      skipDuplicates: true,
    });
    await db.operation.update({ where: { id: this.operationId }, data: { stepsTotal: names.length } });
    this.cancel.stepsTotal = names.length;
    for (const s of await db.operationStep.findMany({ where: { operationId: this.operationId } }))
      this.steps.set(s.position, s);
  }

  note(detail: string) {
    this.notes.push(detail);
  }

  step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.record(name, {}, (observe) => observe(fn));
  }

  /** A step that waits (see wait-step.ts): begins, stores what it waits on, and looks again until it is done. */
  wait<T>(name: string, { begin, look, sentEarlier }: Wait<T>): Promise<T> {
    return this.record(name, { sentEarlier }, async (observe) => {
      const position = this.position - 1;
      const current = this.steps.get(position);
      const saved = current?.continuation ?? undefined;
      // While the step waits, `result` holds its look count (it becomes the real result on success).
      const before = waitingOf(current);
      let looks = before && (saved || before.waiting) ? (before.polls ?? 0) + 1 : 0;
      const lookAt = (continuation: string) => {
        if (!look) throw new Error(`${name}: began a wait on Azure but has no way to look at it`);
        return look(continuation);
      };
      let progress: Progress<T> = await observe(() => (saved ? lookAt(saved) : begin(looks)));
      let stored = saved;
      for (;;) {
        if (progress.done) return progress.result;
        const delayMs = nextPollDelayMs(progress, looks);
        const inline = delayMs <= inlineWaitMaxMs();
        const continuation = progress.continuation;
        const waitingFor = progress.continuation === undefined ? progress.reason : "still running in Azure";
        // What it waits on is stored before any wait, so a killed worker's successor looks instead of beginning again.
        if (continuation === undefined && !inline) await this.markPending(position, waitingFor, looks);
        if (continuation !== undefined && (!inline || continuation !== stored)) {
          await this.markRunning(position, continuation, progress.percent, looks);
          stored = continuation;
        }
        if (!inline) throw new Reschedule(delayMs, `${name}: ${waitingFor}`);
        // A short wait (a NIC, a public IP: seconds) costs less in this run than as another job.
        await sleep(delayMs);
        looks++;
        progress = await observe(() => (continuation === undefined ? begin(looks) : lookAt(continuation)));
      }
    });
  }

  /** Azure has the step's work in hand: its continuation, progress and look count. */
  private async markRunning(position: number, continuation: string, percent: number | undefined, looks: number) {
    await db.$transaction([
      db.operationStep.update({
        where: { operationId_position: { operationId: this.operationId, position } },
        data: {
          continuation,
          percent: percent ?? null,
          detail: "Waiting for Azure to finish",
          result: { polls: looks },
        },
      }),
      db.operation.update({
        where: { id: this.operationId },
        data: { percent: percent ?? null, heartbeatAt: new Date() },
      }),
    ]);
  }

  /** Nothing in flight yet (another operation is doing the work): the next run begins the step again. */
  private async markPending(position: number, reason: string, looks: number) {
    const waiting = await db.operationStep.update({
      where: { operationId_position: { operationId: this.operationId, position } },
      data: { detail: this.notes.join(" · ") || reason, result: { waiting: true, polls: looks } },
    });
    this.steps.set(position, waiting);
  }

  private stopIfCancelRequested(name: string, position: number, isResume: boolean) {
    const { requestedAt, requestedBy, stepsTotal } = this.cancel;
    if (requestedAt)
      throw new CancelRequested(requestedBy, (isResume ? whileWaiting : beforeStep)(name, position, stepsTotal));
  }

  /** One span per step (its ARM calls are its children); a wait that ends the run for a later look is no failure. */
  private record<T>(name: string, options: { sentEarlier?: boolean }, run: Run<T>): Promise<T> {
    const attributes = { "operation.id": this.operationId, "step.position": this.position, "step.name": name };
    const isExpected = (e: unknown) => e instanceof Reschedule;
    return inSpan(`step ${name}`, { attributes, isExpected }, () => this.recordStep(name, options, run));
  }

  private async recordStep<T>(
    name: string,
    { sentEarlier = false }: { sentEarlier?: boolean },
    run: Run<T>,
  ): Promise<T> {
    const position = this.position++;
    const where = { operationId_position: { operationId: this.operationId, position } };
    const previous = this.steps.get(position);
    if (previous?.state === "succeeded" && previous.name === name) return previous.result as T;

    // Resuming a step that was waiting (on Azure, or on another operation) is the same attempt: only a fresh start
    // (a first run, a retry after a failure or a crash) counts as one.
    const isResume = isWaiting(previous);
    // A step boundary: an admin's cancel stops the operation here, never in the middle of a step (issue 12). A step
    // looking again for another operation's work has nothing in flight, so its resume is a boundary too; a wait on
    // Azure is one only for kinds whose waits merely watch.
    // A wait for a request an earlier step sent (the VM's PUT) is held by Azure from its start.
    if (!(isWaitingOnAzure(previous) || sentEarlier) || this.stopsWhileWaitingOnAzure)
      this.stopIfCancelRequested(name, position, isResume);
    const correlationId = previous?.correlationId ?? randomUUID();
    let requestId: string | undefined;
    const observe = <R>(fn: () => Promise<R>) =>
      withArmObserver({ correlationId, onResponse: (info) => void (requestId = info.requestId ?? requestId) }, fn);
    this.notes = [];
    const started =
      isResume && previous
        ? previous
        : await db.operationStep.upsert({
            where,
            create: {
              operationId: this.operationId,
              position,
              name,
              state: "running",
              attempt: 1,
              startedAt: new Date(),
              correlationId,
            },
            update: {
              name,
              state: "running",
              attempt: isResume ? undefined : { increment: 1 },
              startedAt: isResume ? undefined : new Date(),
              endedAt: null,
              errorCode: null,
              correlationId,
            },
          });
    this.steps.set(position, started);

    try {
      const result = await run(observe);
      const done = await db.operationStep.update({
        where,
        data: {
          state: "succeeded",
          endedAt: new Date(),
          requestId: requestId ?? started.requestId,
          detail: this.notes.join(" · ") || null,
          result: result === undefined ? Prisma.DbNull : (result as Prisma.InputJsonValue),
          continuation: null,
          percent: null,
        },
      });
      this.steps.set(position, done);
      const op = await db.operation.update({
        where: { id: this.operationId },
        data: { stepsDone: { increment: 1 }, percent: null, heartbeatAt: new Date() },
        select: { cancelRequestedAt: true, cancelRequestedBy: true, stepsTotal: true },
      });
      this.cancel = { requestedAt: op.cancelRequestedAt, requestedBy: op.cancelRequestedBy, stepsTotal: op.stepsTotal };
      return result;
    } catch (error) {
      if (error instanceof Reschedule) throw error; // the wait recorded itself
      const failure = error as { code?: string; message?: string; requestId?: string };
      await db.operationStep.update({
        where,
        data: {
          state: "failed",
          endedAt: new Date(),
          errorCode: failure.code ?? null,
          requestId: requestId ?? failure.requestId ?? null,
          detail: failure.message?.slice(0, 2000) ?? null,
        },
      });
      throw error;
    }
  }
}

/** A step waiting on Azure or on another operation: running it again resumes it, it is not a fresh start. */
export function isWaiting(step: OperationStep | undefined) {
  return step?.state === "running" && (!!step.continuation || !!waitingOf(step)?.waiting);
}

/** A step whose ARM long-running operation is in flight (its continuation stored): Azure is working on it. */
export function isWaitingOnAzure(step: OperationStep | undefined) {
  return step?.state === "running" && !!step.continuation;
}

/** A waiting step's `result`: its look count, and whether nothing is in flight (it begins again on the next run). */
function waitingOf(step: OperationStep | undefined) {
  return step?.state === "running" ? (step.result as { polls?: number; waiting?: boolean } | null) : null;
}
