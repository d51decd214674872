import { describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";

describe("persistence", () => {
  it("keeps resources and secrets across a restart on the same data dir", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "emu-persist-"));
    try {
      const first = await startTestEmulator({ dataDir });
      const secret = first.principal(PROVIDER_APP_ID).secret;
      await first
        .resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID)
        .resourceGroups.createOrUpdate("rg-survives", { location: "uksouth" });
      await first.close();

      const second = await startTestEmulator({ dataDir });
      expect(second.principal(PROVIDER_APP_ID).secret).toBe(secret);
      const group = await second.resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID).resourceGroups.get("rg-survives");
      expect(group.location).toBe("uksouth");
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("finishes an operation that was running when the emulator stopped", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "emu-persist-lro-"));
    const path = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourceGroups/rg-lro/providers/Microsoft.Storage/storageAccounts/emustglro01?api-version=2026-09-01`;
    try {
      const first = await startTestEmulator({ dataDir, timeScale: 0.05 });
      await first
        .resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID)
        .resourceGroups.createOrUpdate("rg-lro", { location: "eastus" });
      const put = await first.arm(PROVIDER_APP_ID, "PUT", path, {
        location: "eastus",
        sku: { name: "Standard_LRS" },
        kind: "StorageV2",
      });
      expect(put.status).toBe(202);
      const location = put.headers["location"].replace(first.emulator.url, "");
      await first.close();

      const second = await startTestEmulator({ dataDir, timeScale: 0.05 });
      let poll = await second.arm(PROVIDER_APP_ID, "GET", location);
      for (let i = 0; i < 100 && poll.status === 202; i++) {
        await new Promise((r) => setTimeout(r, 50));
        poll = await second.arm(PROVIDER_APP_ID, "GET", location);
      }
      expect(poll.status).toBe(200);
      expect(poll.body.properties.provisioningState).toBe("Succeeded");
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
