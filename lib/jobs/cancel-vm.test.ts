import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/db/testing";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker, waitForOperation } from "./testing";
import { staffContext } from "./fixtures";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import { linuxVm, vmTenant } from "@/lib/vms/fixtures";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };

const { db } = await import("@/lib/db/client");
const { createVms } = await import("@/lib/vms/create-vms");
const { cancelOperation } = await import("./control");

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("cancelling a VM create (issue 12)", () => {
  it("ends the operation cancelled and the VM Failed with the reason, never left Creating", async () => {
    const t = await vmTenant(emu);
    const [vm] = await createVms(t.ctx, linuxVm(t.tenantSubscriptionId, "cancel-01"));
    await cancelOperation(await staffContext("cancel@vms.test"), vm.operationId);

    const op = await waitForOperation(vm.operationId);
    expect(op.state).toBe("cancelled");
    expect(op.errorMessage).toMatch(/^Cancelled by cancel@vms\.test before /);
    expect(op.steps.some((s) => s.state === "pending")).toBe(true);
    const row = await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } });
    expect(row).toMatchObject({ provisioningState: "Failed", errorCode: "OperationCancelled", errorMessage: op.errorMessage });
    // The one-time password was sealed for the create only: the follow-up discards it as after a failure.
    expect(await db.sealedSecret.count()).toBe(0);
  });
});
