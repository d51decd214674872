import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { SEED } from "@/emulator/seed";
import { configurePacing, ensureResourceGroup, withArmObserver, type ArmResponseInfo } from "./index";
import { startGatewayEmulator, type GatewayEmulator } from "@/test/gateway-emulator";

let emu: GatewayEmulator;
beforeAll(async () => {
  emu = await startGatewayEmulator();
});
afterAll(async () => {
  await emu?.close();
});

describe("pacing against the emulator's throttling", () => {
  it("finishes a burst of concurrent PUTs at the bucket's rate with few or no 429s", async () => {
    await emu.control.setConfig({ throttling: { enabled: true, writes: { capacity: 5, refillPerSecond: 10 } } });
    configurePacing({ refillPerSecond: { writes: 10 } });
    await emu.control.resetCounters();
    const access = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
    const prefix = `rg-burst-${randomUUID().slice(0, 6)}`;
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => ensureResourceGroup(access, `${prefix}-${i}`, "eastus")),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const { throttled429 } = await emu.control.counters();
    expect(throttled429).toBeLessThanOrEqual(3);
  });

  it("waits out a 429 storm from a bucket it misjudged, and every PUT still succeeds", async () => {
    // The pacer believes in 10 writes/s; the emulator gives 2/s, so 429s come and their Retry-After holds the bucket.
    await emu.control.setConfig({ throttling: { enabled: true, writes: { capacity: 2, refillPerSecond: 2 } } });
    configurePacing({ refillPerSecond: { writes: 10 } });
    const seen: ArmResponseInfo[] = [];
    const access = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
    const prefix = `rg-storm-${randomUUID().slice(0, 6)}`;
    const results = await withArmObserver({ onResponse: (i) => seen.push(i) }, () =>
      Promise.allSettled(Array.from({ length: 8 }, (_, i) => ensureResourceGroup(access, `${prefix}-${i}`, "eastus"))),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const throttled = seen.filter((s) => s.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((s) => (s.retryAfterMs ?? 0) >= 1000)).toBe(true);
  }, 90_000);
});
