import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { providerPlan, staffContext, tenant } from "@/test/tenants";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let planId: string;

const { db } = await import("@/lib/db/client");
const { subscribeTenantToPlan, cancelTenantSubscription } = await import("@/lib/tenancy/subscriptions");
const { validateAgain } = await import("@/lib/subscriptions/service");

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  planId = (await providerPlan(emu)).id;
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

async function subscribe() {
  const t = await tenant();
  const { user } = await staffContext();
  const { id, operationId } = await subscribeTenantToPlan(user, { tenantId: t.id, planId, selfService: false });
  const ts = await db.tenantSubscription.findUniqueOrThrow({ where: { id } });
  return { tenantId: t.id, ts, operationId, user };
}

const groupsNamed = async (name: string) => {
  const inventory = await emu.control.inventory();
  return inventory.subscriptions[SEED.subscriptions.provider].filter(
    (r) => r.type === "Microsoft.Resources/resourceGroups" && r.id.toLowerCase().endsWith(`/${name.toLowerCase()}`),
  );
};

describe("durable operations", () => {
  it("runs a multi-step operation with a long-running ARM delete, polling instead of waiting", async () => {
    const { ts, operationId, user, tenantId } = await subscribe();
    expect((await waitForOperation(operationId)).state).toBe("succeeded");
    expect(await groupsNamed(ts.resourceGroup)).toHaveLength(1);

    const cancel = await cancelTenantSubscription(user, ts.id, { tenantId });
    const op = await waitForOperation(cancel.id);
    expect(op.state).toBe("succeeded");
    expect(op.steps.map((s) => [s.name, s.state])).toEqual([
      ["Delete resource group", "succeeded"],
      ["Close the subscription", "succeeded"],
    ]);
    expect(op.steps[0].requestId).toBeTruthy();
    expect(op.steps[0].continuation).toBeNull();
    expect(await groupsNamed(ts.resourceGroup)).toHaveLength(0);
    expect((await db.tenantSubscription.findUniqueOrThrow({ where: { id: ts.id } })).state).toBe("cancelled");
    const deletes = (await emu.control.requests({ limit: 5000 })).value.filter(
      (r) => r.method === "DELETE" && r.path.toLowerCase().endsWith(ts.resourceGroup.toLowerCase()),
    );
    expect(deletes).toHaveLength(1);
  });

  it("retries a failure that happened after Azure applied the change, without duplicating anything", async () => {
    // More failures than the SDK's own retries, so the job itself must try again.
    await emu.control.addFault({
      method: "PUT",
      path: "/resourcegroups/portal-",
      when: "after",
      status: 500,
      code: "InternalServerError",
      message: "Injected after commit",
      times: 4,
    });
    const { ts, operationId } = await subscribe();
    const op = await waitForOperation(operationId);
    await emu.control.clearFaults();
    expect(op.state).toBe("succeeded");
    expect(op.steps[0].attempt).toBeGreaterThan(1);
    expect(op.attempts).toBeGreaterThan(1);
    const groups = await groupsNamed(ts.resourceGroup);
    expect(groups).toHaveLength(1);
    // The group carries the portal's tags (issue 15 point 1), written by the first attempt and found by the retry.
    const owner = await db.tenant.findUniqueOrThrow({ where: { id: ts.tenantId } });
    expect(groups[0].body.tags).toEqual({
      "portal-tenant": owner.slug,
      "portal-tenant-id": owner.id,
      "portal-plan": planId,
      "portal-operation": operationId,
      "portal-tenant-subscription": ts.id,
    });
  });

  it("waits out a storm of 429s and finishes every operation", async () => {
    await emu.control.setConfig({ throttling: { enabled: true, writes: { capacity: 2, refillPerSecond: 2 } } });
    try {
      const runs = await Promise.all(Array.from({ length: 8 }, () => subscribe()));
      const ops = await Promise.all(runs.map((r) => waitForOperation(r.operationId)));
      expect(ops.map((o) => o.state)).toEqual(Array(8).fill("succeeded"));
      for (const r of runs) expect(await groupsNamed(r.ts.resourceGroup)).toHaveLength(1);
    } finally {
      await emu.control.setConfig({ throttling: { enabled: true, writes: { capacity: 200, refillPerSecond: 10 } } });
    }
  });

  it("ends a terminal Azure error clearly, with the code, message and request id", async () => {
    await emu.control.addFault({
      method: "PUT",
      path: "/resourcegroups/portal-",
      when: "before",
      status: 400,
      code: "InvalidParameter",
      message: "Injected validation failure",
      times: 1,
    });
    const { operationId } = await subscribe();
    const op = await waitForOperation(operationId);
    await emu.control.clearFaults();
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("InvalidParameter");
    expect(op.errorMessage).toContain("Injected validation failure");
    expect(op.errorRequestId).toMatch(/[0-9a-f-]{36}/);
    expect(op.attempts).toBe(1);
    expect(op.steps[0]).toMatchObject({ state: "failed", errorCode: "InvalidParameter" });
  });

  it("runs a double submit once", async () => {
    const sub = await db.azureSubscription.findFirstOrThrow({ where: { subscriptionId: SEED.subscriptions.provider } });
    const ctx = await staffContext();
    const results = await Promise.allSettled([
      validateAgain(ctx, sub.id),
      validateAgain(ctx, sub.id),
      validateAgain(ctx, sub.id),
    ]);
    const ids = new Set(results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : [])));
    expect(ids.size).toBe(1);
    for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/started a moment ago/);
    const op = await waitForOperation([...ids][0]);
    expect(op.state).toBe("succeeded");
    const created = await db.operation.count({
      where: { targetId: sub.id, kind: "subscription.validate", createdAt: { gte: op.createdAt } },
    });
    expect(created).toBe(1);
  });
});
