import { db } from "@/lib/db/client";
import { enqueueOperationNow } from "@/lib/jobs/enqueue";
import { kinds } from "@/lib/operations/kinds";

/** Enqueues a sync for every active subscription (a sync already queued or running is not doubled). */
export async function enqueueInventorySyncs(actorId: string | null = null) {
  const subs = await db.azureSubscription.findMany({
    where: { state: "active" },
    select: { id: true, displayName: true },
  });
  for (const s of subs) {
    await enqueueOperationNow({
      kind: kinds.subscription.sync,
      tenantId: null,
      actorId,
      azureSubscriptionId: s.id,
      target: { type: "AzureSubscription", id: s.id, name: s.displayName },
      input: { azureSubscriptionId: s.id },
    }).catch((error) =>
      console.error(`[sync] could not enqueue for ${s.displayName}:`, error instanceof Error ? error.message : error),
    );
  }
  return subs.length;
}
