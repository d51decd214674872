import { describe, expect, it } from "vitest";
import { FOLLOW_MAX_WAIT_MS, followPace, isReplicationMoving, replicationSummary } from "./replication";

describe("isReplicationMoving", () => {
  it("is true while Azure works on the VM and false once it waits for nobody or for the user", () => {
    for (const protectionState of [
      "EnablingProtection",
      "ProtectedStatesBegin",
      "PlannedFailoverInProgress",
      "FailoverCommitInProgress",
      "DisablingProtection",
    ]) {
      expect(isReplicationMoving({ protectionState, testFailoverState: "None" }), protectionState).toBe(true);
    }
    expect(isReplicationMoving({ protectionState: "Protected", testFailoverState: "TestFailoverInProgress" })).toBe(
      true,
    );
    for (const protectionState of [
      "Protected",
      "FailedOver",
      "UnplannedFailoverCommitPendingStatesBegin",
      "FailoverCommitted",
      "FailbackCommitted",
    ]) {
      expect(isReplicationMoving({ protectionState, testFailoverState: "None" }), protectionState).toBe(false);
    }
    expect(isReplicationMoving({ protectionState: "Protected", testFailoverState: "WaitingForCompletion" })).toBe(
      false,
    );
  });
});

describe("replicationSummary", () => {
  it("after a failover says replication is stopped and when it resumes, with no percent and no empty RPO (issue 12, 10c)", () => {
    const s = replicationSummary({
      state: "protected",
      protectionState: "FailedOver",
      initialReplicationPercent: null,
      rpoSeconds: null,
    });
    expect(s.isReplicating).toBe(false);
    expect(s.replication).toMatch(/^Stopped: the VM runs in Azure.*resumes after failback and reprotect/);
    expect(s.rpo).toBe("None: replication is stopped");
    expect(JSON.stringify(s)).not.toMatch(/0 %|— s/);
  });

  it("reads Azure's name for an unplanned failover waiting for its commit as failed over: stopped, no RPO", () => {
    const s = replicationSummary({
      state: "protected",
      protectionState: "UnplannedFailoverCommitPendingStatesBegin",
      protectionDescription: "Failover completed",
      rpoSeconds: 30,
    });
    expect(s).toMatchObject({ isReplicating: false, rpo: "None: replication is stopped" });
    expect(s.replication).toMatch(/^Stopped: the VM runs in Azure/);
  });

  it("shows initial replication's percent while it runs, and the RPO once there are recovery points", () => {
    expect(
      replicationSummary({
        state: "protected",
        protectionState: "ProtectedStatesBegin",
        initialReplicationPercent: 42,
        rpoSeconds: null,
      }),
    ).toMatchObject({
      replication: "Initial replication in progress: 42 %",
      rpo: expect.stringMatching(/^Not measured yet/),
    });
    expect(
      replicationSummary({
        state: "protected",
        protectionState: "Protected",
        initialReplicationPercent: 100,
        rpoSeconds: 240,
      }),
    ).toMatchObject({ replication: "Replicating (initial replication complete)", rpo: "240 s", isReplicating: true });
    expect(replicationSummary({ state: "protected", protectionState: "Protected", rpoSeconds: null }).rpo).toBe(
      "Not measured yet",
    );
    expect(replicationSummary({ state: "enabling" }).replication).toBe("Enabling protection");
  });
});

describe("followPace", () => {
  it("waits for the time the rest needs at the rate the percent moved", () => {
    const first = followPace(null, 10, 1_000);
    expect(first.waitMs).toBeUndefined();
    // 10 % → 30 % in 4 s: 70 % more takes 14 s.
    expect(followPace(first.mark, 30, 5_000)).toEqual({ mark: { percent: 30, at: 5_000 }, waitMs: 14_000 });
  });

  it("keeps the older mark while the percent stands still, so the rate spans more time", () => {
    const first = followPace(null, 10, 1_000);
    const still = followPace(first.mark, 10, 3_000);
    expect(still).toEqual({ mark: first.mark });
    expect(followPace(still.mark, 20, 11_000).waitMs).toBe(80_000);
  });

  it("reads a slow replication again after at most 15 minutes, however long the rest takes (not every 2 minutes)", () => {
    // 10 % → 11 % in 3 minutes: the rest takes 4 h 27 min; one read per quarter hour keeps ARM reads low and the page fresh.
    expect(followPace({ percent: 10, at: 0 }, 11, 180_000).waitMs).toBe(15 * 60_000);
    // The cap is on Azure's clock: the caller scales it with the emulator's.
    expect(followPace({ percent: 10, at: 0 }, 11, 180_000, 9_000).waitMs).toBe(9_000);
    expect(FOLLOW_MAX_WAIT_MS).toBe(15 * 60_000);
  });

  it("backs off (no wait of its own) without a percent, as during a failover", () => {
    expect(followPace(null, null, 1_000).waitMs).toBeUndefined();
    expect(followPace({ percent: null, at: 0 }, null, 5_000)).toEqual({ mark: { percent: null, at: 5_000 } });
  });
});
