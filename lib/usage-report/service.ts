import type { StaffContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { kinds } from "@/lib/operations/kinds";
import { Conflict } from "@/lib/errors";

/** Starts a usage.reconcile of every active onboarded subscription with a plan for the period. */
export async function startReconciliation(ctx: StaffContext, period: { from: string; to: string }) {
  const subscriptions = await db.azureSubscription.findMany({
    where: { state: "active", plan: { isNot: null } },
    select: { id: true, displayName: true },
  });
  if (!subscriptions.length) throw new Conflict("No active subscription with a plan to reconcile.");
  return db.$transaction(async (tx) => {
    const started = [];
    for (const s of subscriptions)
      started.push(
        await enqueueOperation(tx, {
          kind: kinds.usage.reconcile,
          tenantId: null,
          actorId: ctx.user.id,
          azureSubscriptionId: s.id,
          target: { type: "AzureSubscription", id: s.id, name: s.displayName },
          input: { azureSubscriptionId: s.id, ...period },
        }),
      );
    return started;
  });
}
