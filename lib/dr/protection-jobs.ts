import {
  disableProtection,
  enableProtection,
  findLatestAsrJob,
  getProtectedItem,
  isNotFound,
  listProtectedItems,
  listRecoveryPoints,
  PORTAL_EXTRA_TAG,
  portalTags,
  runProtectedItemAction,
  type AsrJobInfo,
  type AzureAccess,
  type FailoverAction,
  type ItemRef,
  type ProtectedItemInfo,
} from "@/lib/azure";
import { db, Prisma } from "@/lib/db/client";
import { Conflict } from "@/lib/errors";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { followWhileMoving } from "./follow-jobs";
import { saveItem } from "./item-state";
import { loadItemForJob, loadSetupForJob, tenantRgId } from "./load";
import { DR_ROLE, retagTenantTargets, TAG_STEP } from "./retag";
import { isReplicationMoving } from "./replication";
import { RPO_RETENTION_DAYS } from "./schedule";
import type { DrAction } from "./schema";
import { kinds } from "@/lib/operations/kinds";
import { recordProtectedItemUsage, stepEndedAt } from "@/lib/usage/record";

/** The ASR job's tasks become notes of this step and the item's lastJob, so tenants and helpdesk see what Azure did. */
async function recordAsrJob(op: JobContext, access: AzureAccess, ref: ItemRef, scenario: string, itemId: string) {
  await op.step("Record the ASR job", async () => {
    const job: AsrJobInfo | null = await findLatestAsrJob(access, ref, { targetObjectId: ref.item, scenario });
    if (!job) return op.note("Azure reported no job for this action");
    op.note(`${job.friendlyName}: ${job.state}`);
    for (const t of job.tasks) op.note(`${t.state === "Succeeded" ? "✓" : t.state === "Failed" ? "✗" : "…"} ${t.name}`);
    await db.protectedItem.update({
      where: { id: itemId },
      data: {
        lastJob: {
          name: job.name,
          scenario: job.scenario,
          friendlyName: job.friendlyName,
          state: job.state,
          startTime: job.startTime,
          endTime: job.endTime,
          tasks: job.tasks,
          errors: job.errors,
        },
      },
    });
  });
}

/**
 * The last step of every protection job: Azure's state saved now, and when the VM is still moving (initial replication
 * after enable or reprotect) a dr.followReplication that keeps reading it until it settles (issue 12, point 7).
 */
async function readReplicationState(
  op: JobContext,
  access: AzureAccess,
  ref: ItemRef,
  item: { id: string; tenantId: string; vmName: string },
  extra: Prisma.ProtectedItemUpdateManyMutationInput = {},
) {
  await op.step("Read replication state", async () => {
    const readAt = new Date();
    const info = await getProtectedItem(access, ref);
    if (info) await saveItem(item, info, readAt, { extra });
    op.note(info ? `${info.protectionDescription ?? info.protectionState}` : "Not found");
    if (await followWhileMoving(item, info)) op.note("followed until Azure finishes");
  });
}

