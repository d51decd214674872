import {
  getProtectedItem,
  type AzureAccess,
  type ItemRef,
  type LroProgress,
  type ProtectedItemInfo,
} from "@/lib/azure";
import { db } from "@/lib/db/client";
import { Conflict } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueOperationNow } from "@/lib/jobs/enqueue";
import { lroTimeScale, pollDelayMs, type PollHints } from "@/lib/jobs/poll-delay";
import { saveItem } from "./item-state";
import { loadItemForJob } from "./load";
import { FOLLOW_MAX_WAIT_MS, followPace, isReplicationMoving, type FollowMark } from "./replication";
import { kinds } from "@/lib/operations/kinds";

const STEP = "Follow replication";
/**
 * A follow ends after this long on Azure's clock (initial replication of large disks takes days), counted from its
 * operation's start so a retried run does not begin the hours again; the DR_REFRESH_MINUTES refresh starts a new one
 * while the VM is still moving, so a long replication costs one operation per few hours.
 */
const FOLLOW_HOURS = 4;

/** What the follow keeps between runs: the pace mark and when its next read of Azure is due. */
type Continuation = { mark: FollowMark | null; readAt: number };

/**
 * dr.followReplication (issue 12, point 7): while a protected VM moves (initial replication, a failover, a commit), one
 * GET of it per read, saved at once, so the portal shows Azure's state within seconds instead of at the next scheduled
 * refresh. Reads come at the pace Azure's progress suggests (followPace, up to a quarter hour apart) and never hold a
 * worker: each wait is an LRO poll rescheduled by the job engine. The engine wakes a waiting step at least every two
 * minutes; a wake before the follow's own read is due reads nothing. It ends when the VM settles, is disabled, or
 * after FOLLOW_HOURS.
 */
export const followReplicationJob = defineJob({
  kind: kinds.dr.followReplication,
  async run({ protectedItemId }, op) {
    await op.plan([STEP]);
    if (!(await db.protectedItem.findUnique({ where: { id: protectedItemId }, select: { id: true } }))) {
      return op.step(STEP, async () => op.note("Protection was disabled; nothing to follow"));
    }
    const { item, ref, vault } = await loadItemForJob(protectedItemId);
    const access = await op.azureAccess(vault.azureSubscriptionId);
    const { startedAt } = await db.operation.findUniqueOrThrow({
      where: { id: op.operationId },
      select: { startedAt: true },
    });
    const endsAt = (startedAt ?? new Date()).getTime() + FOLLOW_HOURS * 3_600_000 * lroTimeScale();
    const read = async (mark: FollowMark | null): Promise<LroProgress<string> & PollHints> => {
      const outcome = await readOnce(access, ref, item, mark, endsAt);
      if (outcome.done) op.note(outcome.result);
      return outcome;
    };
    await op.wait<string>(STEP, {
      begin: () => read(null),
      look: async (c) => {
        // A continuation stored before reads were scheduled has no readAt: it is due.
        const { mark = null, readAt = 0 } = JSON.parse(c) as Partial<Continuation>;
        const waitMs = readAt - Date.now();
        return waitMs > 0 ? { done: false, continuation: c, percent: mark?.percent ?? undefined, waitMs } : read(mark);
      },
    });
  },
});

async function readOnce(
  access: AzureAccess,
  ref: ItemRef,
  item: { id: string; tenantId: string },
  mark: FollowMark | null,
  endsAt: number,
): Promise<LroProgress<string> & PollHints> {
  const readAt = new Date();
  const info = await getProtectedItem(access, ref);
  const row = await db.protectedItem.findUnique({ where: { id: item.id }, select: { state: true } });
  if (!info || !row) return { done: true, result: "No longer protected" };
  if (row.state === "disabling") return { done: true, result: "Protection is being disabled" };
  await saveItem(item, info, readAt);
  const described = info.protectionDescription ?? info.protectionState;
  if (!isReplicationMoving(info)) return { done: true, result: described };
  if (readAt.getTime() > endsAt) {
    return {
      done: true,
      result: `${described}: still moving after ${FOLLOW_HOURS} h; the scheduled refresh follows it from here`,
    };
  }
  const next = followPace(
    mark,
    info.initialReplicationPercent ?? null,
    readAt.getTime(),
    FOLLOW_MAX_WAIT_MS * lroTimeScale(),
  );
  // Never sooner than the engine's first poll: a percent at 100 while Azure still finishes must not spin. Without a
  // wait of its own (no percent, or one standing still) the engine's back-off paces the reads.
  const waitMs = next.waitMs !== undefined ? Math.max(next.waitMs, pollDelayMs(0)) : undefined;
  const continuation: Continuation = { mark: next.mark, readAt: readAt.getTime() + (waitMs ?? 0) };
  return {
    done: false,
    continuation: JSON.stringify(continuation),
    percent: info.initialReplicationPercent,
    ...(waitMs !== undefined ? { waitMs } : {}),
  };
}

/**
 * Starts following a protected VM that Azure is still working on; a follow already queued or running is reused. Two
 * jobs may ask at the same moment (an action's last step and the scheduled refresh): the one whose insert the unique
 * index refuses gets null, as the other's follow does the work, and the job that asked goes on (it must not fail).
 */
export async function followWhileMoving(
  item: { id: string; tenantId: string; vmName: string },
  info: ProtectedItemInfo | null,
) {
  if (!info || !isReplicationMoving(info)) return null;
  try {
    return await enqueueOperationNow({
      kind: kinds.dr.followReplication,
      tenantId: item.tenantId,
      actorId: null,
      target: { type: "ProtectedItem", id: item.id, name: item.vmName },
      input: { protectedItemId: item.id },
    });
  } catch (error) {
    if (error instanceof Conflict) return null;
    throw error;
  }
}
