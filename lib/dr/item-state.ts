import type { ProtectedItemInfo } from "@/lib/azure";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { recordProtectedItemUsage } from "@/lib/usage/record";
import { isReplicating } from "./replication";

type SaveOptions = {
  /** What the action that made this read records about itself (the test failover's time, the cleanup's notes). */
  extra?: Prisma.ProtectedItemUpdateManyMutationInput;
  /** Only the scheduled refresh samples the RPO: one point per VM per DR_REFRESH_MINUTES for the chart. */
  sampleRpo?: boolean;
};

/**
 * Writes what Azure said about a protected VM at `readAt`. Several jobs read the same item (an action's last step, the
 * follow of a moving item, the scheduled refresh), so the newest read wins: an older answer saved late is dropped.
 * A VM being disabled stays "disabling" until its own job ends. Returns whether the answer was saved.
 */
export async function saveItem(
  row: { id: string; tenantId: string },
  info: ProtectedItemInfo,
  readAt: Date,
  { extra, sampleRpo = false }: SaveOptions = {},
) {
  // Not Azure's state but the action's own record: kept even when a newer read of the VM was saved first.
  if (extra && Object.keys(extra).length > 0) await db.protectedItem.updateMany({ where: { id: row.id }, data: extra });
  // Nothing replicates after a failover: no RPO to show or to sample until reprotect.
  const rpoSeconds = isReplicating(info.protectionState) ? (info.rpoSeconds ?? null) : null;
  // Protection, failovers and test VMs are metered from this read, in the transaction that saves it.
  return db.$transaction((tx) => saveRead(tx, row, info, readAt, rpoSeconds, sampleRpo));
}

async function saveRead(
  tx: Tx,
  row: { id: string; tenantId: string },
  info: ProtectedItemInfo,
  readAt: Date,
  rpoSeconds: number | null,
  sampleRpo: boolean,
) {
  const saved = await tx.protectedItem.updateMany({
    where: { id: row.id, OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lte: readAt } }] },
    data: {
      protectionState: info.protectionState,
      protectionDescription: info.protectionDescription ?? null,
      replicationHealth: info.replicationHealth,
      activeLocation: info.activeLocation,
      testFailoverState: info.testFailoverState,
      allowedOperations: info.allowedOperations,
      initialReplicationPercent: info.initialReplicationPercent ?? null,
      lastRecoveryPointAt: info.lastRecoveryPointAt ? new Date(info.lastRecoveryPointAt) : null,
      rpoSeconds,
      lastSyncedAt: readAt,
      errorMessage: null,
    },
  });
  if (saved.count === 0) return false;
  await tx.protectedItem.updateMany({
    where: { id: row.id, state: { not: "disabling" } },
    data: { state: "protected" },
  });
  // A follow reads a moving VM every few seconds: its reads would pack the RPO chart with points from one hour.
  if (sampleRpo && rpoSeconds !== null)
    await tx.rpoSample.create({ data: { tenantId: row.tenantId, protectedItemId: row.id, rpoSeconds } });
  await recordProtectedItemUsage(tx, row.id, readAt, { source: "sync" });
  return true;
}
