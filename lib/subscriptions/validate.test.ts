import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import { onboardFromEmulator } from "@/test/onboard";
import { registerMissingProviders } from "./service";
import { readDiscovery, readValidation } from "./discovery";

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

const { db } = await import("@/lib/db/client");
const adminCtx = async () => {
  const user = await db.user.upsert({
    where: { email: "admin@validate.test" },
    create: { email: "admin@validate.test", name: "Admin", passwordHash: "x", staffRole: "admin" },
    update: {},
  });
  return {
    user: { id: user.id, email: user.email, name: user.name, staffRole: user.staffRole },
    staffRole: "admin" as const,
  };
};

describe("subscription validation", () => {
  it("activates a subscription whose principal can read it, recording each step with Azure's request ids", async () => {
    const { id, operationId } = await onboardFromEmulator(emu, {
      appId: SEED.apps.provider,
      subscriptionId: SEED.subscriptions.provider,
    });
    const op = await waitForOperation(operationId);
    expect(op.state).toBe("succeeded");
    expect(op.steps.map((s) => s.state)).toEqual(Array(7).fill("succeeded"));
    // The token comes from Entra ID, not ARM: every later step carries ARM's request id, and every step a correlation id.
    expect(op.steps.slice(1).every((s) => s.requestId)).toBe(true);
    expect(op.steps.every((s) => s.correlationId)).toBe(true);
    expect(op.stepsDone).toBe(7);
    const sub = await db.azureSubscription.findUniqueOrThrow({ where: { id } });
    expect(sub.state).toBe("active");
    const discovery = readDiscovery(sub.discovery);
    expect(discovery.regions.map((r) => r.name)).toContain("westus");
    expect(discovery.sizes.find((s) => s.name === "Standard_D2s_v5")?.vCpus).toBe(2);
    expect(discovery.images.some((i) => i.publisher === "Canonical")).toBe(true);
    expect(discovery.quota.eastus.limit).toBeGreaterThan(0);
    expect(readValidation(sub.validation)?.ok).toBe(true);
  });

  it("fails on a wrong secret with Entra's AADSTS code and marks the subscription as error", async () => {
    const { id, operationId } = await onboardFromEmulator(emu, {
      appId: SEED.apps.contoso,
      subscriptionId: SEED.subscriptions.contoso,
      secret: "not-the-secret",
    });
    const op = await waitForOperation(operationId);
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("AADSTS7000215");
    expect(op.attempts).toBe(1);
    expect(op.steps[0]).toMatchObject({ name: "Acquire a token", state: "failed" });
    expect(op.steps.slice(1).every((s) => s.state === "pending")).toBe(true);
    const sub = await db.azureSubscription.findUniqueOrThrow({ where: { id } });
    expect(sub.state).toBe("error");
    expect(JSON.stringify(sub.validation)).toContain("AADSTS7000215");
    expect(JSON.stringify(op)).not.toContain("not-the-secret");
  });

  it("fails with AuthorizationFailed and Azure's request id for a principal without a role", async () => {
    const extra = (await emu.control.addSubscription({
      tenantId: SEED.tenants.provider,
      displayName: "No access",
    })) as { subscriptionId: string };
    const { operationId } = await onboardFromEmulator(emu, {
      appId: SEED.apps.noRole,
      subscriptionId: extra.subscriptionId,
    });
    const op = await waitForOperation(operationId);
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("AuthorizationFailed");
    expect(op.errorRequestId).toMatch(/[0-9a-f-]{36}/);
    expect(op.steps[1]).toMatchObject({
      name: "Read the subscription",
      state: "failed",
      errorCode: "AuthorizationFailed",
    });
  });

  it("reports unregistered providers, registers them as an operation and validates again", async () => {
    const { id, operationId } = await onboardFromEmulator(emu, {
      appId: SEED.apps.provider,
      subscriptionId: SEED.subscriptions.unregistered,
    });
    const op = await waitForOperation(operationId);
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("MissingSubscriptionRegistration");
    expect(
      readValidation((await db.azureSubscription.findUniqueOrThrow({ where: { id } })).validation)
        ?.unregisteredProviders,
    ).toEqual(["Microsoft.Compute"]);

    const register = await registerMissingProviders(await adminCtx(), id);
    expect((await waitForOperation(register.id)).state).toBe("succeeded");
    // The registration enqueues the new validation once it has succeeded: wait for that second validation to exist.
    let revalidation = null;
    for (let i = 0; i < 200 && !revalidation; i++) {
      revalidation = await db.operation.findFirst({
        where: { targetId: id, kind: "subscription.validate", id: { not: operationId } },
      });
      if (!revalidation) await new Promise((r) => setTimeout(r, 100));
    }
    if (!revalidation) throw new Error("the registration did not start a new validation");
    expect((await waitForOperation(revalidation.id)).state).toBe("succeeded");
    expect((await db.azureSubscription.findUniqueOrThrow({ where: { id } })).state).toBe("active");
  });
});
