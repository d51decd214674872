import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker } from "@/test/worker";
import { linuxVm, vmTenant } from "@/test/vms";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import { multiVipLb } from "@/test/network";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let t: Awaited<ReturnType<typeof vmTenant>>;

const { db } = await import("@/lib/db/client");
const { InvalidInput, parseInput } = await import("@/lib/errors");
const { createVms } = await import("./create-vms");
const { createVmSchema } = await import("./schema");
const { createLoadBalancer } = await import("@/lib/network/service");
const { createLoadBalancerSchema } = await import("@/lib/network/schema");

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  t = await vmTenant(emu);
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

/** What a refused request must leave behind: nothing written, nothing sent to Azure. */
async function refusedCleanly(fn: () => Promise<unknown>) {
  const since = new Date().toISOString();
  const before = {
    vms: await db.virtualMachine.count(),
    ops: await db.operation.count(),
    lbs: await db.loadBalancer.count(),
  };
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  const after = {
    vms: await db.virtualMachine.count(),
    ops: await db.operation.count(),
    lbs: await db.loadBalancer.count(),
  };
  expect(after).toEqual(before);
  const arm = (await emu.control.requests({ since, limit: 5000 })).value.filter(
    (r) => !r.path.startsWith("/_emulator"),
  );
  expect(arm).toEqual([]);
  return (error as InstanceType<typeof InvalidInput>).fieldErrors;
}

// The create form as the browser posts it: strings only.
const vmForm = (name: string) => {
  const v = linuxVm(t.tenantSubscriptionId, name);
  return Object.fromEntries(Object.entries(v).map(([k, value]) => [k, String(value)]));
};

describe("hostile input (issue 16)", () => {
  it.each([
    ["a right-to-left override", "fz\u202egnp.exe\u202c"],
    ["a Cyrillic letter", "wеb-01"],
    ["a NUL byte", "web\u0000"],
    ["10,000 characters", "a".repeat(10_000)],
  ])("refuses a VM name with %s beside the field, writing nothing and calling no Azure API", async (_what, name) => {
    const errors = await refusedCleanly(async () => createVms(t.ctx, parseInput(createVmSchema, vmForm(name))));
    expect(Object.keys(errors)).toContain("name");
    expect(errors.name?.join(" ")).not.toMatch(/undefined|null|object Object/);
  });

  it("refuses a 5,000-character probe path and a 2147483647-second interval beside their fields", async () => {
    const errors = await refusedCleanly(() =>
      createLoadBalancer(t.ctx, multiVipLb(t.tenantSubscriptionId, [], { probePath: `/${"p".repeat(5000)}` })),
    );
    expect(errors.probePath?.[0]).toMatch(/at most 1,024/);
    const form = { ...multiVipLb(t.tenantSubscriptionId, []), probeInterval: "2147483647" };
    const interval = await refusedCleanly(async () =>
      createLoadBalancer(t.ctx, parseInput(createLoadBalancerSchema, form)),
    );
    expect(interval.probeInterval?.[0]).toMatch(/5–3600/);
  });
});
