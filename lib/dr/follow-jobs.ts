import { z } from "zod";
import { getProtectedItem, type AzureAccess, type ItemRef, type LroProgress, type ProtectedItemInfo } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueOperationNow } from "@/lib/jobs/enqueue";
import { lroTimeScale, pollDelayMs, type PollHints } from "@/lib/jobs/poll-delay";
import { saveItem } from "./item-state";
import { loadItemForJob } from "./load";
import { followPace, isReplicationMoving, type FollowMark } from "./replication";

const STEP = "Follow replication";
/**
 * A follow ends after this long on Azure's clock (initial replication of large disks takes days); the DR_REFRESH_MINUTES
 * refresh starts a new one while the VM is still moving, so a long replication costs one operation per few hours.
 */
const FOLLOW_HOURS = 4;

/**
 * dr.followReplication (issue 12, point 7): while a protected VM moves (initial replication, a failover, a commit), one
 * GET of it per poll, saved at once, so the portal shows Azure's state within seconds instead of at the next scheduled
 * refresh. Polls come at the pace Azure's progress suggests (followPace) and never hold a worker: each wait is an LRO
 * poll rescheduled by the job engine. It ends when the VM settles, is disabled, or after FOLLOW_HOURS.
 */
export const followReplicationJob = defineJob({
  kind: "dr.followReplication",
  input: z.object({ protectedItemId: z.string() }),
  async run({ protectedItemId }, op) {
    await op.plan([STEP]);
    if (!(await db.protectedItem.findUnique({ where: { id: protectedItemId }, select: { id: true } }))) {
      return op.step(STEP, async () => op.note("Protection was disabled; nothing to follow"));
    }
    const { item, ref, vault } = await loadItemForJob(protectedItemId);
    const access = await op.azureAccess(vault.azureSubscriptionId);
    const read = async (mark: FollowMark | null): Promise<LroProgress<string> & PollHints> => {
      const outcome = await readOnce(access, ref, item, mark);
      if (outcome.done) op.note(outcome.result);
      return outcome;
    };
    await op.lroStep<string>(STEP, { start: () => read(null), poll: (c) => read(JSON.parse(c) as FollowMark) });
  },
});

async function readOnce(access: AzureAccess, ref: ItemRef, item: { id: string; tenantId: string }, mark: FollowMark | null): Promise<LroProgress<string> & PollHints> {
  const readAt = new Date();
  const info = await getProtectedItem(access, ref);
  const row = await db.protectedItem.findUnique({ where: { id: item.id }, select: { state: true } });
  if (!info || !row) return { done: true, result: "No longer protected" };
  if (row.state === "disabling") return { done: true, result: "Protection is being disabled" };
  await saveItem(item, info, readAt);
  const described = info.protectionDescription ?? info.protectionState;
  if (!isReplicationMoving(info)) return { done: true, result: described };
  const next = followPace(mark, info.initialReplicationPercent ?? null, readAt.getTime());
  if (readAt.getTime() - next.mark.since > FOLLOW_HOURS * 3_600_000 * lroTimeScale()) {
    return { done: true, result: `${described}: still moving after ${FOLLOW_HOURS} h; the scheduled refresh follows it from here` };
  }
  return {
    done: false, continuation: JSON.stringify(next.mark), percent: info.initialReplicationPercent,
    // Never sooner than the engine's first poll: a percent at 100 while Azure still finishes must not spin.
    ...(next.waitMs !== undefined ? { waitMs: Math.max(next.waitMs, pollDelayMs(0)) } : {}),
  };
}

/** Starts following a protected VM that Azure is still working on; a follow already queued or running is reused. */
export async function followWhileMoving(item: { id: string; tenantId: string; vmName: string }, info: ProtectedItemInfo | null) {
  if (!info || !isReplicationMoving(info)) return null;
  return enqueueOperationNow({ kind: "dr.followReplication", tenantId: item.tenantId, actorId: null, target: { type: "ProtectedItem", id: item.id, name: item.vmName }, input: { protectedItemId: item.id } });
}
