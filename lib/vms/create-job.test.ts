import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import "@/lib/network/jobs";
import { linuxVm, vmTenant } from "@/test/vms";
import { multiVipLb } from "@/test/network";
import { createVmApart } from "@/test/vm-apart";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let t: Awaited<ReturnType<typeof vmTenant>>;

const { db } = await import("@/lib/db/client");
const { createVms } = await import("./create-vms");
const { runVmAction, requestResize } = await import("./change-vms");
const { enqueueInventorySyncs } = await import("./sync-service");
const { createLoadBalancer } = await import("@/lib/network/service");

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  t = await vmTenant(emu);
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

async function azureResources(nameFragment: string) {
  const inventory = await emu.control.inventory();
  return inventory.subscriptions[SEED.subscriptions.provider].filter(
    (r) =>
      r.id.toLowerCase().includes(nameFragment.toLowerCase()) &&
      !r.type.endsWith("resourceGroups") &&
      !r.type.endsWith("virtualNetworks"),
  );
}

/** The webhook events published about a VM, in order (one per committed change, lib/events). */
async function eventsOf(vmId: string) {
  const rows = await db.outboxEvent.findMany({ where: { resourceId: vmId }, orderBy: { seq: "asc" } });
  return rows.map((e) => {
    const data = e.data as { kind?: string; powerState?: string; source?: string };
    if (e.type === "vm.state_changed") return `${e.type} ${data.powerState} (${data.source})`;
    return e.type.startsWith("operation.") ? `${e.type} ${data.kind}` : e.type;
  });
}

/**
 * Azure's clock at `scale` for the emulator and for the portal's waits alike, as npm start runs them, then back to the
 * test clock (0.01). With the portal's still at 0.01 it looked at a VM it follows every 50 ms: ~90 GETs in one test.
 */
async function atTimeScale<T>(scale: number, run: () => Promise<T>) {
  await emu.control.setConfig({ timeScale: scale });
  process.env.JOBS_LRO_TIME_SCALE = String(scale);
  try {
    return await run();
  } finally {
    process.env.JOBS_LRO_TIME_SCALE = "0.01";
    await emu.control.setConfig({ timeScale: 0.01 });
  }
}

/** Runs an inventory sync of every subscription and waits for the newest. */
async function syncNow() {
  await enqueueInventorySyncs();
  const sync = await db.operation.findFirstOrThrow({
    where: { kind: "subscription.sync" },
    orderBy: { createdAt: "desc" },
  });
  return waitForOperation(sync.id);
}

async function createOne(name: string, over = {}) {
  const [vm] = await createVms(t.ctx, linuxVm(t.tenantSubscriptionId, name, over));
  return { vm, op: await waitForOperation(vm.operationId) };
}

