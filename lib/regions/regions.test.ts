import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { InvalidInput } from "@/lib/errors";
import { parseInput } from "@/lib/errors/parse";
import type { StaffContext } from "@/lib/auth/context";
import "@/lib/subscriptions/jobs";
import { onboardFromEmulator } from "@/test/onboard";
import { setAllowedRegionsSchema } from "./schema";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let admin: StaffContext;
const ids: Record<"provider" | "contoso", string> = { provider: "", contoso: "" };

const { db } = await import("@/lib/db/client");
const { listAllowedRegions, listDiscoveredRegions } = await import("./queries");
const { setAllowedRegions } = await import("./service");

// Two subscriptions validated for real against the emulator: their discovery is what the Regions page offers.
beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  const user = await db.user.create({
    data: { email: "admin@catalog.test", name: "Admin", passwordHash: "x", staffRole: "admin" },
  });
  admin = { user: { id: user.id, email: user.email, name: user.name, staffRole: "admin" }, staffRole: "admin" };
  const [provider, contoso] = await Promise.all([
    onboardFromEmulator(emu, { appId: SEED.apps.provider, subscriptionId: SEED.subscriptions.provider }),
    onboardFromEmulator(emu, { appId: SEED.apps.contoso, subscriptionId: SEED.subscriptions.contoso }),
  ]);
  for (const op of [provider, contoso]) expect((await waitForOperation(op.operationId)).state).toBe("succeeded");
  ids.provider = provider.id;
  ids.contoso = contoso.id;
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("discovered regions", () => {
  it("are the union over active subscriptions, with how many offer each", async () => {
    const regions = await listDiscoveredRegions();
    const westus = regions.find((r) => r.name === "westus");
    expect(westus).toEqual({ name: "westus", displayName: "West US", geography: "Americas", subscriptions: 2 });
    expect(regions.find((r) => r.name === "westeurope")?.geography).toBe("Europe");
    expect(new Set(regions.map((r) => r.name)).size).toBe(regions.length);
  });

  it("leave out subscriptions that are not active", async () => {
    await db.azureSubscription.update({ where: { id: ids.contoso }, data: { state: "disabled" } });
    try {
      expect((await listDiscoveredRegions()).find((r) => r.name === "westus")?.subscriptions).toBe(1);
    } finally {
      await db.azureSubscription.update({ where: { id: ids.contoso }, data: { state: "active" } });
    }
  });
});

describe("setAllowedRegions", () => {
  it("replaces the allowed set with discovered regions, audited", async () => {
    await setAllowedRegions(admin, ["westus", "eastus", "westeurope"]);
    expect((await listAllowedRegions()).map((r) => r.name)).toEqual(["eastus", "westeurope", "westus"]);
    const result = await setAllowedRegions(admin, ["westeurope", "japaneast"]);
    expect(result).toMatchObject({ count: 2, added: ["japaneast"], removed: ["eastus", "westus"] });
    expect(await listAllowedRegions()).toEqual([
      { name: "japaneast", displayName: "Japan East" },
      { name: "westeurope", displayName: "West Europe" },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "catalog.setAllowedRegions" },
      orderBy: { at: "desc" },
    });
    expect(audit).toMatchObject({
      actorId: admin.user.id,
      detail: { added: ["japaneast"], removed: ["eastus", "westus"], count: 2 },
    });
  });

  it("refuses a region no active subscription offers and changes nothing", async () => {
    await setAllowedRegions(admin, ["westus"]);
    const audits = await db.auditEvent.count();
    const error = await setAllowedRegions(admin, ["westus", "marsnorth"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).fieldErrors.regions?.[0]).toContain("marsnorth");
    expect((await listAllowedRegions()).map((r) => r.name)).toEqual(["westus"]);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("refuses a region only a disabled subscription offers", async () => {
    const extra = (await emu.control.addSubscription({
      tenantId: SEED.tenants.provider,
      displayName: "Disabled one",
    })) as { subscriptionId: string };
    await emu.control.assignRole({
      appId: SEED.apps.provider,
      scope: `/subscriptions/${extra.subscriptionId}`,
      role: "Contributor",
    });
    const onboarded = await onboardFromEmulator(emu, {
      appId: SEED.apps.provider,
      subscriptionId: extra.subscriptionId,
    });
    expect((await waitForOperation(onboarded.operationId)).state).toBe("succeeded");
    // Pretend it alone offers a region, then disable it: that region is no longer offered.
    const sub = await db.azureSubscription.findUniqueOrThrow({
      where: { id: onboarded.id },
      select: { discovery: true },
    });
    const discovery = sub.discovery as { regions: { name: string; displayName: string }[] };
    await db.azureSubscription.update({
      where: { id: onboarded.id },
      data: {
        state: "disabled",
        discovery: {
          ...discovery,
          regions: [...discovery.regions, { name: "privatecloud1", displayName: "Private Cloud 1" }],
        },
      },
    });
    await expect(setAllowedRegions(admin, ["privatecloud1"])).rejects.toBeInstanceOf(InvalidInput);
  });

  it("an empty selection allows no region at all", async () => {
    await setAllowedRegions(admin, parseInput(setAllowedRegionsSchema, new FormData()).regions);
    expect(await listAllowedRegions()).toEqual([]);
  });
});

describe("setAllowedRegionsSchema", () => {
  it("takes one, many or no ticked boxes, deduplicated and sorted", () => {
    const form = new FormData();
    form.append("regions", "westus");
    form.append("regions", "EastUS");
    form.append("regions", "westus");
    expect(parseInput(setAllowedRegionsSchema, form).regions).toEqual(["eastus", "westus"]);
    const one = new FormData();
    one.set("regions", "westeurope");
    expect(parseInput(setAllowedRegionsSchema, one).regions).toEqual(["westeurope"]);
  });

  it("rejects names that are not Azure short names", () => {
    const form = new FormData();
    form.set("regions", "West Europe; drop table");
    expect(() => parseInput(setAllowedRegionsSchema, form)).toThrow(InvalidInput);
  });
});
