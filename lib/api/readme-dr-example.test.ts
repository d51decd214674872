// The README's test failover of VM01 and its cleanup, through the typed client (issue 14).
import "@hono/zod-openapi";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker } from "@/test/worker";
import { protectedVm01 } from "@/test/dr";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/dr/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { typedClientFor, waitForApiOperation: waitOp } = await import("@/test/api-client");

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

describe("the README's API example, through the typed client", () => {
  it("runs a test failover of VM01 and cleans it up", async () => {
    const { acme } = await protectedVm01(emu);
    const api = await typedClientFor(acme.ctx);
    const tenant = acme.ctx.tenantSlug;
    const items = await api.GET("/api/v1/tenants/{tenant}/protected-items", { params: { path: { tenant } } });
    const item = items.data!.value.find((i) => i.vmName === "VM01")!;
    const tfo = await api.POST("/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/test-failover", {
      params: { path: { tenant, protectedItemId: item.id } },
    });
    expect(tfo.response.status, JSON.stringify(tfo.error)).toBe(202);
    expect((await waitOp(api, tenant, tfo.data!.href)).state).toBe("succeeded");
    const cleanup = await api.POST("/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/test-failover-cleanup", {
      params: { path: { tenant, protectedItemId: item.id } },
      body: { notes: "DR drill OK" },
    });
    expect(cleanup.response.status, JSON.stringify(cleanup.error)).toBe(202);
    expect((await waitOp(api, tenant, cleanup.data!.href)).state).toBe("succeeded");
  });
});
