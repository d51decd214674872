import { describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, linuxVm, POLL, putNic } from "./compute/test-support.js";

const SUB = PROVIDER_SUBSCRIPTION_ID;

describe("compute state across restarts", () => {
  it("keeps a VM and finishes its deallocation after the emulator restarts mid-operation", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "emu-compute-persist-"));
    try {
      const first = await startTestEmulator({ dataDir });
      await first.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate("rg-persist", { location: "eastus2" });
      const nicId = await putNic(first, {
        subscriptionId: SUB,
        resourceGroup: "rg-persist",
        name: "nic-p",
        location: "eastus2",
      });
      await computeClient(first, PROVIDER_APP_ID, SUB).virtualMachines.beginCreateOrUpdateAndWait(
        "rg-persist",
        "keeper",
        linuxVm("eastus2", nicId),
        POLL,
      );
      const started = await first.arm(
        PROVIDER_APP_ID,
        "POST",
        `/subscriptions/${SUB}/resourceGroups/rg-persist/providers/Microsoft.Compute/virtualMachines/keeper/deallocate?api-version=2026-04-01`,
      );
      expect(started.status).toBe(202);
      await first.close();

      const second = await startTestEmulator({ dataDir });
      const client = computeClient(second, PROVIDER_APP_ID, SUB);
      let power: string | undefined;
      for (let i = 0; i < 200 && power !== "PowerState/deallocated"; i++) {
        power = (await client.virtualMachines.instanceView("rg-persist", "keeper")).statuses?.[1]?.code;
        if (power !== "PowerState/deallocated") await new Promise((r) => setTimeout(r, 20));
      }
      expect(power).toBe("PowerState/deallocated");
      expect((await client.virtualMachines.get("rg-persist", "keeper")).provisioningState).toBe("Succeeded");
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
