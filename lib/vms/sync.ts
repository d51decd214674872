import { z } from "zod";
import { listVmStatuses } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueOperationNow } from "@/lib/jobs/enqueue";

/** VMs in these states belong to a running operation, which will write their state itself. */
const busyStates = ["Creating", "Updating", "Deleting"];

export type SyncChange = { id: string; powerState: string | null; provisioningState: string; isMissing: boolean };

/**
 * Pure: compares the portal's VMs with Azure's statuses (matched by resource id) and returns what changed. A VM Azure
 * no longer has is marked missing (deleted outside the portal), never silently dropped.
 */
export function diffInventory(
  known: { id: string; azureResourceId: string | null; provisioningState: string; powerState: string | null; isMissing: boolean }[],
  azure: { id: string; provisioningState: string; powerState: string }[],
): SyncChange[] {
  const byId = new Map(azure.map((a) => [a.id.toLowerCase(), a]));
  const changes: SyncChange[] = [];
  for (const vm of known) {
    if (!vm.azureResourceId || busyStates.includes(vm.provisioningState)) continue;
    const seen = byId.get(vm.azureResourceId.toLowerCase());
    const next: SyncChange = seen
      ? { id: vm.id, powerState: seen.powerState === "unknown" ? vm.powerState : seen.powerState, provisioningState: seen.provisioningState === "Failed" ? "Failed" : vm.provisioningState, isMissing: false }
      : { id: vm.id, powerState: vm.powerState, provisioningState: vm.provisioningState, isMissing: true };
    if (next.powerState !== vm.powerState || next.provisioningState !== vm.provisioningState || next.isMissing !== vm.isMissing) changes.push(next);
  }
  return changes;
}

/** subscription.sync: one paged listAll(statusOnly) for the whole Azure subscription, then batched updates. */
export const syncInventoryJob = defineJob({
  kind: "subscription.sync",
  input: z.object({ azureSubscriptionId: z.string() }),
  async run({ azureSubscriptionId }, op) {
    await op.plan(["Read VM statuses", "Update the portal"]);
    const access = await op.azureAccess(azureSubscriptionId);
    const statuses = await op.step("Read VM statuses", async () => {
      const all = await listVmStatuses(access);
      op.note(`${all.length} VMs in Azure`);
      return all.map((s) => ({ id: s.id, provisioningState: s.provisioningState, powerState: s.powerState }));
    });
    await op.step("Update the portal", async () => {
      const known = await db.virtualMachine.findMany({
        where: { tenantSubscription: { plan: { azureSubscriptionId } } },
        select: { id: true, azureResourceId: true, provisioningState: true, powerState: true, isMissing: true },
      });
      const changes = diffInventory(known, statuses);
      // One update per distinct outcome, not per VM.
      const groups = new Map<string, string[]>();
      for (const c of changes) {
        const key = JSON.stringify([c.powerState, c.provisioningState, c.isMissing]);
        groups.set(key, [...(groups.get(key) ?? []), c.id]);
      }
      const now = new Date();
      await db.$transaction([
        ...[...groups].map(([key, ids]) => {
          const [powerState, provisioningState, isMissing] = JSON.parse(key) as [string | null, string, boolean];
          return db.virtualMachine.updateMany({ where: { id: { in: ids }, provisioningState: { notIn: busyStates } }, data: { powerState, provisioningState, isMissing } });
        }),
        db.virtualMachine.updateMany({ where: { id: { in: known.map((k) => k.id) } }, data: { lastSyncedAt: now } }),
      ]);
      op.note(`${known.length} portal VMs checked, ${changes.length} changed, ${changes.filter((c) => c.isMissing).length} missing`);
    });
  },
});

/** Enqueues a sync for every active subscription (a sync already queued or running is not doubled). */
export async function enqueueInventorySyncs(actorId: string | null = null) {
  const subs = await db.azureSubscription.findMany({ where: { state: "active" }, select: { id: true, displayName: true } });
  for (const s of subs) {
    await enqueueOperationNow({
      kind: "subscription.sync",
      tenantId: null,
      actorId,
      azureSubscriptionId: s.id,
      target: { type: "AzureSubscription", id: s.id, name: s.displayName },
      input: { azureSubscriptionId: s.id },
    }).catch((error) => console.error(`[sync] could not enqueue for ${s.displayName}:`, error instanceof Error ? error.message : error));
  }
  return subs.length;
}
