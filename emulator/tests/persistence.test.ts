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
      await first.resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID).resourceGroups.createOrUpdate("rg-survives", { location: "uksouth" });
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
});