describe("vm.create", () => {
  it("creates the VM with its NIC and public IP in one PUT, and never keeps the password", async () => {
    const { vm, op } = await createOne("web-01");
    expect(op.state).toBe("succeeded");
    expect(op.steps.map((s) => s.name)).toEqual([
      "Ensure resource group",
      "Create virtual network",
      "Wait for virtual network",
      "Create VM",
      "Wait for provisioning",
      "Read IP addresses",
    ]);
    const row = await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } });
    expect(row).toMatchObject({ provisioningState: "Succeeded", powerState: "running", networkManagedByVm: true });
    // Read from one list of the group's NICs and one of its public IPs, not from a GET of this VM's NIC.
    expect(row.privateIp).toMatch(/^10\.1\.0\.\d+$/);
    expect(row.publicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(await db.sealedSecret.count()).toBe(0);
    const everything = JSON.stringify([await db.operation.findMany({ include: { steps: true } }), row]);
    expect(everything).not.toContain("Correct-Horse-42!");
    // One PUT for the VM, its NIC and public IP; its answer carries the id the portal records: no GET at all.
    const log = (await emu.control.requests({ limit: 5000 })).value.filter((r) =>
      /\/(web-01|web-01-ip|web-01-nic)$/i.test(r.path),
    );
    expect(log.map((r) => `${r.method} ${r.path.split("/").at(-2)}`)).toEqual(["PUT virtualMachines"]);
    const azure = await azureResources("web-01");
    expect(azure.map((r) => r.type).sort()).toEqual([
      "Microsoft.Compute/disks",
      "Microsoft.Compute/virtualMachines",
      "Microsoft.Network/networkInterfaces",
      "Microsoft.Network/publicIPAddresses",
    ]);
    // The NIC and public IP carry the portal's tags from the same PUT.
    const nic = azure.find((r) => r.type === "Microsoft.Network/networkInterfaces")!;
    expect(nic.body.tags).toMatchObject({ "portal-tenant": t.ctx.tenantSlug, "portal-vm": vm.id });
  });

  it("resumes after a fault injected once Azure accepted the VM, without creating it twice", async () => {
    // The answer to the PUT is lost as when a worker is killed between the PUT and storing its continuation; the
    // create runs long enough (6 s) for the retry (2 s later) to find Azure still creating it.
    await emu.control.addFault({
      method: "PUT",
      path: "/virtualMachines/web-02",
      when: "after",
      status: 500,
      code: "InternalServerError",
      message: "Injected after commit",
      times: 1,
    });
    const { vm, op } = await atTimeScale(0.1, () => createOne("web-02"));
    await emu.control.clearFaults();
    expect(op.state).toBe("succeeded");
    // The PUT sent again (by the SDK's retry of the 500, or by a run after one killed before it stored its
    // continuation) found Azure creating the VM, and the operation followed it instead of failing.
    expect(op.steps.find((s) => s.name === "Create VM")?.detail).toMatch(/already creating/);
    expect((await azureResources("web-02")).filter((r) => r.type === "Microsoft.Compute/virtualMachines")).toHaveLength(
      1,
    );
    // Retried runs publish nothing twice: the events are written with the state they describe.
    expect(await eventsOf(vm.id)).toEqual(["vm.created", "operation.succeeded vm.create"]);
  });

  it("deletes a VM whose DELETE an earlier run sent and lost the answer of, instead of failing on Azure's 409", async () => {
    const { vm } = await createOne("web-07");
    const row = await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } });
    // Azure takes 3 s to delete it on that clock
    await atTimeScale(0.1, async () => {
      // As a run killed before it stored Azure's answer (npm run chaos aims at this): Azure is deleting the VM.
      const sent = await emu.arm(SEED.apps.provider, "DELETE", `${row.azureResourceId}?api-version=2026-04-01`);
      expect(sent.status).toBe(202);
      const op = await waitForOperation((await runVmAction(t.ctx, vm.id, "delete")).id);
      expect(op.state).toBe("succeeded");
    });
    expect(await db.virtualMachine.findUnique({ where: { id: vm.id } })).toBeNull();
    expect(await azureResources("web-07")).toEqual([]);
  });

  it("ends with Azure's quota error on the VM, and deleting the failed VM leaves nothing behind", async () => {
    // Two D2s_v5 VMs (4 vCPUs) already run in eastus: a 4-vCPU VM does not fit a limit of 6.
    await emu.control.setCoreQuota(SEED.subscriptions.provider, { eastus: 6 });
    const { vm, op } = await createOne("big-01", { size: "Standard_D4s_v5" });
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("OperationNotAllowed");
    expect(op.errorMessage).toMatch(/quota/i);
    const failed = await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } });
    expect(failed).toMatchObject({ provisioningState: "Failed", errorCode: "OperationNotAllowed" });
    expect(await azureResources("big-01")).toEqual([]); // refused with the one PUT: no NIC or public IP was made

    const del = await runVmAction(t.ctx, vm.id, "delete");
    expect((await waitForOperation(del.id)).state).toBe("succeeded");
    expect(await azureResources("big-01")).toEqual([]);
    expect(await db.virtualMachine.findUnique({ where: { id: vm.id } })).toBeNull();
    expect(await eventsOf(vm.id)).toEqual([
      "operation.failed vm.create",
      "vm.deleted",
      "operation.succeeded vm.delete",
    ]);
    await emu.control.setCoreQuota(SEED.subscriptions.provider, { eastus: 100 });
  });
});