export const enableProtectionJob = defineJob({
  kind: kinds.dr.enableProtection,
  async run({ protectedItemId }, op) {
    await op.plan(["Enable protection", "Record the ASR job", "Read replication state"]);
    const { item, ref, setup, vault, tenantArmSubscription } = await loadItemForJob(protectedItemId);
    const access = await op.azureAccess(vault.azureSubscriptionId);
    const arm = op.arm(access);
    const vm = (setup.container.vms as { armName: string }[]).find((v) => v.armName === item.armName);
    if (!vm) throw new Conflict(`${item.vmName} is no longer in ${setup.container.friendlyName}.`);
    const protectableItemId = `${vault.azureResourceId}/replicationFabrics/${ref.fabric}/replicationProtectionContainers/${ref.container}/replicationProtectableItems/${item.armName}`;
    await arm.lro<ProtectedItemInfo>("Enable protection", async () => {
      // A retry after Azure accepted the PUT finds the item and continues instead of failing with "already enabled".
      const existing = await getProtectedItem(access, ref);
      if (existing) return { done: true, result: existing };
      return enableProtection(access, ref, {
        policyId: setup.policyId!,
        protectableItemId,
        vmName: item.vmName,
        osType: item.osType as "Windows" | "Linux",
        osDiskId: item.osDiskId ?? undefined,
        targetVmName: item.targetVmName,
        targetSize: item.targetSize ?? undefined,
        storageAccountId: setup.storageAccountId!,
        resourceGroupId: tenantRgId(tenantArmSubscription, setup.resourceGroup),
        vnetId: setup.vnetId!,
        subnetName: item.subnetName,
        targetTags: portalTags({
          tenant: setup.tenant,
          plan: setup.tenantSubscription.planId,
          operationId: op.operationId,
          extra: { [PORTAL_EXTRA_TAG.role]: DR_ROLE, [PORTAL_EXTRA_TAG.protectedItem]: item.id },
        }),
      });
    });
    await recordAsrJob(op, access, ref, "EnableDr", item.id);
    await readReplicationState(op, access, ref, item);
  },
  async onFailed({ protectedItemId }, { message }) {
    await db.protectedItem.updateMany({
      where: { id: protectedItemId, state: "enabling" },
      data: { state: "failed", errorMessage: message },
    });
  },
});

const SCENARIO: Record<Exclude<DrAction, "disableProtection">, string> = {
  testFailover: "TestFailover",
  testFailoverCleanup: "TestFailoverCleanup",
  plannedFailover: "PlannedFailover",
  unplannedFailover: "UnplannedFailover",
  commit: "CommitFailover",
  failback: "PlannedFailover",
  reprotect: "ReverseReplicate",
};
const STEP: Record<Exclude<DrAction, "disableProtection">, string> = {
  testFailover: "Run test failover",
  testFailoverCleanup: "Clean up test failover",
  plannedFailover: "Run planned failover",
  unplannedFailover: "Run failover",
  commit: "Commit failover",
  failback: "Fail back to on-premises",
  reprotect: "Reprotect",
};

function defineActionJob<A extends Exclude<DrAction, "disableProtection">>(action: A) {
  return defineJob({
    kind: `dr.${action}` as const,
    async run(input, op) {
      const steps = [
        ...(action === "unplannedFailover" ? ["Choose the recovery point"] : []),
        STEP[action],
        "Record the ASR job",
        "Read replication state",
      ];
      await op.plan(steps);
      const { item, ref, setup, vault } = await loadItemForJob(input.protectedItemId);
      const access = await op.azureAccess(vault.azureSubscriptionId);
      const arm = op.arm(access);
      let recoveryPointId: string | undefined;
      if (action === "unplannedFailover") {
        // "Latest" is Azure's default (it processes pending data first); "latest processed" names the newest point already made.
        recoveryPointId = await op.step("Choose the recovery point", async () => {
          if (input.recoveryPoint === "latest")
            return (op.note("Latest: Azure processes all data received first"), undefined);
          const [newest] = await listRecoveryPoints(access, ref);
          op.note(
            newest
              ? `Latest processed: ${newest.time} (${newest.type})`
              : "No recovery point yet; Azure uses the latest",
          );
          return newest?.id;
        });
      }
      const body: FailoverAction =
        action === "testFailover"
          ? { kind: action, networkId: setup.testVnetId ?? setup.vnetId! }
          : action === "testFailoverCleanup"
            ? { kind: action, comments: input.notes || undefined }
            : action === "unplannedFailover"
              ? {
                  kind: action,
                  recoveryPointId: recoveryPointId ?? undefined,
                  shutDownSource: input.shutDownSource ?? false,
                }
              : action === "reprotect"
                ? { kind: action, storageAccountId: setup.storageAccountId ?? undefined }
                : { kind: action };
      await arm.lro<ProtectedItemInfo>(STEP[action], () => runProtectedItemAction(access, ref, body));
      await recordAsrJob(op, access, ref, SCENARIO[action], item.id);
      const extra: Prisma.ProtectedItemUpdateManyMutationInput =
        action === "testFailover"
          ? { lastTestFailoverAt: new Date() }
          : action === "testFailoverCleanup"
            ? { lastTestFailoverNotes: input.notes || null }
            : {};
      await readReplicationState(op, access, ref, item, extra);
    },
  });
}

