import { randomUUID } from "node:crypto";
import { fromPrisma } from "pg-boss";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { Conflict } from "@/lib/errors";
import {
  findKindSpec,
  type OperationInput,
  type OperationKind,
  type OperationTargetType,
} from "@/lib/operations/kinds";
import { currentTraceparent, inSpan, SpanKind } from "@/lib/observability/tracing";
import { getBoss } from "./boss";
import { ensureQueue } from "./queues";

export type OperationRequest<K extends OperationKind = OperationKind> = {
  /** A kind of the catalogue (lib/operations/kinds.ts): an unknown one does not compile. */
  kind: K;
  tenantId: string | null;
  actorId: string | null;
  azureSubscriptionId?: string | null;
  /** Its type is the kind's target type in the catalogue. */
  target: { type: OperationTargetType<K>; id: string; name: string };
  /** Typed by the kind's input schema. Ids and choices only: never secrets (it is stored and shown to the helpdesk). */
  input: OperationInput<K>;
};

export type EnqueuedOperation = { id: string; deduplicated: boolean };

/** The NOTIFY channel that tells worker processes a job of a kind (the payload) can be claimed now. */
export const jobsChannel = "portal_jobs";

/** Tells the workers a job of `kind` can be claimed; inside a transaction, the notice goes out when it commits. */
function notifyWorkers(client: Tx | typeof db, kind: string) {
  return client.$executeRaw`select pg_notify(${jobsChannel}, ${kind})`;
}

type ScheduledListener = (kind: string, at: Date) => void;
const scheduledListeners = new Set<ScheduledListener>();

/** In-process: hears every run this process schedules, so its dispatcher can claim the job when it is due. */
export function onRunScheduled(listener: ScheduledListener) {
  scheduledListeners.add(listener);
  return () => void scheduledListeners.delete(listener);
}

/**
 * Writes the Operation and its pg-boss job in the caller's transaction, so an intent never exists without the job
 * that serves it (and a rolled-back intent leaves no job). A second request for the same target and kind while one
 * is queued or running gets the first one back: a double submit runs once.
 */
export async function enqueueOperation<K extends OperationKind>(
  tx: Tx,
  request: OperationRequest<K>,
): Promise<EnqueuedOperation> {
  const [enqueued] = await enqueueOperations(tx, [request]);
  return enqueued;
}

/**
 * enqueueOperation for many requests of one kind (a bulk submit) in a fixed number of statements, whatever their
 * count: one read for running duplicates, one insert of the operations, one of their jobs. Results keep the order.
 */
export async function enqueueOperations<K extends OperationKind>(
  tx: Tx,
  requests: OperationRequest<K>[],
): Promise<EnqueuedOperation[]> {
  if (requests.length === 0) return [];
  const kind = requests[0].kind;
  if (requests.some((r) => r.kind !== kind)) throw new Error("enqueueOperations takes requests of one kind.");
  const attributes = { "operation.kind": kind, "operation.count": requests.length };
  return inSpan(`enqueue ${kind}`, { kind: SpanKind.PRODUCER, attributes }, async (span) => {
    const enqueued = await insertOperations(tx, kind, requests);
    if (enqueued.length === 1) span.setAttribute("operation.id", enqueued[0].id);
    return enqueued;
  });
}

