import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { SEED } from "@/emulator/seed";
import { clearArmClientCache } from "./clients";
import {
  ArmError,
  deleteResourceGroup,
  ensureResourceGroup,
  getResourceGroup,
  pollLro,
  type LroProgress,
} from "./index";
import { startGatewayEmulator, type GatewayEmulator } from "@/test/gateway-emulator";

let emu: GatewayEmulator;
beforeAll(async () => {
  emu = await startGatewayEmulator();
});
afterAll(async () => {
  await emu?.close();
});

describe("long-running operations", () => {
  it("starts, hands back a continuation and finishes from a fresh process without re-sending the DELETE", async () => {
    const access = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
    const name = `rg-lro-${randomUUID().slice(0, 8)}`;
    await ensureResourceGroup(access, name, "eastus");

    const started = await deleteResourceGroup(access, name);
    expect(started.done).toBe(false);
    let progress: LroProgress<unknown> = started;
    const continuation = (started as { continuation: string }).continuation;
    expect(continuation).not.toMatch(/secret|Bearer/i);

    for (let i = 0; i < 50 && !progress.done; i++) {
      clearArmClientCache(); // every poll as if from a restarted worker
      await sleep(50);
      progress = await pollLro(access, progress.done ? "" : progress.continuation);
    }
    expect(progress).toEqual({ done: true, result: null });
    expect(await getResourceGroup(access, name)).toBeNull();

    const { value } = await emu.control.requests({ limit: 500 });
    const deletes = value.filter(
      (r) => r.method === "DELETE" && r.path.toLowerCase().endsWith(`/resourcegroups/${name}`),
    );
    expect(deletes).toHaveLength(1);
  });

  it("refuses a continuation from another subscription record", async () => {
    const access = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
    const name = `rg-lro-${randomUUID().slice(0, 8)}`;
    await ensureResourceGroup(access, name, "eastus");
    const started = await deleteResourceGroup(access, name);
    if (started.done) throw new Error("expected a running delete");
    const other = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
    await expect(pollLro(other, started.continuation)).rejects.toMatchObject({ code: "ContinuationMismatch" });
    await expect(pollLro(access, "{not json")).rejects.toBeInstanceOf(ArmError);
  });

  it("turns a failed start into an ArmError", async () => {
    const access = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
    await expect(deleteResourceGroup(access, "rg-that-does-not-exist")).rejects.toMatchObject({
      status: 404,
      code: "ResourceGroupNotFound",
      retryable: false,
    });
  });
});