describe("bulk create", () => {
  it("creates 5 VMs with one network: the first operation provisions it and the others wait for it", async () => {
    const since = new Date().toISOString();
    const vms = await createVms(
      t.ctx,
      linuxVm(t.tenantSubscriptionId, "batch", { count: 5, region: "westus", publicIp: false }),
    );
    expect(vms.map((v) => v.name)).toEqual(["batch-01", "batch-02", "batch-03", "batch-04", "batch-05"]);
    const ops = await Promise.all(vms.map((v) => waitForOperation(v.operationId)));
    expect(ops.map((o) => o.state)).toEqual(Array(5).fill("succeeded"));
    const rows = await db.virtualMachine.findMany({ where: { id: { in: vms.map((v) => v.id) } } });
    expect(rows.map((r) => r.privateIp)).toEqual(Array(5).fill(expect.stringMatching(/^10\.\d+\.0\.\d+$/)));
    // Waiting for the network (or for Azure) is not a retry: every step ran as one attempt.
    expect(ops.flatMap((o) => o.steps.map((s) => s.attempt))).toEqual(
      Array(ops.flatMap((o) => o.steps).length).fill(1),
    );
    const log = (await emu.control.requests({ since, limit: 5000 })).value;
    expect(log.filter((r) => r.method === "PUT" && /virtualNetworks\/vnet-westus$/i.test(r.path))).toHaveLength(1);
    expect(
      log.filter((r) => r.method === "PUT" && /\/resourcegroups\/[^/]+$/i.test(r.path)).length,
    ).toBeLessThanOrEqual(1);
  });
});

