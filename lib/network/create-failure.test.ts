import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import "./jobs";
import { lbTenant, multiVipLb } from "@/test/network";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let t: Awaited<ReturnType<typeof lbTenant>>;

const { db } = await import("@/lib/db/client");
const { createLoadBalancer } = await import("./service");

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  t = await lbTenant(emu);
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("lb.create refused by Azure", () => {
  it("leaves the load balancer Failed with Azure's reason and no Azure id (issue 16)", async () => {
    const reason = "Resource group 'FailLBRG' is in westus; the load balancer must be in the same region.";
    await emu.control.addFault({
      method: "PUT",
      path: "/loadBalancers/FailLB",
      when: "before",
      status: 400,
      code: "InvalidResourceGroupLocation",
      message: reason,
      times: 10,
    });
    const created = await createLoadBalancer(
      t.ctx,
      multiVipLb(t.tenantSubscriptionId, t.vmIds, { name: "FailLB", publicIpName: "FailVIP" }),
      { resourceGroup: "FailLBRG" },
    );
    const op = await waitForOperation(created.operationId);
    await emu.control.clearFaults();
    expect(op.state).toBe("failed");
    const lb = await db.loadBalancer.findUniqueOrThrow({ where: { id: created.id } });
    expect(lb.provisioningState).toBe("Failed");
    expect(lb.azureResourceId).toBeNull();
    expect(lb.errorMessage).toContain(reason);
  });
});
