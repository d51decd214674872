import { listVmInventory } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { busyStates, diffInventory } from "./inventory-diff";
import { applyVmTags, planVmTags } from "./sync-tags";
import { readMissingAddresses } from "./addresses";
import { kinds } from "@/lib/operations/kinds";
import { recordVmUsage, stepEndedAt } from "@/lib/usage/record";
import { publishVmPowerChanges } from "@/lib/events/vm-events";

const TAG_STEP = "Tag the portal's resources";
const ADDRESS_STEP = "Read missing IP addresses";

/**
 * subscription.sync: one paged listAll(statusOnly) for the whole Azure subscription, then batched updates; then the
 * portal's tags added where the list showed them missing (and on the NICs, public IPs and disks of VMs not yet checked).
 */
export const syncInventoryJob = defineJob({
  kind: kinds.subscription.sync,
  async run({ azureSubscriptionId }, op) {
    await op.plan(["Read VM statuses", "Update the portal", ADDRESS_STEP, TAG_STEP]);
    const access = await op.azureAccess(azureSubscriptionId);
    const { statuses, tags } = await op.step("Read VM statuses", async () => {
      const all = await listVmInventory(access);
      op.note(`${all.length} VMs in Azure`);
      return {
        statuses: all.map((s) => ({ id: s.id, provisioningState: s.provisioningState, powerState: s.powerState })),
        // Decided here, from the tags the list carries, so the step keeps only what needs writing.
        tags: await planVmTags(azureSubscriptionId, all),
      };
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
      await db.$transaction(
        async (tx) => {
          for (const [key, ids] of groups) {
            const [powerState, provisioningState, isMissing] = JSON.parse(key) as [string | null, string, boolean];
            await tx.virtualMachine.updateMany({
              where: { id: { in: ids }, provisioningState: { notIn: busyStates } },
              data: { powerState, provisioningState, isMissing },
            });
          }
          await tx.virtualMachine.updateMany({
            where: { id: { in: known.map((k) => k.id) } },
            data: { lastSyncedAt: now },
          });
          const changed = new Set(changes.map((c) => c.id));
          await publishVmPowerChanges(
            tx,
            known.filter((k) => changed.has(k.id)),
            "sync",
          );
          // Drift is metered from when this sync read it (the change itself happened at some time before).
          const seenAt = await stepEndedAt(tx, op.operationId, "Read VM statuses");
          for (const c of changes)
            await recordVmUsage(tx, c.id, seenAt, { source: "sync", operationId: op.operationId });
        },
        { timeout: 120_000 },
      );
      op.note(
        `${known.length} portal VMs checked, ${changes.length} changed, ${changes.filter((c) => c.isMissing).length} missing`,
      );
    });
    // Created VMs read their addresses themselves (lib/vms/create-job.ts); this reads what such a read missed.
    await op.step(ADDRESS_STEP, async () => {
      const { groups, recorded } = await readMissingAddresses(access, azureSubscriptionId);
      op.note(groups ? `${recorded} VMs' addresses read in ${groups} resource groups` : "Every VM's addresses known");
    });
    await op.step(TAG_STEP, async () => {
      if (!tags.vms.length && !tags.children.length && !tags.groups?.length)
        return op.note("Every portal VM, group and network carries the portal's tags");
      const r = await applyVmTags(access, tags);
      op.note(
        `${r.written} resources tagged, ${r.checked} VMs' NICs, public IPs and disks and ${r.groups} tenant subscriptions' groups and networks checked` +
          (r.deferred ? `, ${r.deferred} left for the next sync` : "") +
          (r.failed ? `, ${r.failed} refused` : "") +
          (r.firstError ? ` (${r.firstError})` : ""),
      );
    });
  },
});
