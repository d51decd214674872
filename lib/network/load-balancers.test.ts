import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import "./jobs";
import "@/lib/pricing/reconcile-job";
import { lbTenant, multiVipLb, secondVip as guideSecondVip } from "@/test/network";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let t: Awaited<ReturnType<typeof lbTenant>>;
let lbId: string;

const { db } = await import("@/lib/db/client");
const { InvalidInput, QuotaExceeded } = await import("@/lib/errors");
const { addFrontend, createLoadBalancer, refreshLoadBalancers, removeFrontend, updateProbe } =
  await import("./service");
const { updateProbeSchema } = await import("./schema");
const { getLoadBalancerDetail } = await import("./queries");
const { startReconciliation } = await import("@/lib/usage-report/service");
const { reconciliation } = await import("@/lib/usage-report/reconciliation");
const { staffContext } = await import("@/test/tenants");

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  t = await lbTenant(emu);
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

/** The guide's second VIP on this file's load balancer; `over` varies it for the other tests. */
const secondVip = (over: Record<string, unknown> = {}) => guideSecondVip(lbId, over);

async function azureLb() {
  const res = await emu.arm(
    SEED.apps.provider,
    "GET",
    `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network/loadBalancers/MultiVIPLB?api-version=2024-05-01`,
  );
  return res.body as {
    etag: string;
    properties: Record<string, { name: string; properties: Record<string, unknown> }[]>;
  };
}
const names = (items: { name: string }[]) => items.map((i) => i.name).sort();

/** Tags of a resource in MultiVIPLBRG (`""`: the group itself), read from the emulator. */
async function azureTags(path: string) {
  const group = `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/MultiVIPLBRG`;
  const url = path ? `${group}/${path}?api-version=2024-05-01` : `${group}?api-version=2024-03-01`;
  const res = await emu.arm(SEED.apps.provider, "GET", url);
  return (res.body as { tags?: Record<string, string> }).tags;
}
/** The tags naming this file's tenant, its plan and the operation that created a resource. */
async function tagsOwner(operationId: string) {
  const ts = await db.tenantSubscription.findUniqueOrThrow({
    where: { id: t.tenantSubscriptionId },
    select: { planId: true, tenant: { select: { id: true, slug: true } } },
  });
  return {
    "portal-tenant": ts.tenant.slug,
    "portal-tenant-id": ts.tenant.id,
    "portal-plan": ts.planId,
    "portal-operation": operationId,
  };
}

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  return (error as InstanceType<typeof InvalidInput>).fieldErrors;
}

