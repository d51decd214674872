import { db } from "@/lib/db/client";
import { enqueueOperationNow } from "@/lib/jobs/enqueue";
import { kinds } from "@/lib/operations/kinds";

/** RPO samples older than this are deleted by each refresh: the dashboard shows a day, and a month is kept for questions. */
export const RPO_RETENTION_DAYS = 30;

/**
 * The worker's timer (DR_REFRESH_MINUTES): one dr.refreshProtection per finished setup that protects at least one VM, so
 * replication health, RPO and the last recovery point stay current without anyone pressing Refresh. A refresh already
 * queued or running for a setup is not doubled.
 */
export async function enqueueDrRefreshes() {
  const setups = await db.tenantDrSetup.findMany({
    where: { mappingState: "succeeded", container: { protectedItems: { some: {} } } },
    select: { id: true, tenantId: true, container: { select: { friendlyName: true } } },
  });
  for (const s of setups) {
    await enqueueOperationNow({
      kind: kinds.dr.refreshProtection,
      tenantId: s.tenantId,
      actorId: null,
      target: { type: "TenantDrSetup", id: s.id, name: `${s.container.friendlyName} replication` },
      input: { setupId: s.id },
    }).catch((error) =>
      console.error(
        `[dr] could not enqueue the refresh of ${s.container.friendlyName}:`,
        error instanceof Error ? error.message : error,
      ),
    );
  }
  return setups.length;
}
