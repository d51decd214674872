import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { SEED } from "@/emulator/seed";
import { configurePacing, ensureResourceGroup, withArmObserver, type ArmResponseInfo } from "./index";
import { armClientsFor } from "./clients";
import { parseResourceHeader } from "./resource-windows";
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

  it("paces a burst of VM PUTs past Compute's PutVM window to the window's refill instead of collecting 429s", async () => {
    // A PutVM3Min window of 6 on the emulator's scaled clock (3 "minutes" = 1.8 s): 16 PUTs at once overrun it.
    const timeScale = 0.01;
    await emu.control.setConfig({
      timeScale,
      throttling: {
        enabled: true,
        scaledRefill: true,
        resource: { "Microsoft.Compute/PutVM3Min": { capacity: 6, refillPerSecond: 6 / 180 } },
      },
    });
    // Waits here stay in the request (a job would be run again at its slot instead: see lib/jobs/runner.ts).
    configurePacing({ refillPerSecond: { writes: 10 / timeScale }, windows: { timeScale }, deferAfterMs: 60_000 });
    const access = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
    const { network, compute } = armClientsFor(access);
    const rg = `rg-putvm-${randomUUID().slice(0, 6)}`;
    await ensureResourceGroup(access, rg, "eastus");
    const vnet = await network.virtualNetworks.beginCreateOrUpdateAndWait(
      rg,
      "vnet",
      {
        location: "eastus",
        addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
        subnets: [{ name: "default", addressPrefix: "10.0.0.0/24" }],
      },
      { updateIntervalInMs: 10 },
    );
    const names = Array.from({ length: 16 }, (_, i) => `burst${i}`);
    const nics = await Promise.all(
      names.map((n) =>
        network.networkInterfaces.beginCreateOrUpdateAndWait(
          rg,
          `${n}-nic`,
          {
            location: "eastus",
            ipConfigurations: [{ name: "ipconfig1", subnet: { id: vnet.subnets![0].id } }],
          },
          { updateIntervalInMs: 10 },
        ),
      ),
    );
    await emu.control.resetCounters();
    const seen: ArmResponseInfo[] = [];
    const started = await withArmObserver({ onResponse: (i) => seen.push(i) }, () =>
      Promise.allSettled(
        names.map((n, i) =>
          compute.virtualMachines.beginCreateOrUpdate(rg, n, {
            location: "eastus",
            hardwareProfile: { vmSize: "Standard_B1s" },
            storageProfile: {
              imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
            },
            osProfile: { computerName: n, adminUsername: "azureops", adminPassword: `Pw-${randomUUID()}!A1` },
            networkProfile: { networkInterfaces: [{ id: nics[i].id }] },
          }),
        ),
      ),
    );
    expect(started.filter((r) => r.status === "rejected")).toEqual([]);
    const puts = seen.filter((s) => s.method === "PUT" && /virtualMachines/i.test(s.path));
    const counts = puts.flatMap((s) =>
      parseResourceHeader(s.rateLimit.resource).filter(([name]) => name.endsWith("PutVM3Min")),
    );
    // The window really ran out (the burst went past it), and the pacer waited for its refill instead of a 429.
    expect(Math.min(...counts.map(([, n]) => n))).toBeLessThanOrEqual(2);
    const { throttled429 } = await emu.control.counters();
    expect(throttled429).toBeLessThanOrEqual(1);
  }, 60_000);
});