describe("vm lifecycle and sync", () => {
  it("stops, resizes across families (deallocating first), starts and deletes with nothing orphaned", async () => {
    const { vm } = await createOne("app-01", { dataDiskCount: 1 });
    expect((await waitForOperation((await runVmAction(t.ctx, vm.id, "stop")).id)).state).toBe("succeeded");
    expect((await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } })).powerState).toBe("deallocated");
    expect((await waitForOperation((await runVmAction(t.ctx, vm.id, "start")).id)).state).toBe("succeeded");

    const resize = await waitForOperation((await requestResize(t.ctx, vm.id, "Standard_E2s_v5")).id);
    expect(resize.state).toBe("succeeded");
    expect(resize.steps.map((s) => s.name)).toEqual([
      "Check the target size",
      "Deallocate VM",
      "Resize VM",
      "Start VM",
    ]);
    expect(await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } })).toMatchObject({
      size: "Standard_E2s_v5",
      powerState: "running",
    });

    expect((await waitForOperation((await runVmAction(t.ctx, vm.id, "delete")).id)).state).toBe("succeeded");
    expect(await azureResources("app-01")).toEqual([]);
    expect(await eventsOf(vm.id)).toEqual([
      "vm.created",
      "operation.succeeded vm.create",
      "vm.state_changed deallocated (operation)",
      "operation.succeeded vm.stop",
      "vm.state_changed running (operation)",
      "operation.succeeded vm.start",
      "vm.state_changed deallocated (operation)",
      "vm.state_changed running (operation)",
      "operation.succeeded vm.resize",
      "vm.deleted",
      "operation.succeeded vm.delete",
    ]);
  });

  it("sync picks up changes made outside the portal in pages, and marks VMs deleted in Azure as missing", async () => {
    const { vm } = await createOne("ops-01");
    const row = await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } });
    const rg = row.azureResourceId!.split("/")[4];
    await emu.arm(
      SEED.apps.provider,
      "POST",
      `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/ops-01/deallocate?api-version=2026-04-01`,
    );
    for (let i = 0; i < 50 && (await azureResources("ops-01")).some((r) => r.provisioningState !== "Succeeded"); i++)
      await new Promise((r) => setTimeout(r, 100));
    // Made before the portal tagged what it creates (issue 15 point 1): the VM, NIC, public IP and disks lose their
    // tags, the customer adds one of their own; the first sync puts the portal's back and keeps the customer's.
    const own = await azureResources("ops-01");
    expect(new Set(own.map((r) => r.type))).toEqual(
      new Set([
        "Microsoft.Compute/disks",
        "Microsoft.Compute/virtualMachines",
        "Microsoft.Network/networkInterfaces",
        "Microsoft.Network/publicIPAddresses",
      ]),
    );
    const tagsUrl = (id: string) => `${id}/providers/Microsoft.Resources/tags/default?api-version=2021-04-01`;
    const networks = await db.virtualNetwork.findMany({
      where: { tenantSubscriptionId: t.tenantSubscriptionId, azureResourceId: { not: null } },
    });
    const groupId = `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/${rg}`;
    for (const id of [...own.map((r) => r.id), groupId, ...networks.map((n) => n.azureResourceId!)])
      await emu.arm(SEED.apps.provider, "PUT", tagsUrl(id), { properties: { tags: { costCenter: "42" } } });
    await db.virtualMachine.updateMany({ data: { tagsCheckedAt: null } });
    await db.tenantSubscription.updateMany({ data: { tagsCheckedAt: null } });
    const sync = await syncNow();
    expect(sync.state).toBe("succeeded");
    expect((await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } })).powerState).toBe("deallocated");
    expect((await eventsOf(vm.id)).at(-1)).toBe("vm.state_changed deallocated (sync)");
    const ts = await db.tenantSubscription.findUniqueOrThrow({
      where: { id: t.tenantSubscriptionId },
      select: { planId: true, tenant: { select: { id: true, slug: true } } },
    });
    const create = await db.operation.findFirstOrThrow({ where: { kind: "vm.create", targetId: vm.id } });
    for (const r of own)
      expect((await emu.arm(SEED.apps.provider, "GET", tagsUrl(r.id))).body.properties.tags).toEqual({
        costCenter: "42",
        "portal-tenant": ts.tenant.slug,
        "portal-tenant-id": ts.tenant.id,
        "portal-plan": ts.planId,
        "portal-operation": create.id,
        "portal-vm": vm.id,
      });
    // The tenant subscription's group and networks too, each with the operation that created it.
    const owner = { costCenter: "42", "portal-tenant": ts.tenant.slug, "portal-tenant-id": ts.tenant.id };
    const provision = await db.operation.findFirstOrThrow({
      where: { kind: "tenantSubscription.provision", targetId: t.tenantSubscriptionId },
    });
    expect((await emu.arm(SEED.apps.provider, "GET", tagsUrl(groupId))).body.properties.tags).toEqual({
      ...owner,
      "portal-plan": ts.planId,
      "portal-operation": provision.id,
      "portal-tenant-subscription": t.tenantSubscriptionId,
    });
    expect(networks.length).toBeGreaterThan(0);
    for (const n of networks)
      expect((await emu.arm(SEED.apps.provider, "GET", tagsUrl(n.azureResourceId!))).body.properties.tags).toEqual({
        ...owner,
        "portal-plan": ts.planId,
        ...(n.provisioningOperationId ? { "portal-operation": n.provisioningOperationId } : {}),
      });

    // Once tagged, a sync is its VM list alone: no read of NICs, IPs or disks, and no tag write.
    await emu.control.resetCounters();
    const since = new Date().toISOString();
    expect((await syncNow()).state).toBe("succeeded");
    const counters = await emu.control.counters();
    const vmCount = (await azureResources("")).filter((r) => r.type === "Microsoft.Compute/virtualMachines").length;
    expect(counters.reads).toBeLessThanOrEqual(Math.ceil(vmCount / 3) + 1); // page size 3 in tests: pages, not VMs
    const log = (await emu.control.requests({ since, limit: 5000 })).value;
    expect(log.filter((r) => r.method !== "GET")).toEqual([]);

    await emu.arm(
      SEED.apps.provider,
      "DELETE",
      `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/ops-01?api-version=2026-04-01`,
    );
    for (
      let i = 0;
      i < 50 && (await azureResources("ops-01")).some((r) => r.type === "Microsoft.Compute/virtualMachines");
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    await enqueueInventorySyncs();
    const sync2 = await db.operation.findFirstOrThrow({
      where: { kind: "subscription.sync" },
      orderBy: { createdAt: "desc" },
    });
    await waitForOperation(sync2.id);
    expect((await db.virtualMachine.findUniqueOrThrow({ where: { id: vm.id } })).isMissing).toBe(true);
  });
});

