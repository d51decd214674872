import { describe, expect, it } from "vitest";
import {
  mapAsrJob,
  mapOnPremVm,
  mapProtectedItem,
  mapProtectionContainer,
  mapReplicationPolicy,
} from "./site-recovery-mappers";

const vault =
  "/subscriptions/s/resourceGroups/WAPRecoveryGroup/providers/Microsoft.RecoveryServices/vaults/WAPRecoveryVault";

describe("Site Recovery mappers", () => {
  it("reads a protected item after a test failover (examples/ReplicationProtectedItems_TestFailover.json shape)", () => {
    const item = mapProtectedItem({
      id: `${vault}/replicationFabrics/f1/replicationProtectionContainers/cloud_1/replicationProtectedItems/vm1`,
      name: "vm1",
      properties: {
        friendlyName: "VM01",
        protectionState: "Protected",
        protectionStateDescription: "Cleanup test failover pending",
        activeLocation: "Primary",
        testFailoverState: "WaitingForCompletion",
        allowedOperations: ["TestFailoverCleanup"],
        replicationHealth: "Normal",
        currentScenario: {
          scenarioName: "TestFailover",
          jobId: `${vault}/replicationJobs/j1`,
          startTime: "2026-11-25T10:00:00Z",
        },
        providerSpecificDetails: {
          instanceType: "HyperVReplicaAzure",
          initialReplicationDetails: { initialReplicationProgressPercentage: 100 },
          lastRecoveryPointReceived: "2026-11-25T09:59:00Z",
          rpoInSeconds: 120,
        },
      },
    });
    expect(item).toEqual({
      id: expect.stringContaining("/vm1"),
      name: "vm1",
      friendlyName: "VM01",
      protectionState: "Protected",
      protectionDescription: "Cleanup test failover pending",
      replicationHealth: "Normal",
      activeLocation: "Primary",
      testFailoverState: "WaitingForCompletion",
      allowedOperations: ["TestFailoverCleanup"],
      currentScenario: { name: "TestFailover", jobId: `${vault}/replicationJobs/j1` },
      initialReplicationPercent: 100,
      lastRecoveryPointAt: "2026-11-25T09:59:00.000Z",
      rpoSeconds: 120,
    });
  });

  it("reads the initial replication's progress as Azure's contract types it (a string) as well as a number", () => {
    const at = (p: unknown) =>
      mapProtectedItem({
        name: "x",
        properties: {
          providerSpecificDetails: {
            instanceType: "HyperVReplicaAzure",
            initialReplicationDetails: { initialReplicationProgressPercentage: p },
          },
        },
      }).initialReplicationPercent;
    expect([at("42"), at(42), at(""), at("n/a")]).toEqual([42, 42, undefined, undefined]);
  });

  it("treats the 'None' scenario as no current job, and accepts the SDK's Date fields", () => {
    const item = mapProtectedItem({
      name: "x",
      properties: {
        currentScenario: { scenarioName: "None", jobId: `${vault}/replicationJobs/None` },
        providerSpecificDetails: { lastRecoveryPointReceived: new Date("2026-01-01T00:00:00Z") },
      },
    });
    expect(item.currentScenario).toBeUndefined();
    expect(item.lastRecoveryPointAt).toBe("2026-01-01T00:00:00.000Z");
    expect(item.protectionState).toBe("Unknown");
  });

  it("reads a VMM VM with its disks in GiB and the OS disk marked", () => {
    const vm = mapOnPremVm({
      id: `${vault}/replicationFabrics/f1/replicationProtectionContainers/cloud_1/replicationProtectableItems/abc`,
      name: "abc",
      properties: {
        friendlyName: "LNX01",
        protectionStatus: "Unprotected",
        customDetails: {
          osDetails: { osType: "Linux", osEdition: "Ubuntu 22.04 LTS" },
          diskDetails: [{ maxSizeMB: 65536, vhdType: "OperatingSystem", vhdId: "d1", vhdName: "LNX01_OS" }],
        },
      },
    });
    expect(vm).toMatchObject({
      name: "abc",
      friendlyName: "LNX01",
      osType: "Linux",
      osName: "Ubuntu 22.04 LTS",
      disks: [{ id: "d1", name: "LNX01_OS", sizeGb: 64, isOs: true }],
    });
  });

  it("reads a cloud's fabric from its id, and a policy's settings", () => {
    expect(
      mapProtectionContainer({
        id: `${vault}/replicationFabrics/f1/replicationProtectionContainers/cloud_1`,
        name: "cloud_1",
        properties: { friendlyName: "AcmeCorp Cloud", pairingStatus: "Paired", protectedItemCount: 2 },
      }),
    ).toEqual({
      name: "cloud_1",
      fabricName: "f1",
      friendlyName: "AcmeCorp Cloud",
      pairingStatus: "Paired",
      protectedItemCount: 2,
    });
    expect(
      mapReplicationPolicy({
        id: `${vault}/replicationPolicies/AcmeCorp-Policy`,
        name: "AcmeCorp-Policy",
        properties: {
          providerSpecificDetails: {
            instanceType: "HyperVReplicaAzure",
            replicationInterval: 900,
            recoveryPointHistoryDurationInHours: 1,
            applicationConsistentSnapshotFrequencyInHours: 1,
            activeStorageAccountId: "sa",
          },
        },
      }),
    ).toMatchObject({
      name: "AcmeCorp-Policy",
      copyFrequencySeconds: 900,
      recoveryPointHours: 1,
      appConsistentHours: 1,
      storageAccountId: "sa",
    });
  });

  it("reads an ASR job with its tasks and error (examples/ReplicationJobs_List.json shape)", () => {
    const job = mapAsrJob({
      id: `${vault}/replicationJobs/j1`,
      name: "j1",
      properties: {
        scenarioName: "TestFailover",
        friendlyName: "Test failover",
        state: "Failed",
        targetObjectId: "vm1",
        targetObjectName: "VM01",
        startTime: "2026-11-25T10:00:00Z",
        tasks: [
          { friendlyName: "Prerequisites check for test failover", state: "Succeeded" },
          { friendlyName: "Create test virtual machine", state: "Failed" },
        ],
        errors: [{ serviceErrorDetails: { code: "X", message: "No capacity" } }],
      },
    });
    expect(job).toMatchObject({
      name: "j1",
      scenario: "TestFailover",
      state: "Failed",
      targetObjectName: "VM01",
      tasks: [
        { name: "Prerequisites check for test failover", state: "Succeeded" },
        { name: "Create test virtual machine", state: "Failed" },
      ],
      errors: ["No capacity"],
    });
  });
});
