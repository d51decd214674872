import { describe, expect, it } from "vitest";
import { recoveryPointTimes, type ItemInternal } from "./site-recovery/protected-model.js";

const item = (over: Partial<ItemInternal> = {}): ItemInternal => ({
  stage: "replicating",
  enableStartMs: 0,
  enableEndMs: 500,
  irEndMs: 1000,
  intervalMs: 100,
  intervalSeconds: 900,
  retentionMs: 3600,
  appConsistentMs: 0,
  ...over,
});

describe("recovery points follow the policy's copy frequency", () => {
  it("has none before initial replication ends, then one per cycle, newest first", () => {
    expect(recoveryPointTimes(item(), 999)).toEqual([]);
    expect(recoveryPointTimes(item(), 1000)).toEqual([1000]);
    expect(recoveryPointTimes(item(), 1250)).toEqual([1200, 1100, 1000]);
  });

  it("keeps only the retention window and stops at failover", () => {
    expect(recoveryPointTimes(item({ retentionMs: 150 }), 1250)).toEqual([1200, 1100]);
    expect(recoveryPointTimes(item({ frozenAtMs: 1150 }), 5000)).toEqual([1100, 1000]);
  });
});
