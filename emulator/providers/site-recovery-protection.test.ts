import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SiteRecoveryManagementClient } from "@azure/arm-recoveryservices-siterecovery";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { ACME_APP_ID, ACME_SUBSCRIPTION_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import {
  acmeVnetId,
  ACME_RG,
  all,
  asr,
  createAcmeTargets,
  HAS_NETWORK_RP,
  POLL,
  RG,
  VAULT,
} from "./site-recovery/testing.js";
import { associateAcmePolicy, enableVm01, waitForState } from "./site-recovery/walk.js";

const NEEDS_VNET =
  "skipped when the Network RP (emulator/providers/network.ts) is absent: needs the AcmeCorp virtual network";

describe("Hyper-V (VMM) to Azure protection for AcmeCorp, as in the provider guide", () => {
  let emu: TestEmulator;
  let client: SiteRecoveryManagementClient;
  let at: Awaited<ReturnType<typeof associateAcmePolicy>>;
  const acmeVms = async () =>
    (await all(emu.resources(ACME_APP_ID, ACME_SUBSCRIPTION_ID).resources.listByResourceGroup(ACME_RG)))
      .filter((r) => r.type === "Microsoft.Compute/virtualMachines")
      .map((r) => r.name);
  const item = () => client.replicationProtectedItems.get(VAULT, RG, at.fabric, at.container, at.item!.name!);

  beforeAll(async () => {
    emu = await startTestEmulator();
    client = asr(emu);
    await createAcmeTargets(emu);
    at = await associateAcmePolicy(client);
  });
  afterAll(() => emu.close());

  it.skipIf(!HAS_NETWORK_RP)(
    `maps YellowNetwork to the AcmeCorp virtual network in the other subscription (${NEEDS_VNET})`,
    async () => {
      const yellow = (await all(client.replicationNetworks.list(VAULT, RG))).find(
        (n) => n.properties?.friendlyName === "YellowNetwork",
      )!;
      const mapping = await client.replicationNetworkMappings.beginCreateAndWait(
        VAULT,
        RG,
        at.fabric,
        yellow.name!,
        "YellowNetwork-AcmeCorp",
        {
          properties: {
            recoveryFabricName: "Microsoft Azure",
            recoveryNetworkId: acmeVnetId,
            fabricSpecificDetails: { instanceType: "VmmToAzure" },
          },
        },
        POLL,
      );
      expect(mapping.properties).toMatchObject({
        state: "Paired",
        primaryNetworkFriendlyName: "YellowNetwork",
        recoveryNetworkId: acmeVnetId,
        fabricSpecificSettings: { instanceType: "VmmToAzure" },
      });
    },
  );

  it("enables protection for VM01 and replicates it to Protected", async () => {
    await enableVm01(client, at);
    const seen = new Set<string>();
    const protectedItem = await waitForState(
      client,
      at,
      (p) => p.properties?.protectionState === "Protected",
      "Protected",
      seen,
    );
    expect([...seen][0]).toMatch(/UnprotectedStatesBegin|EnablingProtection|ProtectedStatesBegin/);
    expect(protectedItem.properties).toMatchObject({
      friendlyName: "VM01",
      protectedItemType: "HyperVVirtualMachine",
      replicationHealth: "Normal",
      activeLocation: "Primary",
      testFailoverState: "None",
      allowedOperations: ["PlannedFailover", "UnplannedFailover", "DisableProtection", "TestFailover"],
      recoveryFabricFriendlyName: "Microsoft Azure",
    });
    const psd = protectedItem.properties?.providerSpecificDetails as unknown as Record<string, unknown>;
    expect(psd).toMatchObject({
      instanceType: "HyperVReplicaAzure",
      initialReplicationDetails: { initialReplicationProgressPercentage: "100" },
    });
    expect(psd.lastRecoveryPointReceived).toBeDefined();
    const points = await all(
      client.recoveryPoints.listByReplicationProtectedItems(VAULT, RG, at.fabric, at.container, at.item!.name!),
    );
    expect(points.length).toBeGreaterThan(0);
    const vm = await client.replicationProtectableItems.get(VAULT, RG, at.fabric, at.container, at.item!.name!);
    expect(vm.properties?.protectionStatus).toBe("Protected");
  });

  it("refuses to protect VM01 twice and refuses actions its state does not allow", async () => {
    await expect(enableVm01(client, at)).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      client.replicationProtectedItems.beginTestFailoverCleanupAndWait(
        VAULT,
        RG,
        at.fabric,
        at.container,
        at.item!.name!,
        { properties: {} },
        POLL,
      ),
    ).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining("TestFailoverCleanup") });
  });

  it("runs a test failover that creates VM01-test in the AcmeCorp subscription, then cleans it up", async () => {
    const network = HAS_NETWORK_RP
      ? { networkType: "VmNetworkAsInput", networkId: acmeVnetId }
      : { networkType: "NoNetworkAttachAsInput" };
    const after = await client.replicationProtectedItems.beginTestFailoverAndWait(
      VAULT,
      RG,
      at.fabric,
      at.container,
      at.item!.name!,
      {
        properties: {
          failoverDirection: "PrimaryToRecovery",
          ...network,
          providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
        },
      } as never,
      POLL,
    );
    expect(after.properties).toMatchObject({
      testFailoverState: "WaitingForCompletion",
      allowedOperations: ["TestFailoverCleanup"],
      currentScenario: { scenarioName: "TestFailover" },
    });
    expect(await acmeVms()).toEqual(["VM01-test"]);
    const vmPath = `/subscriptions/${ACME_SUBSCRIPTION_ID}/resourceGroups/${ACME_RG}/providers/Microsoft.Compute/virtualMachines/VM01-test`;
    const view = await emu.arm(ACME_APP_ID, "GET", `${vmPath}/instanceView?api-version=2024-07-01`);
    expect(view.status).toBe(200);
    expect(view.body.statuses.map((s: { code: string }) => s.code)).toContain("PowerState/running");
    await expect(
      client.replicationProtectedItems.beginTestFailoverCleanupAndWait(
        VAULT,
        RG,
        at.fabric,
        at.container,
        at.item!.name!,
        { properties: { comments: "x".repeat(1025) } },
        POLL,
      ),
    ).rejects.toMatchObject({ statusCode: 400 });
    const cleaned = await client.replicationProtectedItems.beginTestFailoverCleanupAndWait(
      VAULT,
      RG,
      at.fabric,
      at.container,
      at.item!.name!,
      { properties: { comments: "DR drill OK" } },
      POLL,
    );
    expect(cleaned.properties?.testFailoverState).toBe("None");
    expect(await acmeVms()).toEqual([]);
    const jobs = await all(client.replicationJobs.list(VAULT, RG));
    const tfo = jobs.find((j) => j.properties?.scenarioName === "TestFailover")!;
    expect(tfo.properties).toMatchObject({ state: "Succeeded", targetObjectName: "VM01" });
    expect(tfo.properties?.tasks?.length).toBe(4);
  });

  it.skipIf(!HAS_NETWORK_RP)(
    `fails over to Azure, changes the recovery point, commits, fails back, commits and reprotects, each state allowing only its next step (${NEEDS_VNET})`,
    async () => {
      const name = at.item!.name!;
      const item = [VAULT, RG, at.fabric, at.container, name] as const;
      const reverse = {
        properties: {
          failoverDirection: "PrimaryToRecovery",
          providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
        },
      } as never;
      const failedOver = await client.replicationProtectedItems.beginPlannedFailoverAndWait(
        ...item,
        {
          properties: {
            failoverDirection: "PrimaryToRecovery",
            providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
          },
        } as never,
        POLL,
      );
      expect(failedOver.properties).toMatchObject({
        protectionState: "FailedOver",
        activeLocation: "Recovery",
        allowedOperations: ["Commit", "ChangePit", "DisableProtection"],
      });
      expect(await acmeVms()).toEqual(["VM01"]);
      // Reverse replication comes only after failback and its commit.
      await expect(
        client.replicationProtectedItems.beginReprotectAndWait(...item, reverse, POLL),
      ).rejects.toMatchObject({
        statusCode: 400,
        message: expect.stringContaining("isn't allowed"),
      });

      // Change recovery point: any point kept when replication stopped, until commit.
      const points = await all(client.recoveryPoints.listByReplicationProtectedItems(...item));
      expect(points.length).toBeGreaterThan(0);
      const older = points[points.length - 1];
      const changed = await client.replicationProtectedItems.beginApplyRecoveryPointAndWait(
        ...item,
        { properties: { recoveryPointId: older.id, providerSpecificDetails: { instanceType: "HyperVReplicaAzure" } } },
        POLL,
      );
      expect(changed.properties?.failoverRecoveryPointId).toBe(older.id);

      // Commit deletes the other recovery points; the recovery point can no longer change.
      const committed = await client.replicationProtectedItems.beginFailoverCommitAndWait(...item, POLL);
      expect(committed.properties).toMatchObject({
        protectionState: "FailoverCommitted",
        allowedOperations: ["PlannedFailover", "DisableProtection"],
      });
      expect(await all(client.recoveryPoints.listByReplicationProtectedItems(...item))).toEqual([]);
      await expect(
        client.replicationProtectedItems.beginApplyRecoveryPointAndWait(
          ...item,
          {
            properties: { recoveryPointId: older.id, providerSpecificDetails: { instanceType: "HyperVReplicaAzure" } },
          },
          POLL,
        ),
      ).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining("isn't allowed") });
      // Failback is a planned failover from Azure with the failback provider input.
      await expect(
        client.replicationProtectedItems.beginPlannedFailoverAndWait(
          ...item,
          {
            properties: {
              failoverDirection: "RecoveryToPrimary",
              providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
            },
          } as never,
          POLL,
        ),
      ).rejects.toMatchObject({ statusCode: 400 });
      // Synchronizing data first: the job copies while the Azure VM runs, then waits for "Complete Failover".
      const failback = await client.replicationProtectedItems.beginPlannedFailover(
        ...item,
        {
          properties: {
            failoverDirection: "RecoveryToPrimary",
            providerSpecificDetails: {
              instanceType: "HyperVReplicaAzureFailback",
              dataSyncOption: "ForSynchronization",
              recoveryVmCreationOption: "NoAction",
            },
          },
        } as never,
        POLL,
      );
      let waiting: Awaited<ReturnType<typeof client.replicationJobs.get>> | undefined;
      for (let n = 0; n < 200 && !waiting; n++) {
        const jobs = await all(client.replicationJobs.list(VAULT, RG));
        waiting = jobs.find(
          (j) => j.properties?.scenarioName === "PlannedFailover" && j.properties.state === "Suspended",
        );
        if (!waiting) await new Promise((r) => setTimeout(r, 20));
      }
      expect(waiting?.properties).toMatchObject({ allowedActions: ["Resume"] });
      expect(waiting?.properties?.tasks?.map((t) => t.state)).toEqual([
        "Succeeded",
        "Succeeded",
        "NotStarted",
        "NotStarted",
        "NotStarted",
      ]);
      expect((await client.replicationProtectedItems.get(...item)).properties?.protectionState).toBe(
        "PlannedFailoverInProgress",
      );
      const resumed = await client.replicationJobs.beginResumeAndWait(
        VAULT,
        RG,
        waiting!.name!,
        { properties: { comments: "Complete failover" } },
        POLL,
      );
      expect(resumed.properties?.state).not.toBe("Suspended");
      await expect(
        client.replicationJobs.beginResumeAndWait(VAULT, RG, waiting!.name!, { properties: {} }, POLL),
      ).rejects.toMatchObject({ statusCode: 400 });
      const failedBack = await failback.pollUntilDone();
      expect(failedBack.properties).toMatchObject({
        protectionState: "FailedBack",
        activeLocation: "Primary",
        allowedOperations: ["Commit", "DisableProtection"],
      });
      expect(await acmeVms()).toEqual(["VM01"]); // deallocated in Azure until the failback is committed

      // Committing the failback deletes the Azure VM; reverse replication protects the on-premises VM again.
      const backCommitted = await client.replicationProtectedItems.beginFailoverCommitAndWait(...item, POLL);
      expect(backCommitted.properties).toMatchObject({
        protectionState: "FailbackCommitted",
        allowedOperations: ["ReverseReplicate", "DisableProtection"],
      });
      expect(await acmeVms()).toEqual([]);
      await expect(client.replicationProtectedItems.beginFailoverCommitAndWait(...item, POLL)).rejects.toMatchObject({
        statusCode: 400,
      });
      const reprotected = await client.replicationProtectedItems.beginReprotectAndWait(...item, reverse, POLL);
      expect(reprotected.properties?.activeLocation).toBe("Primary");
      await waitForState(client, at, (p) => p.properties?.protectionState === "Protected", "Protected after reprotect");
      const jobs = await all(client.replicationJobs.list(VAULT, RG));
      expect(jobs.map((j) => j.properties?.scenarioName)).toEqual(
        expect.arrayContaining(["PlannedFailover", "ChangePit", "CommitFailover", "ReverseReplicate"]),
      );
      const failbackJob = jobs.find((j) => j.name === waiting!.name);
      expect(failbackJob?.properties).toMatchObject({ state: "Succeeded", allowedActions: [] });
      expect(failbackJob?.properties?.tasks?.map((t) => t.friendlyName)).toContain("Synchronizing the final changes");
    },
  );

  it("disables protection and the VM becomes protectable again", async () => {
    await waitForState(
      client,
      at,
      (p) => (p.properties?.allowedOperations ?? []).includes("DisableProtection"),
      "DisableProtection allowed",
    );
    await client.replicationProtectedItems.beginDeleteAndWait(
      VAULT,
      RG,
      at.fabric,
      at.container,
      at.item!.name!,
      { properties: { disableProtectionReason: "NotSpecified" } },
      POLL,
    );
    await expect(item()).rejects.toMatchObject({ statusCode: 404 });
    const vm = await client.replicationProtectableItems.get(VAULT, RG, at.fabric, at.container, at.item!.name!);
    expect(vm.properties?.protectionStatus).toBe("Unprotected");
  });

  it("holds initial replication while the vault is held (control site-recovery/hold-replication), then finishes it", async () => {
    const vaultId = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/${VAULT}`;
    const hold = (held: boolean) =>
      emu.control.call<{ items: number }>("POST", "site-recovery/hold-replication", { vaultId, hold: held });
    await hold(true);
    await enableVm01(client, at);
    const percent = (p: Awaited<ReturnType<typeof item>>) =>
      (p.properties?.providerSpecificDetails as unknown as Record<string, Record<string, string>>)
        .initialReplicationDetails?.initialReplicationProgressPercentage;
    await waitForState(client, at, (p) => percent(p) === "99", "99 %");
    // Past the time it would have ended: still replicating, no recovery point.
    await new Promise((r) => setTimeout(r, 300));
    const held = await item();
    expect(held.properties).toMatchObject({
      protectionState: "ProtectedStatesBegin",
      allowedOperations: ["DisableProtection"],
    });
    expect(percent(held)).toBe("99");
    const points = () =>
      all(client.recoveryPoints.listByReplicationProtectedItems(VAULT, RG, at.fabric, at.container, at.item!.name!));
    expect(await points()).toEqual([]);

    expect(await hold(false)).toMatchObject({ items: 1 });
    const done = await item();
    expect(done.properties?.protectionState).toBe("Protected");
    expect(percent(done)).toBe("100");
    expect((await points()).length).toBeGreaterThan(0);
    await expect(emu.control.call("POST", "site-recovery/hold-replication", { vaultId })).rejects.toThrow(/'hold'/);
  });

  it.skipIf(!HAS_NETWORK_RP)(
    `names the state after an unplanned failover as Azure does, and commits it (${NEEDS_VNET})`,
    async () => {
      const item = [VAULT, RG, at.fabric, at.container, at.item!.name!] as const;
      const failedOver = await client.replicationProtectedItems.beginUnplannedFailoverAndWait(
        ...item,
        {
          properties: {
            failoverDirection: "PrimaryToRecovery",
            sourceSiteOperations: "NotRequired",
            providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
          },
        } as never,
        POLL,
      );
      // Site Recovery 2023-06-01 example ReplicationProtectedItems_ApplyRecoveryPoint.json.
      expect(failedOver.properties).toMatchObject({
        protectionState: "UnplannedFailoverCommitPendingStatesBegin",
        protectionStateDescription: "Failover completed",
        activeLocation: "Recovery",
        allowedOperations: ["Commit", "ChangePit", "DisableProtection"],
      });
      expect(await acmeVms()).toEqual(["VM01"]);
      const committed = await client.replicationProtectedItems.beginFailoverCommitAndWait(...item, POLL);
      expect(committed.properties).toMatchObject({ protectionState: "FailoverCommitted", activeLocation: "Recovery" });
    },
  );
});
