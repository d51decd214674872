import type { Tx } from "@/lib/db/client";
import { kinds } from "@/lib/operations/kinds";
import { publishEvents, type PortalEvent } from "./publish";

export type EndedOperation = {
  id: string;
  kind: string;
  state: string;
  tenantId: string | null;
  targetType: string;
  targetId: string;
  targetName: string;
  errorCode: string | null;
  errorMessage: string | null;
  errorRequestId: string | null;
};

/** The fields publishOperationEnded reads, for the update that ends the operation to return. */
export const endedOperationFields = {
  id: true,
  kind: true,
  state: true,
  tenantId: true,
  targetType: true,
  targetId: true,
  targetName: true,
  errorCode: true,
  errorMessage: true,
  errorRequestId: true,
} as const;

/** The DR actions whose success is an event of its own, beside operation.succeeded. */
const drDone = {
  [kinds.dr.testFailover]: { type: "dr.test_failover_completed" },
  [kinds.dr.plannedFailover]: { type: "dr.failover_completed", planned: true },
  [kinds.dr.unplannedFailover]: { type: "dr.failover_completed", planned: false },
  [kinds.dr.commit]: { type: "dr.commit_completed" },
} as const;

/**
 * operation.succeeded / failed / cancelled, in the transaction that ends the operation, and for a DR failover, commit
 * or test failover that succeeded its dr.* event: the ASR job has finished and the item's state was saved by the
 * operation's last step. The resource is the operation's target, so a receiver gets a VM's events and the operations
 * on it in the order they happened.
 */
export async function publishOperationEnded(tx: Tx, op: EndedOperation) {
  if (op.state !== "succeeded" && op.state !== "failed" && op.state !== "cancelled") return;
  const resource = { type: op.targetType, id: op.targetId };
  const events: PortalEvent[] = [
    {
      type: `operation.${op.state}`,
      tenantId: op.tenantId,
      resource,
      data: {
        operationId: op.id,
        kind: op.kind,
        state: op.state,
        target: { type: op.targetType, id: op.targetId, name: op.targetName },
        errorCode: op.errorCode,
        errorMessage: op.errorMessage,
        requestId: op.errorRequestId,
      },
    },
  ];
  const dr = Object.hasOwn(drDone, op.kind) ? drDone[op.kind as keyof typeof drDone] : undefined;
  if (dr && op.state === "succeeded") {
    const data = { protectedItemId: op.targetId, vmName: op.targetName, operationId: op.id, kind: op.kind };
    events.push(
      dr.type === "dr.failover_completed"
        ? { type: dr.type, tenantId: op.tenantId, resource, data: { ...data, planned: dr.planned } }
        : { type: dr.type, tenantId: op.tenantId, resource, data },
    );
  }
  await publishEvents(tx, events);
}
