import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { staffContext } from "@/test/tenants";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import { linuxVm, vmTenant } from "@/test/vms";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };

const { db } = await import("@/lib/db/client");
const { createVms } = await import("@/lib/vms/create-vms");
const { runVmAction } = await import("@/lib/vms/change-vms");
const { cancelOperation } = await import("./control");

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("cancelling VM operations (issue 12)", () => {
  let t: Awaited<ReturnType<typeof vmTenant>>;
  beforeAll(async () => {
    t = await vmTenant(emu);
  });

  it("ends a VM create cancelled and the VM Failed with the reason, never left Creating", async () => {
    const [vm] = await createVms(t.ctx, linuxVm(t.tenantSubscriptionId, "cancel-01"));
    await cancelOperation(await staffContext("cancel@vms.test"), vm.operationId);

    const op = await waitForOperation(vm.operationId);
    expect(op.state).toBe("cancelled");
    expect(op.errorMessage).toMatch(/^Cancelled by cancel@vms\.test before /);
    // Before the worker planned its steps (none recorded) or at a boundary, never after the last one; no step spins on.
    expect(op.errorMessage).not.toMatch(/after its last step/);
    expect(op.steps.filter((s) => s.state === "running")).toEqual([]);
    const row = await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } });
    expect(row).toMatchObject({
      provisioningState: "Failed",
      errorCode: "OperationCancelled",
      errorMessage: op.errorMessage,
    });
    // The one-time password was sealed for the create only: the follow-up discards it as after a failure.
    expect(await db.sealedSecret.count()).toBe(0);
  });

  it("refuses to cancel a VM delete once it runs: the deleted VM never comes back as Succeeded", async () => {
    const [vm] = await createVms(t.ctx, linuxVm(t.tenantSubscriptionId, "cancel-02"));
    expect((await waitForOperation(vm.operationId)).state).toBe("succeeded");
    const deletion = await runVmAction(t.ctx, vm.id, "delete");
    for (
      let i = 0;
      i < 300 &&
      (await db.operationStep.findFirst({ where: { operationId: deletion.id, position: 0 } }))?.state !== "running";
      i++
    )
      await new Promise((r) => setTimeout(r, 50));

    await expect(cancelOperation(await staffContext("cancel@vms.test"), deletion.id)).rejects.toThrow(
      /has started and can no longer be cancelled/,
    );
    const op = await waitForOperation(deletion.id);
    expect(op.state).toBe("succeeded");
    expect(op.steps.map((s) => s.name)).toEqual(["Delete VM, its disks, network interface and public IP"]);
    expect(await db.virtualMachine.findUnique({ where: { id: vm.id } })).toBeNull();
  });
});
