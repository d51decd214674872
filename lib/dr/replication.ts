/**
 * Pure rules about a protected VM's replication as Azure reports it: whether it is still moving (so the worker follows
 * it and pages refresh live), how often to read it again, and what the portal says about it.
 */
type AzureState = { protectionState?: string | null; testFailoverState?: string | null };

/** Azure is still working on the VM: enabling, initial replication, a failover, a commit, a test failover or its cleanup. */
const MOVING = new Set(["UnprotectedStatesBegin", "EnablingProtection", "ProtectedStatesBegin", "DisablingProtection"]);
export function isReplicationMoving(i: AzureState): boolean {
  const moving = (s: string | null | undefined) => !!s && (MOVING.has(s) || /InProgress$/.test(s));
  return moving(i.protectionState) || moving(i.testFailoverState);
}

/**
 * Failed over, commit pending. Azure reports an unplanned failover of a Hyper-V VM as
 * `UnplannedFailoverCommitPendingStatesBegin` ("Failover completed"; Site Recovery 2023-06-01 example
 * ReplicationProtectedItems_ApplyRecoveryPoint.json, and the same name in `az site-recovery` scripts); the planned one's
 * name is unconfirmed (the emulator says `FailedOver`), so any `…FailoverCommitPendingStatesBegin` reads the same.
 */
export const isFailedOverCommitPending = (protectionState: string | null | undefined) =>
  protectionState === "FailedOver" || /FailoverCommitPendingStatesBegin$/.test(protectionState ?? "");

/** After a failover (until reprotect) nothing replicates: there is no RPO to show or sample. */
const FAILED_OVER_STOPPED =
  "Stopped: the VM runs in Azure since the failover. Commit it; replication to Azure resumes after failback and reprotect.";
const STOPPED: Record<string, string> = {
  FailoverCommitted:
    "Stopped: the VM runs in Azure. Fail back and commit; replication to Azure resumes after reprotect.",
  FailedBack: "Stopped: the VM is back on-premises. Commit the failback; replication to Azure resumes after reprotect.",
  FailbackCommitted: "Stopped: the VM is back on-premises. Reprotect it to replicate to Azure again.",
};
const stoppedReason = (protectionState: string | null | undefined): string | undefined =>
  isFailedOverCommitPending(protectionState)
    ? FAILED_OVER_STOPPED
    : protectionState
      ? STOPPED[protectionState]
      : undefined;

export const isReplicating = (protectionState: string | null | undefined) =>
  !protectionState || !stoppedReason(protectionState);

/** The item page's "Replication" and "Current RPO" lines: what is true now, never a 0 % or an empty value with a unit. */
export function replicationSummary(
  i: AzureState & {
    state: string;
    protectionDescription?: string | null;
    initialReplicationPercent?: number | null;
    rpoSeconds?: number | null;
  },
) {
  const stopped = stoppedReason(i.protectionState);
  if (stopped) return { replication: stopped, rpo: "None: replication is stopped", isReplicating: false };
  const noPointYet = "Not measured yet: recovery points start once initial replication completes";
  if (
    i.state === "enabling" ||
    !i.protectionState ||
    i.protectionState === "UnprotectedStatesBegin" ||
    i.protectionState === "EnablingProtection"
  ) {
    return { replication: "Enabling protection", rpo: noPointYet, isReplicating: true };
  }
  if (i.protectionState === "ProtectedStatesBegin" || i.protectionState === "InitialReplicationInProgress") {
    return {
      replication: `Initial replication in progress: ${i.initialReplicationPercent ?? 0} %`,
      rpo: noPointYet,
      isReplicating: true,
    };
  }
  const rpo = i.rpoSeconds == null ? "Not measured yet" : `${i.rpoSeconds} s`;
  if (i.protectionState === "Protected")
    return { replication: "Replicating (initial replication complete)", rpo, isReplicating: true };
  return { replication: i.protectionDescription ?? i.protectionState, rpo, isReplicating: true };
}

/** Where a follow of a moving item stands: the last initial-replication percent seen change, and when. */
export type FollowMark = { percent: number | null; at: number };

/**
 * The longest a follow waits between two reads, on Azure's clock. Initial replication of large disks takes hours to
 * days: a read per quarter hour keeps its GETs against the provider's vault subscription few (ARM read throttling)
 * while the page still moves.
 */
export const FOLLOW_MAX_WAIT_MS = 15 * 60_000;

/**
 * The next read of a moving item, at the pace Azure's progress suggests: once the initial replication percent has moved,
 * the time the rest needs at that rate (one read when it should be done), at most `maxWaitMs`; until then (or with no
 * percent, as during a failover) no wait, so the caller backs off. An unchanged percent keeps the older mark, so the
 * rate spans more time.
 */
export function followPace(
  prev: FollowMark | null,
  percent: number | null,
  now: number,
  maxWaitMs = FOLLOW_MAX_WAIT_MS,
): { mark: FollowMark; waitMs?: number } {
  if (!prev || percent === null || prev.percent === null || percent < prev.percent)
    return { mark: { percent, at: now } };
  if (percent === prev.percent) return { mark: prev };
  const msPerPercent = (now - prev.at) / (percent - prev.percent);
  return { mark: { percent, at: now }, waitMs: Math.min(maxWaitMs, Math.round((100 - percent) * msPerPercent)) };
}
