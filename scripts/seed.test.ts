import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

it("lands a new user in a living portal: validated subscriptions, plans, subscribed tenants and VMs in several states", async () => {
  const { seedDemo } = await import("./seed");
  // As `npm start` runs it: the built-in emulator is the one the seed onboards (its Retail Prices endpoint too).
  process.env.EMULATOR_URL = emu.emulator.url;
  process.env.EMULATOR_DATA_DIR = emu.dataDir;
  expect(await seedDemo({ log: () => {}, emulator: { url: emu.emulator.url, dataDir: emu.dataDir } })).toBe(true);
  const { db } = await import("@/lib/db/client");

  // The README's demo sign-ins keep working: the demo password is not a one-time one that must be changed (issue 16).
  const { authenticate } = await import("@/lib/auth/authenticate");
  const { demoPassword } = await import("./seed");
  expect(await db.user.count({ where: { passwordMustChange: true } })).toBe(0);
  const meta = { ip: "127.0.0.1", userAgent: "vitest" };
  expect(await authenticate("owner@contoso.example", demoPassword, meta)).toMatchObject({ ok: true });
  expect((await db.azureSubscription.findMany()).map((s) => s.state)).toEqual(["active", "active", "active"]);
  expect(await db.plan.count()).toBe(3);
  expect(await db.tenantSubscription.count()).toBe(2);
  // The demo's Usage pages are priced: the USD sheet from the emulator's Retail Prices endpoint, imported by the admin.
  const sheets = await db.priceSheet.findMany();
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@provider.example" } });
  expect(sheets).toHaveLength(1);
  expect(sheets[0]).toMatchObject({ currency: "USD", source: "api", importedById: admin.id });
  expect(sheets[0].sourceName).toBe(`${emu.emulator.url}/api/retail/prices`);
  expect(sheets[0].rowCount).toBeGreaterThan(0);

  const settled = async () => {
    const vms = await db.virtualMachine.findMany({
      select: { name: true, provisioningState: true, powerState: true, errorMessage: true },
    });
    return vms.every(
      (v) =>
        v.provisioningState === "Failed" ||
        v.powerState === "deallocated" ||
        (v.powerState === "running" && !v.name.includes("app")),
    )
      ? vms
      : null;
  };
  let vms = await settled();
  for (let i = 0; i < 300 && !vms; i++) {
    await new Promise((r) => setTimeout(r, 200));
    vms = await settled();
  }
  expect(vms).not.toBeNull();
  const byName = Object.fromEntries(vms!.map((v) => [v.name, v]));
  expect(byName["cont-web-01"]).toMatchObject({ provisioningState: "Succeeded", powerState: "running" });
  expect(byName["cont-app-01"]).toMatchObject({ provisioningState: "Succeeded", powerState: "deallocated" });
  expect(byName["cont-sql-01"].provisioningState).toBe("Failed");
  expect(byName["cont-sql-01"].errorMessage).toMatch(/exceeding approved Total Regional Cores quota/);
  expect(await db.loadBalancer.findMany({ select: { name: true, resourceGroup: true } })).toEqual([
    { name: "MultiVIPLB", resourceGroup: "MultiVIPLBRG" },
  ]);
  expect(await seedDemo({ log: () => {} })).toBe(false); // never twice
}, 180_000);