export const drActionJobs = {
  testFailover: defineActionJob("testFailover"),
  testFailoverCleanup: defineActionJob("testFailoverCleanup"),
  plannedFailover: defineActionJob("plannedFailover"),
  unplannedFailover: defineActionJob("unplannedFailover"),
  commit: defineActionJob("commit"),
  failback: defineActionJob("failback"),
  reprotect: defineActionJob("reprotect"),
};

export const disableProtectionJob = defineJob({
  kind: kinds.dr.disableProtection,
  async run({ protectedItemId }, op) {
    await op.plan(["Disable protection", "Remove the protected VM"]);
    const { item, ref, vault } = await loadItemForJob(protectedItemId);
    const access = await op.azureAccess(vault.azureSubscriptionId);
    const arm = op.arm(access);
    await arm.lro<null>("Disable protection", async () => {
      try {
        return await disableProtection(access, ref);
      } catch (e) {
        if (isNotFound(e)) return { done: true, result: null };
        throw e;
      }
    });
    await op.step("Remove the protected VM", () =>
      db.$transaction(async (tx) => {
        await tx.protectedItem.deleteMany({ where: { id: item.id } });
        const at = await stepEndedAt(tx, op.operationId, "Disable protection");
        await recordProtectedItemUsage(tx, item.id, at, { source: "operation", operationId: op.operationId });
      }),
    );
  },
  async onFailed({ protectedItemId }, { message }) {
    await db.protectedItem.updateMany({
      where: { id: protectedItemId, state: "disabling" },
      data: { state: "protected", errorMessage: message },
    });
  },
});

/**
 * dr.refreshProtection (a button, and the worker's DR_REFRESH_MINUTES timer): one list call for the tenant's cloud; rows
 * get Azure's state and an RPO sample each, samples past the retention are pruned, and VMs still moving are followed.
 */
export const refreshProtectionJob = defineJob({
  kind: kinds.dr.refreshProtection,
  async run({ setupId }, op) {
    const { setup, vault, vaultRef, tenantAzureSubscriptionId } = await loadSetupForJob(setupId);
    // Until the tenant's DR targets are found carrying the portal's tags (issue 15 point 1), each refresh looks.
    const retagging = !setup.tagsCheckedAt && setup.targetsState === "succeeded";
    await op.plan(retagging ? ["Read protected VMs", TAG_STEP] : ["Read protected VMs"]);
    const access = await op.azureAccess(vault.azureSubscriptionId);
    await op.step("Read protected VMs", async () => {
      const readAt = new Date();
      const items = await listProtectedItems(access, vaultRef, setup.container.fabric.armName, setup.container.armName);
      const rows = await db.protectedItem.findMany({
        where: { tenantId: setup.tenantId, containerId: setup.containerId },
      });
      let moving = 0;
      for (const row of rows) {
        const info = items.find((i) => i.name === row.armName);
        if (!info) continue;
        await saveItem(row, info, readAt, { sampleRpo: true });
        // A VM still moving (a replication started elsewhere, or one whose follow ran out) is followed again.
        if (row.state !== "disabling" && isReplicationMoving(info) && (await followWhileMoving(row, info))) moving++;
      }
      op.note(
        `${items.length} protected VM${items.length === 1 ? "" : "s"} in ${setup.container.friendlyName}${moving ? `, ${moving} followed until Azure finishes` : ""}`,
      );
      const pruned = await db.rpoSample.deleteMany({
        where: { tenantId: setup.tenantId, at: { lt: new Date(Date.now() - RPO_RETENTION_DAYS * 86_400_000) } },
      });
      if (pruned.count)
        op.note(
          `${pruned.count} RPO sample${pruned.count === 1 ? "" : "s"} older than ${RPO_RETENTION_DAYS} days removed`,
        );
    });
    if (retagging) {
      const tenantAccess = await op.azureAccess(tenantAzureSubscriptionId);
      await op.step(TAG_STEP, () => retagTenantTargets(op, tenantAccess, setup).then(() => true));
    }
  },
});