describe("both shapes: one-PUT VMs and VMs whose NIC and public IP were created apart (before issue 18)", () => {
  it("syncs, resizes, joins one load balancer pool and deletes both with nothing orphaned", async () => {
    const { vm: onePut } = await createOne("pool-01");
    const apart = await createVmApart(onePut.id, "pool-02");

    // Addresses a create could not read are read by the sync (one list of the group's NICs and one of its IPs).
    const addresses = await db.virtualMachine.findUniqueOrThrow({
      where: { id: onePut.id },
      select: { privateIp: true, publicIp: true },
    });
    await db.virtualMachine.update({ where: { id: onePut.id }, data: { privateIp: null, publicIp: null } });
    await enqueueInventorySyncs();
    const sync = await db.operation.findFirstOrThrow({
      where: { kind: "subscription.sync" },
      orderBy: { createdAt: "desc" },
    });
    expect((await waitForOperation(sync.id)).state).toBe("succeeded");
    expect(await db.virtualMachine.findUniqueOrThrow({ where: { id: apart.id } })).toMatchObject({
      powerState: "running",
      isMissing: false,
      lastSyncedAt: expect.any(Date),
    });
    expect(await db.virtualMachine.findUniqueOrThrow({ where: { id: onePut.id } })).toMatchObject(addresses);

    expect((await waitForOperation((await requestResize(t.ctx, apart.id, "Standard_D4s_v5")).id)).state).toBe(
      "succeeded",
    );
    expect((await db.virtualMachine.findUniqueOrThrow({ where: { id: apart.id } })).size).toBe("Standard_D4s_v5");

    // A one-PUT VM's NIC has the same name and ip configuration as one created apart, so the pool join is the same.
    await db.plan.update({ where: { id: t.planId }, data: { quotaPublicIps: 10, quotaLoadBalancers: 3 } });
    const lb = await createLoadBalancer(t.ctx, multiVipLb(t.tenantSubscriptionId, [onePut.id, apart.id]));
    const lbOp = await waitForOperation(lb.operationId);
    expect(lbOp.errorMessage).toBeNull();
    expect(lbOp.state).toBe("succeeded");
    const nics = (await azureResources("pool-0")).filter((r) => r.type === "Microsoft.Network/networkInterfaces");
    expect(nics).toHaveLength(2);
    for (const nic of nics) {
      const ipc = (nic.body.properties as { ipConfigurations: { properties: Record<string, unknown> }[] })
        .ipConfigurations[0].properties;
      expect(JSON.stringify(ipc.loadBalancerBackendAddressPools)).toContain("/backendAddressPools/MultiVIPLB-BE");
      expect(ipc.publicIPAddress).toBeDefined(); // the join kept the VM's public IP
    }

    const deletes = await Promise.all([onePut.id, apart.id].map((id) => runVmAction(t.ctx, id, "delete")));
    const ops = await Promise.all(deletes.map((d) => waitForOperation(d.id)));
    expect(ops.map((o) => o.state)).toEqual(["succeeded", "succeeded"]);
    expect(ops.map((o) => o.steps.map((s) => s.name))).toEqual([
      ["Delete VM, its disks, network interface and public IP"],
      ["Delete VM, its disks and network interface", "Delete public IP"],
    ]);
    expect(await azureResources("pool-0")).toEqual([]);
  });
});
