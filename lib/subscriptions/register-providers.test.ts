import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { staffContext } from "@/test/tenants";
import { cancelOperation } from "@/lib/jobs/control";
import { ArmError } from "@/lib/azure";
import { registrationProgress } from "@/lib/subscriptions/jobs";
import { onboardFromEmulator } from "@/test/onboard";
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
    const { id, operationId } = await onboardFromEmulator(emu, {
      appId: SEED.apps.provider,
      subscriptionId: SEED.subscriptions.unregistered,
    });
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
    expect(
      readValidation((await db.azureSubscription.findUniqueOrThrow({ where: { id } })).validation)
        ?.unregisteredProviders,
    ).toEqual(["Microsoft.Compute"]);
  });

  it("POSTs the registration once, polls the provider with GET until Registered, then queues validation", async () => {
    const sub = await db.azureSubscription.findFirstOrThrow({
      where: { subscriptionId: SEED.subscriptions.unregistered },
    });
    const since = new Date().toISOString();
    const register = await registerMissingProviders(await staffContext(), sub.id);
    const op = await waitForOperation(register.id, 60_000);

    expect(op.state).toBe("succeeded");
    expect(op.steps.map((s) => [s.name, s.state])).toEqual([
      ["Register Microsoft.Compute", "succeeded"],
      ["Queue validation", "succeeded"],
    ]);
    // Waiting on Azure is not a retry: one attempt, in the operation and in its step alike.
    expect(op.attempts).toBe(1);
    expect(op.steps[0].attempt).toBe(1);
    const calls = (await emu.control.requests({ since, limit: 5000 })).value.filter((r) =>
      r.path.toLowerCase().includes(`/subscriptions/${SEED.subscriptions.unregistered}/providers/microsoft.compute`),
    );
    expect(calls.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(calls.filter((r) => r.method === "GET").length).toBeGreaterThanOrEqual(1);

    // Validation was queued before the registration ended, so the subscription page never stops following it.
    const validationId = (op.steps[1].result as { validationOperationId: string }).validationOperationId;
    const queuedAt = await db.operation.findUniqueOrThrow({
      where: { id: validationId },
      select: { createdAt: true, kind: true },
    });
    expect(queuedAt.kind).toBe("subscription.validate");
    expect(queuedAt.createdAt.getTime()).toBeLessThanOrEqual(op.endedAt!.getTime());
    const validation = await waitForOperation(validationId);
    expect(validation.state).toBe("succeeded");
    expect((await db.azureSubscription.findUniqueOrThrow({ where: { id: sub.id } })).state).toBe("active");
  });
});

/** A subscription of its own whose Compute provider is not registered, onboarded (validation fails) and registering. */
async function startRegistration(name: string, beforeRegister = async () => {}) {
  const { tenantId } = emu.principal(SEED.apps.provider);
  const added = await emu.control.addSubscription({
    tenantId,
    displayName: name,
    providers: { "Microsoft.Compute": "NotRegistered" },
  });
  await emu.control.assignRole({
    appId: SEED.apps.provider,
    scope: `/subscriptions/${added.subscriptionId}`,
    role: "Contributor",
  });
  const { id, operationId } = await onboardFromEmulator(emu, {
    appId: SEED.apps.provider,
    subscriptionId: added.subscriptionId,
    displayName: name,
  });
  expect((await waitForOperation(operationId)).errorCode).toBe("MissingSubscriptionRegistration");
  await beforeRegister();
  const register = await registerMissingProviders(await staffContext(), id);
  return { id, subscriptionId: added.subscriptionId, operationId: register.id };
}

