import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/db/testing";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/lib/jobs/testing";
import { staffContext } from "@/lib/jobs/fixtures";
import "@/lib/subscriptions/jobs";
import { onboardFromEmulator } from "./testing";
import { registerMissingProviders } from "./service";
import { readValidation } from "./discovery";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
const { db } = await import("@/lib/db/client");

beforeAll(async () => {
  // npm start's clock: a registration takes 6 s, longer than the 3 s the job used to wait before POSTing again.
  emu = await startTestEmulator({ timeScale: 0.2 });
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("registering resource providers (issue 12)", () => {
  it("marks the providers step failed when validation finds an unregistered provider", async () => {
    const { id, operationId } = await onboardFromEmulator(emu, { appId: SEED.apps.provider, subscriptionId: SEED.subscriptions.unregistered });
    const op = await waitForOperation(operationId);
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("MissingSubscriptionRegistration");
    expect(op.steps.map((s) => [s.name, s.state])).toEqual([
      ["Acquire a token", "succeeded"],
      ["Read the subscription", "succeeded"],
      ["Check resource providers", "failed"],
      ...op.steps.slice(3).map((s) => [s.name, "pending"]),
    ]);
    expect(op.steps[2]).toMatchObject({ errorCode: "MissingSubscriptionRegistration" });
    expect(op.steps[2].detail).toContain("Microsoft.Compute");
    expect(readValidation((await db.azureSubscription.findUniqueOrThrow({ where: { id } })).validation)?.unregisteredProviders).toEqual(["Microsoft.Compute"]);
  });

  it("POSTs the registration once, polls the provider with GET until Registered, then queues validation", async () => {
    const sub = await db.azureSubscription.findFirstOrThrow({ where: { subscriptionId: SEED.subscriptions.unregistered } });
    const since = new Date().toISOString();
    const register = await registerMissingProviders(await staffContext(), sub.id);
    const op = await waitForOperation(register.id, 60_000);

    expect(op.state).toBe("succeeded");
    expect(op.steps.map((s) => [s.name, s.state])).toEqual([["Register Microsoft.Compute", "succeeded"], ["Queue validation", "succeeded"]]);
    // Waiting on Azure is not a retry: one attempt, in the operation and in its step alike.
    expect(op.attempts).toBe(1);
    expect(op.steps[0].attempt).toBe(1);
    const calls = (await emu.control.requests({ since, limit: 5000 })).value.filter((r) => r.path.toLowerCase().includes(`/subscriptions/${SEED.subscriptions.unregistered}/providers/microsoft.compute`));
    expect(calls.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(calls.filter((r) => r.method === "GET").length).toBeGreaterThanOrEqual(1);

    // Validation was queued before the registration ended, so the subscription page never stops following it.
    const validationId = (op.steps[1].result as { validationOperationId: string }).validationOperationId;
    const queuedAt = await db.operation.findUniqueOrThrow({ where: { id: validationId }, select: { createdAt: true, kind: true } });
    expect(queuedAt.kind).toBe("subscription.validate");
    expect(queuedAt.createdAt.getTime()).toBeLessThanOrEqual(op.endedAt!.getTime());
    const validation = await waitForOperation(validationId);
    expect(validation.state).toBe("succeeded");
    expect((await db.azureSubscription.findUniqueOrThrow({ where: { id: sub.id } })).state).toBe("active");
  });
});
