// The README's API examples, run as written but through the typed client (issue 14): create a VM and wait for it, and
// add the guide's second VIP to MultiVIPLB (the test failover is in readme-dr-example.test.ts: its tenant needs an
// emulator of its own).
import "@hono/zod-openapi";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker } from "@/test/worker";
import { lbTenant, multiVipLb } from "@/test/network";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import "@/lib/network/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { createLoadBalancer } = await import("@/lib/network/service");
const { waitForOperation } = await import("@/test/worker");
const { typedClientFor, waitForApiOperation: waitOp } = await import("@/test/api-client");

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let t: Awaited<ReturnType<typeof lbTenant>>;

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  t = await lbTenant(emu);
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("the README's API examples, through the typed client", () => {
  it("creates a VM and waits for it", async () => {
    const api = await typedClientFor(t.ctx);
    const tenant = t.ctx.tenantSlug;
    const subs = await api.GET("/api/v1/tenants/{tenant}/subscriptions", { params: { path: { tenant } } });
    const created = await api.POST("/api/v1/tenants/{tenant}/vms", {
      params: { path: { tenant } },
      body: {
        tenantSubscriptionId: subs.data!.value[0].id,
        region: "eastus",
        image: "Canonical:ubuntu-24_04-lts:server:latest",
        osType: "Linux",
        size: "Standard_D2s_v5",
        name: "app-01", // the README says web-01; this tenant already has the guide's web-01 and web-02
        adminUsername: "azureops",
        authType: "password",
        adminPassword: "Correct-Horse-42!",
        publicIp: true,
        // The generated types list fields with a default as required; the server applies the same defaults.
        count: 1,
        network: "default",
        dataDiskCount: 0,
        dataDiskSizeGb: 128,
      },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(202);
    const op = await waitOp(api, tenant, created.data!.operations[0].href);
    expect(op.state).toBe("succeeded");
    const vm = await api.GET("/api/v1/tenants/{tenant}/vms/{vmId}", {
      params: { path: { tenant, vmId: created.data!.vms[0].id } },
    });
    expect(vm.data).toMatchObject({ name: "app-01", provisioningState: "Succeeded" });
  });

  it("adds the guide's second VIP to MultiVIPLB", async () => {
    const lb = await createLoadBalancer(t.ctx, multiVipLb(t.tenantSubscriptionId, t.vmIds), {
      resourceGroup: "MultiVIPLBRG",
    });
    expect((await waitForOperation(lb.operationId)).state).toBe("succeeded");
    const api = await typedClientFor(t.ctx);
    const tenant = t.ctx.tenantSlug;
    const list = await api.GET("/api/v1/tenants/{tenant}/load-balancers", { params: { path: { tenant } } });
    const multiVip = list.data!.value.find((l) => l.name === "MultiVIPLB")!;
    const added = await api.POST("/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}/frontends", {
      params: { path: { tenant, loadBalancerId: multiVip.id }, header: { "if-match": multiVip.etag } },
      body: {
        frontendName: "MultiVIPLB-FE2",
        publicIpMode: "new",
        publicIpName: "PublicVIP2",
        publicIpSku: "Standard",
        publicIpAllocation: "Static",
        probeChoice: "new",
        probeName: "Probe2",
        probeProtocol: "Http",
        probePort: 81,
        probePath: "/",
        probeInterval: 5,
        probeCount: 2,
        ruleName: "Rule2",
        ruleProtocol: "Tcp",
        frontendPort: 80,
        backendPort: 81,
        backendPool: "MultiVIPLB-BE",
        floatingIp: false,
        idleTimeout: 4,
        tcpReset: false,
      },
    });
    expect(added.response.status, JSON.stringify(added.error)).toBe(202);
    expect((await waitOp(api, tenant, added.data!.href)).state).toBe("succeeded");
    const after = await api.GET("/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}", {
      params: { path: { tenant, loadBalancerId: multiVip.id } },
    });
    expect(after.data!.frontends.map((f) => f.name)).toContain("MultiVIPLB-FE2");
    expect(after.data!.probes.map((p) => p.name)).toContain("Probe2");
    expect(after.data!.rules.map((r) => r.name)).toContain("Rule2");
  });
});