async function untilStep(
  operationId: string,
  isReady: (step: { state: string; continuation: string | null } | null) => boolean,
) {
  for (let i = 0; i < 600; i++) {
    if (isReady(await db.operationStep.findFirst({ where: { operationId, position: 0 } }))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the registration step never got there");
}

describe("a registration that will not finish (issue 12 review)", () => {
  it("fails at once, with the state Azure reports, when the provider goes back instead of registering", async () => {
    const { subscriptionId, operationId } = await startRegistration("Unregistered again");
    await untilStep(operationId, (s) => s?.state === "running");
    // Someone unregisters the provider in Azure while the portal waits for it.
    const undo = await emu.arm(
      SEED.apps.provider,
      "POST",
      `/subscriptions/${subscriptionId}/providers/Microsoft.Compute/unregister?api-version=2021-04-01`,
    );
    expect(undo.status).toBe(200);

    const op = await waitForOperation(operationId, 30_000);
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("ProviderRegistrationFailed");
    expect(op.errorMessage).toMatch(/Microsoft\.Compute as (Unregistering|NotRegistered)/);
    expect(op.steps.map((s) => [s.name, s.state])).toEqual([
      ["Register Microsoft.Compute", "failed"],
      ["Queue validation", "pending"],
    ]);
    expect(op.steps[0].requestId).toBeTruthy();
  });

  it("stops a registration Azure never finishes as soon as an admin cancels it, between two GETs", async () => {
    let registration: Awaited<ReturnType<typeof startRegistration>>;
    try {
      // Sent on this clock, the registration settles in weeks: the portal would poll it for its kind's whole hour.
      registration = await startRegistration("Never registers", () =>
        emu.control.setConfig({ timeScale: 100_000 }).then(() => {}),
      );
      await untilStep(registration.operationId, (s) => s?.state === "running" && !!s.continuation);
    } finally {
      await emu.control.setConfig({ timeScale: 0.2 });
    }
    const since = new Date().toISOString();
    await cancelOperation(await staffContext("cancel@subscriptions.test"), registration.operationId);

    const op = await waitForOperation(registration.operationId, 30_000);
    expect(op.state).toBe("cancelled");
    expect(op.errorMessage).toBe(
      "Cancelled by cancel@subscriptions.test while step 1 of 2 (Register Microsoft.Compute) was waiting.",
    );
    expect(op.steps.map((s) => [s.name, s.state])).toEqual([
      ["Register Microsoft.Compute", "skipped"],
      ["Queue validation", "pending"],
    ]);
    // Nothing queued a validation, and the subscription still offers "Register providers".
    expect(
      await db.operation.count({
        where: {
          kind: "subscription.validate",
          azureSubscriptionId: registration.id,
          createdAt: { gte: new Date(since) },
        },
      }),
    ).toBe(0);
    const sub = await db.azureSubscription.findUniqueOrThrow({ where: { id: registration.id } });
    expect(sub.state).toBe("error");
    expect(readValidation(sub.validation)?.unregisteredProviders).toEqual(["Microsoft.Compute"]);
  });
});

describe("registrationProgress", () => {
  const state = (registrationState: string) => ({
    namespace: "Microsoft.Compute",
    registrationState,
    isRegistered: registrationState === "Registered",
  });

  it("is done when Registered and still going only while Registering", () => {
    expect(registrationProgress(state("Registered"), "Microsoft.Compute")).toEqual({
      done: true,
      result: state("Registered"),
    });
    expect(registrationProgress(state("Registering"), "Microsoft.Compute")).toEqual({
      done: false,
      continuation: "Microsoft.Compute",
    });
  });

  it("fails with an ArmError for a state waiting will not change, and for a missing entry", () => {
    for (const s of ["NotRegistered", "Unregistered", "Unregistering"]) {
      expect(() => registrationProgress(state(s), "Microsoft.Compute")).toThrow(ArmError);
      expect(() => registrationProgress(state(s), "Microsoft.Compute")).toThrow(new RegExp(`as ${s}:`));
    }
    expect(() => registrationProgress(undefined, "Microsoft.Compute")).toThrow(
      /no registration state for Microsoft\.Compute/,
    );
  });
});