async function insertOperations<K extends OperationKind>(tx: Tx, kind: K, requests: OperationRequest<K>[]) {
  const active = await tx.operation.findMany({
    where: { targetId: { in: requests.map((r) => r.target.id) }, kind, state: { in: ["queued", "running"] } },
    select: { id: true, targetId: true },
  });
  const running = new Map(active.map((a) => [a.targetId, a.id]));
  const fresh = requests.filter((r) => !running.has(r.target.id));
  const created = new Map<string, string>();
  if (fresh.length) {
    const boss = await getBoss();
    await ensureQueue(boss, kind);
    // The job ids are chosen here, so each operation is written knowing its job.
    const jobIds = new Map(fresh.map((r) => [r.target.id, randomUUID()]));
    const steps = findKindSpec(kind)?.steps ?? []; // a test's own kinds are not in the catalogue
    try {
      const rows = await tx.operation.createManyAndReturn({
        data: fresh.map((r) => ({
          kind,
          tenantId: r.tenantId,
          actorId: r.actorId,
          azureSubscriptionId: r.azureSubscriptionId ?? null,
          targetType: r.target.type,
          targetId: r.target.id,
          targetName: r.target.name,
          input: r.input as Prisma.InputJsonValue,
          jobId: jobIds.get(r.target.id),
          stepsTotal: steps.length,
        })),
        select: { id: true, targetId: true, jobId: true },
      });
      // A kind whose steps never vary has them written now, in one statement for the whole bulk (see its catalogue entry).
      if (steps.length)
        await tx.operationStep.createMany({
          data: rows.flatMap((row) => steps.map((name, position) => ({ operationId: row.id, position, name }))),
        });
      for (const row of rows) created.set(row.targetId, row.id);
      // The trace this request is part of, continued by the worker's run (lib/jobs/runner.ts); none when untraced.
      const traceparent = currentTraceparent();
      const jobs = rows.map((row) => ({
        id: row.jobId!,
        data: { operationId: row.id, ...(traceparent ? { traceparent } : {}) },
        singletonKey: row.id,
      }));
      const inserted = await boss.insert(kind, jobs, { db: fromPrisma(tx), returnId: true });
      // The insert skips a conflicting job silently; an operation without its job must not be committed.
      if ((inserted?.length ?? 0) !== jobs.length)
        throw new Error(`Only ${inserted?.length ?? 0} of ${jobs.length} ${kind} jobs could be queued.`);
      // Delivered when the transaction commits, so no worker looks before the jobs are there.
      await notifyWorkers(tx, kind);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        const names = fresh.map((r) => r.target.name);
        throw new Conflict(
          `Another ${kind} operation on ${names.length === 1 ? names[0] : "one of these"} started a moment ago.`,
        );
      }
      throw error;
    }
  }
  return requests.map((r): EnqueuedOperation => {
    const existing = running.get(r.target.id);
    return existing ? { id: existing, deduplicated: true } : { id: created.get(r.target.id)!, deduplicated: false };
  });
}

/** For callers without a transaction of their own. */
export function enqueueOperationNow<K extends OperationKind>(request: OperationRequest<K>) {
  return db.$transaction((tx) => enqueueOperation(tx, request));
}

/** What a run's job carries besides the operation id (lib/jobs/runner.ts reads it). */
export type RunOptions = {
  /** This run retries a failure, so it counts as an attempt (a poll of a running ARM operation does not). */
  isRetry?: boolean;
  /** The operation's attempts before an admin's retry: the retry limit counts from there. */
  attemptBase?: number;
  /** W3C trace context of the span that queued this run (set here, from the active span), for the run to continue. */
  traceparent?: string;
};

/** Schedules the next run of an existing operation (a poll of a running ARM operation, a retry, a wait for throttling). */
export async function scheduleOperationRun(kind: string, operationId: string, delayMs: number, opts: RunOptions = {}) {
  const boss = await getBoss();
  await ensureQueue(boss, kind);
  const at = new Date(Date.now() + Math.max(0, delayMs));
  // Inside a run this is the run's span, so the next run (a poll, a retry) joins the same trace.
  const traceparent = currentTraceparent();
  const data = {
    operationId,
    ...(opts.isRetry ? { isRetry: true } : {}),
    ...(opts.attemptBase ? { attemptBase: opts.attemptBase } : {}),
    ...(traceparent ? { traceparent } : {}),
  };
  const jobId = await boss.send(kind, data, { singletonKey: operationId, startAfter: at });
  for (const listener of scheduledListeners) listener(kind, at);
  // Due now (a retry asked for in the console): tell the workers; later runs are found by their own clocks.
  if (delayMs <= 0) await notifyWorkers(db, kind);
  return jobId;
}
