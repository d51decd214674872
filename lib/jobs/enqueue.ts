import { fromPrisma } from "pg-boss";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { Conflict } from "@/lib/errors";
import { getBoss } from "./boss";
import { ensureQueue } from "./queues";

export type OperationRequest = {
  kind: string;
  tenantId: string | null;
  actorId: string | null;
  azureSubscriptionId?: string | null;
  target: { type: string; id: string; name: string };
  /** Ids and choices only: never secrets (it is stored and shown to the helpdesk). */
  input: Record<string, unknown>;
};

export type EnqueuedOperation = { id: string; deduplicated: boolean };

/**
 * Writes the Operation and its pg-boss job in the caller's transaction, so an intent never exists without the job
 * that serves it (and a rolled-back intent leaves no job). A second request for the same target and kind while one
 * is queued or running gets the first one back: a double submit runs once.
 */
export async function enqueueOperation(tx: Tx, request: OperationRequest): Promise<EnqueuedOperation> {
  const active = await tx.operation.findFirst({
    where: { targetId: request.target.id, kind: request.kind, state: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (active) return { id: active.id, deduplicated: true };
  const boss = await getBoss();
  await ensureQueue(boss, request.kind);
  let operationId: string;
  try {
    const operation = await tx.operation.create({
      data: {
        kind: request.kind,
        tenantId: request.tenantId,
        actorId: request.actorId,
        azureSubscriptionId: request.azureSubscriptionId ?? null,
        targetType: request.target.type,
        targetId: request.target.id,
        targetName: request.target.name,
        input: request.input as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    operationId = operation.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new Conflict(`Another ${request.kind} operation on ${request.target.name} started a moment ago.`);
    }
    throw error;
  }
  const jobId = await boss.send(request.kind, { operationId }, { singletonKey: operationId, db: fromPrisma(tx) });
  await tx.operation.update({ where: { id: operationId }, data: { jobId } });
  return { id: operationId, deduplicated: false };
}

/** For callers without a transaction of their own. */
export function enqueueOperationNow(request: OperationRequest) {
  return db.$transaction((tx) => enqueueOperation(tx, request));
}

/** Schedules the next run of an existing operation (a poll of a running ARM operation, a retry, a wait for throttling). */
export async function scheduleOperationRun(kind: string, operationId: string, delayMs: number) {
  const boss = await getBoss();
  await ensureQueue(boss, kind);
  return boss.send(kind, { operationId }, { singletonKey: operationId, startAfter: new Date(Date.now() + Math.max(0, delayMs)) });
}