describe("load balancers with several public VIPs", () => {
  it("creates MultiVIPLB in MultiVIPLBRG with its first frontend, a pool of both web VMs, a probe and a rule", async () => {
    const created = await createLoadBalancer(t.ctx, multiVipLb(t.tenantSubscriptionId, t.vmIds), {
      resourceGroup: "MultiVIPLBRG",
    });
    lbId = created.id;
    const op = await waitForOperation(created.operationId);
    expect(op.errorMessage).toBeNull();
    expect(op.state).toBe("succeeded");
    const lb = await getLoadBalancerDetail(t.ctx, lbId);
    expect(lb).toMatchObject({
      name: "MultiVIPLB",
      resourceGroup: "MultiVIPLBRG",
      sku: "Standard",
      provisioningState: "Succeeded",
    });
    expect(lb.frontends).toEqual([
      expect.objectContaining({
        name: "MultiVIPLB-FE1",
        publicIpName: "PublicVIP1",
        publicIpAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
      }),
    ]);
    expect(lb.backendPools[0].members.map((m) => m.vmName).sort()).toEqual(["web-01", "web-02"]);
    const azure = await azureLb();
    expect(names(azure.properties.probes)).toEqual(["Probe1"]);
    expect(names(azure.properties.loadBalancingRules)).toEqual(["Rule1"]);
    // The portal's tags (issue 15 point 1) on the group, the public IP and the load balancer, as Azure stores them.
    const owner = await tagsOwner(created.operationId);
    expect((azure as unknown as { tags: Record<string, string> }).tags).toEqual({ ...owner, "portal-lb": lbId });
    expect(await azureTags("providers/Microsoft.Network/publicIPAddresses/PublicVIP1")).toEqual({
      ...owner,
      "portal-lb": lbId,
    });
    expect(await azureTags("")).toMatchObject(owner);
  });

  it("adds the guide's second VIP: PublicVIP2, MultiVIPLB-FE2, Probe2 (HTTP 81 /, 5 s, 2) and Rule2 (TCP 80 → 81)", async () => {
    // PublicVIP2 as a retried PUT finds it: made by a first attempt whose answer was lost, tagged by the customer
    // since. A PUT replaces a resource's tags, so the step's PUT carries the customer's with the portal's.
    await emu.arm(
      SEED.apps.provider,
      "PUT",
      `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network/publicIPAddresses/PublicVIP2?api-version=2024-05-01`,
      {
        location: "eastus",
        sku: { name: "Standard" },
        tags: { owner: "netops" },
        properties: { publicIPAllocationMethod: "Static" },
      },
    );
    const { operationId } = await addFrontend(t.ctx, secondVip());
    const op = await waitForOperation(operationId);
    expect(op.errorMessage).toBeNull();
    expect(op.state).toBe("succeeded");
    expect(op.steps.map((s) => s.name)).toEqual([
      "Create public IP PublicVIP2",
      "Read load balancer and its ETag",
      "Apply MultiVIPLB-FE2, Probe2, Rule2",
      "Save with If-Match",
      "Wait for Azure to apply it",
      "Refresh the portal's copy",
    ]);
    const lb = await getLoadBalancerDetail(t.ctx, lbId);
    const fe2 = lb.frontends.find((f) => f.name === "MultiVIPLB-FE2");
    expect(fe2).toMatchObject({
      publicIpName: "PublicVIP2",
      publicIpAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
    });
    expect(lb.probes.find((p) => p.name === "Probe2")).toEqual({
      name: "Probe2",
      protocol: "Http",
      port: 81,
      requestPath: "/",
      intervalSeconds: 5,
      probeCount: 2,
    });
    expect(lb.rules.find((r) => r.name === "Rule2")).toMatchObject({
      protocol: "Tcp",
      frontendName: "MultiVIPLB-FE2",
      frontendPort: 80,
      backendPort: 81,
      backendPoolName: "MultiVIPLB-BE",
      probeName: "Probe2",
      floatingIp: false,
    });
    const azure = await azureLb();
    expect(names(azure.properties.frontendIPConfigurations)).toEqual(["MultiVIPLB-FE1", "MultiVIPLB-FE2"]);
    expect(await db.publicIpAddress.findFirst({ where: { name: "PublicVIP2" } })).toMatchObject({
      provisioningState: "Succeeded",
      ipAddress: fe2!.publicIpAddress,
    });
    expect(await azureTags("providers/Microsoft.Network/publicIPAddresses/PublicVIP2")).toEqual({
      owner: "netops",
      ...(await tagsOwner(operationId)),
      "portal-lb": lbId,
    });
    // One loadbalancer.changed per saved change (webhooks), naming the operation that made it.
    const events = await db.outboxEvent.findMany({
      where: { type: "loadbalancer.changed", resourceId: lbId },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => (e.data as { change: string }).change)).toEqual(["lb.create", "lb.addFrontend"]);
  });

  it("refuses conflicts beside their fields with no Azure call and nothing written", async () => {
    await emu.control.resetCounters();
    const before = await db.operation.count();
    // Rule1 already sends TCP to backend port 80 on MultiVIPLB-BE without floating IP (RulesUseSameBackendPortProtocolAndPool).
    const errors = await fieldErrors(
      addFrontend(
        t.ctx,
        secondVip({
          publicIpName: "PublicVIP9",
          frontendName: "FE9",
          probeName: "Probe9",
          ruleName: "Rule9",
          backendPort: "80",
        }),
      ),
    );
    expect(errors.backendPort?.[0]).toMatch(/Rule1 already sends Tcp to port 80 on pool MultiVIPLB-BE/);
    const dupes = await fieldErrors(
      addFrontend(t.ctx, secondVip({ publicIpName: "PublicVIP9", probeChoice: "Probe404", publicIpSku: "Basic" })),
    );
    // The same frontend, rule and ports as the guide's Rule2: every clash is named beside its field.
    expect(Object.keys(dupes).sort()).toEqual([
      "backendPort",
      "frontendName",
      "frontendPort",
      "probeChoice",
      "publicIpSku",
      "ruleName",
    ]);
    expect(dupes.frontendName?.[0]).toMatch(/MultiVIPLB-FE2 already exists/);
    const taken = await fieldErrors(
      addFrontend(t.ctx, secondVip({ frontendName: "FE9", probeName: "Probe9", ruleName: "Rule9", backendPort: "89" })),
    );
    expect(taken.publicIpName?.[0]).toMatch(/PublicVIP2 already exists/);
    const counters = await emu.control.counters();
    expect(counters.reads + counters.writes + counters.deletes + counters.actions).toBe(0);
    expect(await db.operation.count()).toBe(before);
    expect(await db.publicIpAddress.count({ where: { name: "PublicVIP9" } })).toBe(0);
  });

  it("lands two concurrent additions on one load balancer (no lost update)", async () => {
    const [a, b] = await Promise.all([
      addFrontend(
        t.ctx,
        secondVip({
          publicIpName: "PublicVIP3",
          frontendName: "MultiVIPLB-FE3",
          probeName: "Probe3",
          probePort: "82",
          ruleName: "Rule3",
          backendPort: "82",
        }),
      ),
      addFrontend(
        t.ctx,
        secondVip({
          publicIpName: "PublicVIP4",
          frontendName: "MultiVIPLB-FE4",
          probeName: "Probe4",
          probePort: "83",
          ruleName: "Rule4",
          backendPort: "83",
        }),
      ),
    ]);
    const ops = await Promise.all([waitForOperation(a.operationId), waitForOperation(b.operationId)]);
    expect(ops.map((o) => o.errorMessage)).toEqual([null, null]);
    expect(ops.map((o) => o.state)).toEqual(["succeeded", "succeeded"]);
    const azure = await azureLb();
    expect(names(azure.properties.frontendIPConfigurations)).toEqual([
      "MultiVIPLB-FE1",
      "MultiVIPLB-FE2",
      "MultiVIPLB-FE3",
      "MultiVIPLB-FE4",
    ]);
    expect(names(azure.properties.loadBalancingRules)).toEqual(["Rule1", "Rule2", "Rule3", "Rule4"]);
    expect(names(azure.properties.probes)).toEqual(["Probe1", "Probe2", "Probe3", "Probe4"]);
    expect((await getLoadBalancerDetail(t.ctx, lbId)).provisioningState).toBe("Succeeded");
  });

  it("re-reads and re-applies when the load balancer changed between read and save (412)", async () => {
    await emu.control.addFault({
      method: "PUT",
      path: "/loadBalancers/MultiVIPLB",
      when: "before",
      status: 412,
      code: "PreconditionFailed",
      message: "The condition specified using HTTP conditional header(s) is not met.",
      times: 1,
    });
    const { operationId } = await addFrontend(
      t.ctx,
      secondVip({
        publicIpName: "PublicVIP5",
        frontendName: "MultiVIPLB-FE5",
        probeName: "Probe5",
        probePort: "84",
        ruleName: "Rule5",
        backendPort: "84",
      }),
    );
    const op = await waitForOperation(operationId);
    await emu.control.clearFaults();
    expect(op.state).toBe("succeeded");
    const save = op.steps.find((s) => s.name === "Save with If-Match");
    expect(save?.detail).toMatch(/412/);
    expect(op.steps.map((s) => s.name)).toContain("Save with If-Match · attempt 2");
    expect(names((await azureLb()).properties.frontendIPConfigurations)).toContain("MultiVIPLB-FE5");
  });

  it("enforces the plan's public IP and load balancer quotas under the subscription lock", async () => {
    const used = await db.publicIpAddress.count({ where: { tenantSubscriptionId: t.tenantSubscriptionId } });
    await db.plan.update({ where: { id: t.planId }, data: { quotaPublicIps: used, quotaLoadBalancers: 1 } });
    const ip = await addFrontend(
      t.ctx,
      secondVip({
        publicIpName: "PublicVIP6",
        frontendName: "FE6",
        probeName: "Probe6",
        ruleName: "Rule6",
        backendPort: "86",
      }),
    ).catch((e: unknown) => e);
    expect(ip).toBeInstanceOf(QuotaExceeded);
    expect((ip as Error).message).toMatch(/public IPs 5 used \+ 1 requested > 5 allowed/);
    const lb = await createLoadBalancer(
      t.ctx,
      multiVipLb(t.tenantSubscriptionId, [], { name: "SecondLB", publicIpName: "PublicVIP7" }),
    ).catch((e: unknown) => e);
    expect(lb).toBeInstanceOf(QuotaExceeded);
    expect((lb as Error).message).toMatch(/load balancers 1 used \+ 1 requested > 1 allowed/);
    await db.plan.update({ where: { id: t.planId }, data: { quotaPublicIps: 10, quotaLoadBalancers: 3 } });
  });

  it("edits a probe, and removes a frontend with its rule and probe, releasing its public IP", async () => {
    const probe = await updateProbe(
      t.ctx,
      updateProbeSchema.parse({
        loadBalancerId: lbId,
        probeName: "Probe1",
        probeProtocol: "Http",
        probePort: "80",
        probePath: "/health",
        probeInterval: "10",
        probeCount: "3",
      }),
    );
    expect((await waitForOperation(probe.operationId)).state).toBe("succeeded");
    expect((await getLoadBalancerDetail(t.ctx, lbId)).probes.find((p) => p.name === "Probe1")).toMatchObject({
      requestPath: "/health",
      intervalSeconds: 10,
      probeCount: 3,
    });

    const removed = await removeFrontend(t.ctx, {
      loadBalancerId: lbId,
      frontendName: "MultiVIPLB-FE5",
      publicIp: "release",
    });
    const op = await waitForOperation(removed.operationId);
    expect(op.state).toBe("succeeded");
    const azure = await azureLb();
    expect(names(azure.properties.frontendIPConfigurations)).not.toContain("MultiVIPLB-FE5");
    expect(names(azure.properties.loadBalancingRules)).not.toContain("Rule5");
    expect(names(azure.properties.probes)).not.toContain("Probe5");
    expect(await db.publicIpAddress.count({ where: { name: "PublicVIP5" } })).toBe(0);
    const pip = await emu.arm(
      SEED.apps.provider,
      "GET",
      `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network/publicIPAddresses/PublicVIP5?api-version=2024-05-01`,
    );
    expect(pip.status).toBe(404);

    const kept = await removeFrontend(t.ctx, {
      loadBalancerId: lbId,
      frontendName: "MultiVIPLB-FE4",
      publicIp: "keep",
    });
    expect((await waitForOperation(kept.operationId)).state).toBe("succeeded");
    expect(await db.publicIpAddress.findFirst({ where: { name: "PublicVIP4" } })).toMatchObject({
      loadBalancerId: null,
      provisioningState: "Succeeded",
    });
  });

  it("puts the portal's tags back on a load balancer and its frontend public IP that lost them, once", async () => {
    const tagsAt = (path: string) =>
      `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network/${path}/providers/Microsoft.Resources/tags/default?api-version=2021-04-01`;
    const lbTags = tagsAt("loadBalancers/MultiVIPLB");
    const ipTags = tagsAt("publicIPAddresses/PublicVIP2");
    await emu.arm(SEED.apps.provider, "PUT", lbTags, { properties: { tags: { costCenter: "42" } } });
    await emu.arm(SEED.apps.provider, "PUT", ipTags, { properties: { tags: { owner: "netops" } } });
    const refresh = () =>
      refreshLoadBalancers(t.ctx, { tenantSubscriptionId: t.tenantSubscriptionId }).then((op) =>
        waitForOperation(op.id),
      );
    expect((await refresh()).state).toBe("succeeded");
    const create = await db.operation.findFirstOrThrow({ where: { kind: "lb.create", targetId: lbId } });
    expect((await emu.arm(SEED.apps.provider, "GET", lbTags)).body.properties.tags).toEqual({
      costCenter: "42",
      ...(await tagsOwner(create.id)),
      "portal-lb": lbId,
    });
    // The public IP's creator is the lb.addFrontend that named its row, not the load balancer's lb.create.
    const vip2 = await db.publicIpAddress.findFirstOrThrow({ where: { name: "PublicVIP2" } });
    const added = (await db.operation.findMany({ where: { kind: "lb.addFrontend" } })).find(
      (o) => (o.input as { publicIpAddressId?: string }).publicIpAddressId === vip2.id,
    );
    expect((await emu.arm(SEED.apps.provider, "GET", ipTags)).body.properties.tags).toEqual({
      owner: "netops",
      ...(await tagsOwner(added!.id)),
      "portal-lb": lbId,
    });
    const since = new Date().toISOString();
    expect((await refresh()).state).toBe("succeeded");
    // The one-load-balancer refresh decides from the same read.
    expect(
      (await refreshLoadBalancers(t.ctx, { loadBalancerId: lbId }).then((op) => waitForOperation(op.id))).state,
    ).toBe("succeeded");
    const log = (await emu.control.requests({ since, limit: 1000 })).value;
    expect(log.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("says loadbalancer.changed once when a refresh finds the load balancer gone from Azure", async () => {
    const lbPath = `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network/loadBalancers/MultiVIPLB?api-version=2024-05-01`;
    await emu.arm(SEED.apps.provider, "DELETE", lbPath);
    for (let i = 0; i < 100 && (await emu.arm(SEED.apps.provider, "GET", lbPath)).status !== 404; i++)
      await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 2; i++) {
      const refresh = await refreshLoadBalancers(t.ctx, { loadBalancerId: lbId });
      expect((await waitForOperation(refresh.id)).state).toBe("succeeded");
    }
    expect((await getLoadBalancerDetail(t.ctx, lbId)).provisioningState).toBe("Missing");
    const events = await db.outboxEvent.findMany({ where: { type: "loadbalancer.changed", resourceId: lbId } });
    expect(events.filter((e) => (e.data as { change: string }).change === "missing in Azure")).toHaveLength(1);
  });
  it("reconciles with Cost Management's tag inheritance as read: off, the untagged OS disks in the tenant's group have no tenant; on, the tenant's", async () => {
    // The web VMs' OS disks: created by the VM PUT, which tags no disk, in the tenant's tagged resource group.
    const today = new Date().toISOString().slice(0, 10);
    const period = { from: today, to: today };
    const admin = await staffContext();
    const reconcile = async () => {
      for (const op of await startReconciliation(admin, period))
        expect((await waitForOperation(op.id)).state).toBe("succeeded");
      return reconciliation(period);
    };
    const { subscription, slug } = await db.tenantSubscription
      .findUniqueOrThrow({
        where: { id: t.tenantSubscriptionId },
        select: { tenant: { select: { slug: true } }, plan: { select: { azureSubscription: true } } },
      })
      .then((ts) => ({ subscription: ts.plan.azureSubscription, slug: ts.tenant.slug }));
    const tagValues = async () =>
      (await db.actualCost.findMany({ where: { azureSubscriptionId: subscription.id } })).map((c) => c.tagValue);

    const off = await reconcile();
    expect(off.tagInheritance).toEqual([
      expect.objectContaining({
        subscription: subscription.displayName,
        setting: "off",
        meaning: expect.stringMatching(/^Off: /),
      }),
    ]);
    expect(await tagValues()).toContain("");
    expect(off.rows.map((r) => r.tenantName)).toContain("Without a tenant tag");

    // Turned on in Azure (by the provider, outside the portal: the portal only reads it).
    const setting = `/subscriptions/${SEED.subscriptions.provider}/providers/Microsoft.CostManagement/settings/taginheritance?api-version=2024-08-01`;
    await emu.arm(SEED.apps.provider, "PUT", setting, {
      kind: "taginheritance",
      properties: { preferContainerTags: false },
    });
    const on = await reconcile();
    expect(on.tagInheritance).toEqual([
      expect.objectContaining({ setting: "on", meaning: expect.stringMatching(/^On: an untagged resource/) }),
    ]);
    expect(await tagValues()).toContain(slug);
    expect(await tagValues()).not.toContain("");
    expect(on.rows.map((r) => r.tenantName)).not.toContain("Without a tenant tag");
    await emu.arm(SEED.apps.provider, "DELETE", setting);
  });
});
