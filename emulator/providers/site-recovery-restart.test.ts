import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { all, asr, createAcmeTargets, RG, VAULT } from "./site-recovery/testing.js";
import { associateAcmePolicy, enableVm01, waitForState } from "./site-recovery/walk.js";

describe("Site Recovery state across an emulator restart", () => {
  let dataDir = "";
  let emu: TestEmulator | undefined;
  afterAll(async () => {
    await emu?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps a VM that is mid-replication and finishes its replication after the restart", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "emu-asr-"));
    // A slower clock than the other tests, so the restart surely lands during enable or initial replication.
    emu = await startTestEmulator({ dataDir, timeScale: 0.05 });
    let client = asr(emu);
    await createAcmeTargets(emu);
    const at = await associateAcmePolicy(client);
    await enableVm01(client, at);
    const before = await client.replicationProtectedItems.get(VAULT, RG, at.fabric, at.container, at.item!.name!);
    expect(before.properties?.protectionState).not.toBe("Protected");
    await emu.close();

    emu = await startTestEmulator({ dataDir, timeScale: 0.05 });
    client = asr(emu);
    const seen = new Set<string>();
    const after = await waitForState(
      client,
      at,
      (p) => p.properties?.protectionState === "Protected",
      "Protected after restart",
      seen,
    );
    expect(after.properties?.replicationHealth).toBe("Normal");
    const jobs = await all(client.replicationJobs.list(VAULT, RG, { filter: "JobName eq 'EnableDr'" }));
    expect(jobs).toHaveLength(1);
    expect(jobs[0].properties).toMatchObject({ state: "Succeeded", targetObjectName: "VM01" });
    expect(jobs[0].properties?.tasks?.every((t) => t.state === "Succeeded")).toBe(true);
  });
});
