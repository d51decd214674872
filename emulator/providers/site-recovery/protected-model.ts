import type { Clock } from "../../core/clock.js";
import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import { props, stableGuid } from "./common.js";

/**
 * A protected item's lifecycle, kept in `internal` as timestamps and a stage; GET computes protectionState,
 * initial-replication progress, the latest recovery point and allowedOperations from them and the clock.
 * State names outside the spec examples (Protected, WaitingForCompletion, the allowedOperations of a protected
 * item and of a test failover) are best readings (unconfirmed).
 *
 * After a failover, Hyper-V to Azure goes the documented way (Microsoft Learn: "Fail over Hyper-V VMs to Azure",
 * "Run a failback for Hyper-V VMs"): FailedOver (Commit, or Change recovery point = ChangePit, which commit ends;
 * commit deletes the other recovery points) → FailoverCommitted (failback is a planned failover from Azure) →
 * FailedBack ("commit pending") → FailbackCommitted (commit deleted the Azure VM and its disks) → Reverse replicate
 * → replicating again. Each state allows only its next step (and DisableProtection).
 */
export type Stage = "replicating" | "failedOver" | "failoverCommitted" | "failedBack" | "failbackCommitted";
export interface ItemInternal {
  stage: Stage;
  /** The failover that led to `failedOver` was unplanned (Azure names the state after it). */
  unplanned?: boolean;
  enableStartMs: number;
  enableEndMs: number;
  irEndMs: number;
  intervalMs: number;
  intervalSeconds: number;
  retentionMs: number;
  appConsistentMs: number;
  /** Initial replication cannot finish until released (control site-recovery/hold-replication, replication-hold.ts). */
  irHeld?: boolean;
  /** Replication stops at failover: recovery points end here. */
  frozenAtMs?: number;
  testFailover?: { jobId: string; startMs: number; vmId: string; nicId?: string };
  azureVm?: { vmId: string; nicId?: string };
  pending?: { scenarioName: string; jobId: string; startMs: number };
  lastScenario?: { scenarioName: string; jobId: string; startMs: number };
  failoverRecoveryPointId?: string;
  /** Committing a failover deletes the recovery points that were not used; none are listed until reprotect. */
  recoveryPointsDeleted?: boolean;
}

const PENDING_STATE: Record<string, [string, string]> = {
  PlannedFailover: ["PlannedFailoverInProgress", "Planned failover in progress"],
  UnplannedFailover: ["UnplannedFailoverInProgress", "Failover in progress"],
  CommitFailover: ["FailoverCommitInProgress", "Commit in progress"],
  DisableDr: ["DisablingProtection", "Disabling protection"],
};

const STAGE: Record<
  Exclude<Stage, "replicating">,
  { state: string; description: string; active: string; ops: string[] }
> = {
  // After a planned failover (the name is unconfirmed; an unplanned one's is UNPLANNED_FAILED_OVER).
  failedOver: {
    state: "FailedOver",
    description: "Failover completed; commit pending",
    active: "Recovery",
    ops: ["Commit", "ChangePit", "DisableProtection"],
  },
  failoverCommitted: {
    state: "FailoverCommitted",
    description: "Failover committed",
    active: "Recovery",
    ops: ["PlannedFailover", "DisableProtection"],
  },
  failedBack: {
    state: "FailedBack",
    description: "Failback completed; commit pending",
    active: "Primary",
    ops: ["Commit", "DisableProtection"],
  },
  failbackCommitted: {
    state: "FailbackCommitted",
    description: "Failback committed; reverse replicate to protect the virtual machine again",
    active: "Primary",
    ops: ["ReverseReplicate", "DisableProtection"],
  },
};

/**
 * After an unplanned failover, before commit, Azure reports this state (Site Recovery 2023-06-01 example
 * ReplicationProtectedItems_ApplyRecoveryPoint.json: "UnplannedFailoverCommitPendingStatesBegin", "Failover completed").
 */
const UNPLANNED_FAILED_OVER = { state: "UnplannedFailoverCommitPendingStatesBegin", description: "Failover completed" };

export const itemInternal = (r: StoredResource) => r.internal as unknown as ItemInternal;

/** When initial replication ends: while held, always just after now (it has not sent its last changes yet). */
const irEnd = (i: ItemInternal, now: number) => (i.irHeld ? Math.max(i.irEndMs, now + 1) : i.irEndMs);

/** Recovery point times: one per replication cycle after initial replication, within the retention window. */
export function recoveryPointTimes(i: ItemInternal, now: number): number[] {
  const end = Math.min(now, i.frozenAtMs ?? now);
  if (end < irEnd(i, now) || i.recoveryPointsDeleted) return [];
  const last = i.irEndMs + Math.floor((end - i.irEndMs) / i.intervalMs) * i.intervalMs;
  const oldest = Math.max(i.irEndMs, last - i.retentionMs);
  const times: number[] = [];
  for (let t = last; t >= oldest && times.length < 500; t -= i.intervalMs) times.push(t);
  return times;
}

export function recoveryPoints(r: StoredResource, clock: Clock) {
  const i = itemInternal(r);
  return recoveryPointTimes(i, clock.now()).map((t) => {
    const name = stableGuid(r.id, String(t));
    const appConsistent = i.appConsistentMs > 0 && (t - i.irEndMs) % i.appConsistentMs < i.intervalMs;
    return {
      id: `${r.id}/recoveryPoints/${name}`,
      name,
      type: "Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems/recoveryPoints",
      properties: {
        recoveryPointTime: clock.iso(t),
        recoveryPointType: appConsistent ? "AppConsistent" : "CrashConsistent",
        providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
      },
    };
  });
}

function scenario(vaultId: string, clock: Clock, s?: { scenarioName: string; jobId: string; startMs: number }) {
  if (!s) return { scenarioName: "None", jobId: `${vaultId}/replicationJobs/None`, startTime: "1753-01-01T01:01:01Z" };
  return { scenarioName: s.scenarioName, jobId: s.jobId, startTime: clock.iso(s.startMs) };
}

/** The ARM body of a protected item at this moment. */
export function itemView(store: Store, clock: Clock, r: StoredResource): Record<string, unknown> {
  const i = itemInternal(r);
  const now = clock.now();
  const vaultId = r.id.split("/").slice(0, 9).join("/");
  const psd = { ...((props(r).providerSpecificDetails ?? {}) as Record<string, unknown>) };
  let state: string,
    description: string,
    ops: string[],
    health = "Normal",
    active = "Primary";
  let current =
    i.pending ??
    (i.testFailover
      ? { scenarioName: "TestFailover", jobId: i.testFailover.jobId, startMs: i.testFailover.startMs }
      : undefined);
  let tfo = i.testFailover ? ["WaitingForCompletion", "Waiting for user input"] : ["None", "None"];
  if (i.stage === "replicating") {
    const irEndMs = irEnd(i, now);
    const irSpan = Math.max(1, irEndMs - i.enableEndMs);
    const progress = Math.max(0, Math.min(100, Math.floor(((now - i.enableEndMs) / irSpan) * 100)));
    if (now < i.enableStartMs + (i.enableEndMs - i.enableStartMs) / 10)
      [state, description, ops] = ["UnprotectedStatesBegin", "Enabling protection", []];
    else if (now < i.enableEndMs) [state, description, ops] = ["EnablingProtection", "Enabling protection", []];
    else if (now < irEndMs)
      [state, description, ops] = [
        "ProtectedStatesBegin",
        `Initial replication in progress (${progress}%)`,
        ["DisableProtection"],
      ];
    else
      [state, description, ops] = [
        "Protected",
        i.testFailover ? "Cleanup test failover pending" : "Protected",
        i.testFailover
          ? ["TestFailoverCleanup"]
          : ["PlannedFailover", "UnplannedFailover", "DisableProtection", "TestFailover"],
      ];
    if (now < i.enableEndMs) current ??= i.lastScenario;
    // Azure's contract types the percentage as a string (InitialReplicationDetails, every published version).
    psd.initialReplicationDetails = {
      initialReplicationType: "InitialReplication",
      initialReplicationProgressPercentage: String(now < i.enableEndMs ? 0 : progress),
    };
    psd.vmProtectionState =
      now < i.enableEndMs ? "EnablingProtection" : now < irEndMs ? "InitialReplicationInProgress" : "Protected";
    psd.vmProtectionStateDescription =
      now < i.enableEndMs ? "Enabling protection" : now < irEndMs ? "Initial replication in progress" : "Protected";
  } else {
    const s =
      i.stage === "failedOver" && i.unplanned ? { ...STAGE.failedOver, ...UNPLANNED_FAILED_OVER } : STAGE[i.stage];
    [state, description, ops, active, health] = [s.state, s.description, s.ops, s.active, "None"];
    psd.vmProtectionState = s.state;
    psd.vmProtectionStateDescription = s.description;
  }
  if (i.pending) {
    ops = [];
    if (i.pending.scenarioName === "TestFailover") tfo = ["TestFailoverInProgress", "Test failover in progress"];
    else if (i.pending.scenarioName === "TestFailoverCleanup")
      tfo = ["TestFailoverCleanupInProgress", "Cleaning up test failover"];
    else if (PENDING_STATE[i.pending.scenarioName]) [state, description] = PENDING_STATE[i.pending.scenarioName];
  }
  const points = recoveryPointTimes(i, now);
  if (points.length) {
    const last = clock.iso(points[0]);
    Object.assign(psd, {
      lastReplicatedTime: last,
      lastRecoveryPointReceived: last,
      lastRpoCalculatedTime: clock.iso(now),
      rpoInSeconds: Math.round(((now - points[0]) / i.intervalMs) * i.intervalSeconds),
    });
  }
  return {
    ...r.body,
    properties: {
      ...props(r),
      protectionState: state,
      protectionStateDescription: description,
      activeLocation: active,
      testFailoverState: tfo[0],
      testFailoverStateDescription: tfo[1],
      allowedOperations: ops,
      replicationHealth: health,
      currentScenario: scenario(vaultId, clock, current),
      ...(i.failoverRecoveryPointId ? { failoverRecoveryPointId: i.failoverRecoveryPointId } : {}),
      providerSpecificDetails: psd,
    },
  };
}
