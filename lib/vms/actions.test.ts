import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker, waitForOperation } from "@/test/worker";
import type { ActionResult } from "@/lib/utils/action-result";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import { staffContext, tenant } from "@/test/tenants";
import { subscribeTenantToPlan } from "@/lib/tenancy/subscriptions";
import { linuxImage, vmTenant } from "@/test/vms";

// The session is the one thing outside the database the context reads; everything below it is the real code.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };

const { db } = await import("@/lib/db/client");
const { createVmAction, vmPowerAction, bulkVmAction, resizeVmAction } = await import("./actions");

const password = "Correct-Horse-42!";
type Tenant = Awaited<ReturnType<typeof vmTenant>> & { owner: string; reader: string };

async function member(tenantId: string, role: "owner" | "operator" | "reader") {
  const user = await db.user.create({
    data: { email: `${role}-${randomBytes(4).toString("hex")}@vms.test`, name: role, passwordHash: "x" },
  });
  await db.membership.create({ data: { userId: user.id, tenantId, role } });
  return user.id;
}

async function withMembers(t: Awaited<ReturnType<typeof vmTenant>>): Promise<Tenant> {
  return { ...t, owner: await member(t.ctx.tenantId, "owner"), reader: await member(t.ctx.tenantId, "reader") };
}

/** Another tenant on the same plan (the emulator's provider subscription backs exactly one plan). */
async function anotherTenant(): Promise<Tenant> {
  const other = await tenant();
  const { user } = await staffContext();
  const sub = await subscribeTenantToPlan(user, { tenantId: other.id, planId: t.planId, selfService: false });
  await waitForOperation(sub.operationId);
  const ctx = { ...t.ctx, tenantId: other.id, tenantSlug: other.slug, tenantName: other.name };
  return withMembers({ ctx, tenantSubscriptionId: sub.id, planId: t.planId });
}

/** Runs `fn` with the plan's quota lowered; quotas apply per tenant subscription, so a fresh tenant starts at zero. */
async function withQuota<T>(quota: { quotaVms?: number; quotaVcpus?: number }, fn: (t: Tenant) => Promise<T>) {
  const small = await anotherTenant();
  const plan = await db.plan.findUniqueOrThrow({ where: { id: t.planId } });
  await db.plan.update({ where: { id: t.planId }, data: quota });
  try {
    return await fn(small);
  } finally {
    await db.plan.update({ where: { id: t.planId }, data: { quotaVms: plan.quotaVms, quotaVcpus: plan.quotaVcpus } });
  }
}

function vmForm(t: Tenant, fields: Record<string, string> = {}) {
  const form = new FormData();
  const values = {
    tenantSubscriptionId: t.tenantSubscriptionId,
    region: "eastus",
    image: linuxImage,
    osType: "Linux",
    size: "Standard_B2s",
    name: `vm-${randomBytes(3).toString("hex")}`,
    count: "1",
    adminUsername: "azureops",
    authType: "password",
    adminPassword: password,
    confirmPassword: password,
    network: "default",
    publicIp: "false",
    dataDiskCount: "0",
    ...fields,
  };
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

/** Runs a create as the given user: the redirect a successful create ends with becomes its URL. */
async function create(
  t: Tenant,
  userId: string,
  fields: Record<string, string> = {},
): Promise<ActionResult | { redirect: string }> {
  session.userId = userId;
  try {
    return await createVmAction(t.ctx.tenantSlug, { ok: true }, vmForm(t, fields));
  } catch (error) {
    if (isRedirectError(error)) return { redirect: getURLFromRedirectError(error) };
    throw error;
  }
}

// Secrets sealed since the test began: the worker deletes earlier creates' secrets meanwhile, so a total would move.
const counts = async (t: Tenant, since: Date) => ({
  vms: await db.virtualMachine.count({ where: { tenantId: t.ctx.tenantId } }),
  operations: await db.operation.count({ where: { tenantId: t.ctx.tenantId, kind: { startsWith: "vm." } } }),
  secrets: await db.sealedSecret.count({ where: { createdAt: { gte: since } } }),
});

let t: Tenant;
beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  t = await withMembers(await vmTenant(emu));
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});
beforeEach(() => void (session.userId = null));

describe("createVmAction", () => {
  it("lands a single create on the new VM's page, Creating, with its operation queued and no password anywhere", async () => {
    const result = await create(t, t.owner, { name: "web-01" });
    expect(result).toEqual({
      redirect: expect.stringMatching(new RegExp(`^/tenant/${t.ctx.tenantSlug}/vms/[a-z0-9]+$`)),
    });
    const id = (result as { redirect: string }).redirect.split("/").pop()!;
    const vm = await db.virtualMachine.findFirstOrThrow({ where: { id, tenantId: t.ctx.tenantId } });
    expect(vm).toMatchObject({ name: "web-01", provisioningState: "Creating", size: "Standard_B2s" });
    const op = await db.operation.findFirstOrThrow({ where: { targetId: id, kind: "vm.create" } });
    expect(JSON.stringify([vm, op])).not.toContain(password);
    expect((await waitForOperation(op.id)).state).toBe("succeeded");
  });

  it("sends a bulk create to the list", async () => {
    expect(await create(t, t.owner, { name: "batch", count: "3" })).toEqual({
      redirect: `/tenant/${t.ctx.tenantSlug}/vms?created=3`,
    });
    const names = (
      await db.virtualMachine.findMany({
        where: { tenantId: t.ctx.tenantId, name: { startsWith: "batch-" } },
        orderBy: { name: "asc" },
      })
    ).map((v) => v.name);
    expect(names).toEqual(["batch-01", "batch-02", "batch-03"]);
  });

  it.each([
    ["a reserved user name", { adminUsername: "admin" }, "adminUsername", /does not allow "admin"/],
    ["a weak password", { adminPassword: "password", confirmPassword: "password" }, "adminPassword", /at least 12/],
    ["passwords that differ", { confirmPassword: "Another-Horse-42!" }, "confirmPassword", /do not match/],
    ["a size the plan does not offer", { size: "Standard_L8s_v3" }, "size", /does not offer/],
    ["a region the provider does not allow", { region: "brazilsouth" }, "region", /not offered/],
    [
      "more data disks than the size takes",
      { dataDiskCount: "5" },
      "dataDiskCount",
      /Standard_B2s takes at most 4 data disks/,
    ],
    [
      "a Windows name longer than 15 characters",
      { osType: "Windows", name: "much-too-long-name" },
      "name",
      /at most 15/,
    ],
    [
      "an image outside the plan",
      { image: "MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest", osType: "Windows" },
      "image",
      /does not offer/,
    ],
  ])("refuses %s beside the field, writing nothing and queueing nothing", async (_what, fields, field, message) => {
    const since = new Date();
    const before = await counts(t, since);
    const result = await create(t, t.owner, fields);
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.stringMatching(message)] } });
    expect(await counts(t, since)).toEqual(before);
  });

  it("refuses a name already used in the subscription, writing nothing", async () => {
    await create(t, t.owner, { name: "dup-01" });
    const since = new Date();
    const before = await counts(t, since);
    expect(await create(t, t.owner, { name: "dup-01" })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.stringContaining("already exists")] },
    });
    expect(await counts(t, since)).toEqual(before);
  });

  it("refuses a reader server-side even for a forged request, and writes nothing", async () => {
    const since = new Date();
    const before = await counts(t, since);
    expect(await create(t, t.reader)).toMatchObject({ ok: false, formError: expect.stringContaining("operator") });
    expect(await counts(t, since)).toEqual(before);
  });

  it("treats another tenant's subscription as not found", async () => {
    const other = await anotherTenant();
    const since = new Date();
    const before = await counts(t, since);
    const forged = await create(other, other.owner, { tenantSubscriptionId: t.tenantSubscriptionId });
    expect(forged).toMatchObject({ ok: false, formError: "Subscription not found." });
    expect(await counts(t, since)).toEqual(before);
  });
});

describe("quota", () => {
  it("lets concurrent submits create exactly as many VMs as the plan allows", async () => {
    await withQuota({ quotaVms: 3 }, async (small) => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => create(small, small.owner, { name: `race-${i}` })),
      );
      expect(results.filter((r) => "redirect" in r)).toHaveLength(3);
      const refused = results.filter((r) => !("redirect" in r));
      expect(refused).toHaveLength(3);
      for (const r of refused)
        expect(r).toMatchObject({
          ok: false,
          formError: expect.stringMatching(/VMs 3 used \+ 1 requested > 3 allowed/),
        });
      expect(await db.virtualMachine.count({ where: { tenantSubscriptionId: small.tenantSubscriptionId } })).toBe(3);
      expect(await db.operation.count({ where: { tenantId: small.ctx.tenantId, kind: "vm.create" } })).toBe(3);
    });
  });

  it("refuses a bulk create that would go over the vCPU quota as a whole", async () => {
    await withQuota({ quotaVcpus: 6 }, async (small) => {
      const result = await create(small, small.owner, { name: "big", count: "2", size: "Standard_D4s_v5" });
      expect(result).toMatchObject({
        ok: false,
        formError: expect.stringContaining("vCPUs 0 used + 8 requested > 6 allowed"),
      });
      expect(await db.virtualMachine.count({ where: { tenantSubscriptionId: small.tenantSubscriptionId } })).toBe(0);
    });
  });

  it("refuses a resize past the vCPU quota with the figures, and leaves the VM as it was", async () => {
    await withQuota({ quotaVcpus: 3 }, async (small) => {
      const created = (await create(small, small.owner, { name: "grow-01", size: "Standard_B2s" })) as {
        redirect: string;
      };
      const id = created.redirect.split("/").pop()!;
      await waitForOperation((await db.operation.findFirstOrThrow({ where: { targetId: id, kind: "vm.create" } })).id);
      session.userId = small.owner;
      const form = new FormData();
      form.set("vmId", id);
      form.set("size", "Standard_D4s_v5");
      expect(await resizeVmAction(small.ctx.tenantSlug, { ok: true }, form)).toMatchObject({
        ok: false,
        formError: "Resizing to Standard_D4s_v5 needs 2 more vCPUs; your plan allows 3 and 2 are in use.",
      });
      expect(await db.operation.count({ where: { targetId: id, kind: "vm.resize" } })).toBe(0);
      expect(await db.virtualMachine.findUniqueOrThrow({ where: { id } })).toMatchObject({
        size: "Standard_B2s",
        provisioningState: "Succeeded",
      });
    });
  });
});

describe("VM actions", () => {
  async function runningVm(name: string) {
    const result = (await create(t, t.owner, { name })) as { redirect: string };
    const id = result.redirect.split("/").pop()!;
    const op = await db.operation.findFirstOrThrow({ where: { targetId: id, kind: "vm.create" } });
    await waitForOperation(op.id);
    return id;
  }
  const vmIdForm = (vmId: string, extra: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("vmId", vmId);
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    return form;
  };

  it("refuses a reader's stop, bulk delete and resize, and leaves the VM as it was", async () => {
    const id = await runningVm("guarded-01");
    const before = await db.operation.count({ where: { targetId: id } });
    session.userId = t.reader;
    expect(await vmPowerAction(t.ctx.tenantSlug, "stop", vmIdForm(id))).toMatchObject({
      ok: false,
      formError: expect.stringContaining("operator"),
    });
    const bulk = new FormData();
    bulk.append("ids", id);
    expect(await bulkVmAction(t.ctx.tenantSlug, "delete", bulk)).toMatchObject({
      ok: false,
      formError: expect.stringContaining("operator"),
    });
    expect(
      await resizeVmAction(t.ctx.tenantSlug, { ok: true }, vmIdForm(id, { size: "Standard_D2s_v5" })),
    ).toMatchObject({ ok: false });
    expect(await db.operation.count({ where: { targetId: id } })).toBe(before);
    expect(await db.virtualMachine.findUniqueOrThrow({ where: { id } })).toMatchObject({
      provisioningState: "Succeeded",
      powerState: "running",
    });
  });

  it("does not find another tenant's VM, even by its id", async () => {
    const id = await runningVm("private-01");
    const other = await anotherTenant();
    session.userId = other.owner;
    expect(await vmPowerAction(other.ctx.tenantSlug, "stop", vmIdForm(id))).toEqual({
      ok: false,
      formError: "Virtual machine not found.",
    });
    session.userId = other.owner;
    expect(await vmPowerAction(t.ctx.tenantSlug, "stop", vmIdForm(id))).toEqual({
      ok: false,
      formError: "Page not found.",
    });
  });

  it("stops several VMs at once and names the ones that could not take it", async () => {
    const [a, b] = [await runningVm("bulk-a"), await runningVm("bulk-b")];
    session.userId = t.owner;
    const form = new FormData();
    for (const id of [a, b]) form.append("ids", id);
    const first = await bulkVmAction(t.ctx.tenantSlug, "stop", form);
    expect(first).toMatchObject({ ok: true, message: "Stopping 2 VMs." });
    const again = await bulkVmAction(t.ctx.tenantSlug, "stop", form);
    expect(again).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/wait until the current operation has finished|already stopped/),
    });
  });

  it("refuses a resize to a size outside the plan beside the size field", async () => {
    const id = await runningVm("resize-01");
    session.userId = t.owner;
    expect(
      await resizeVmAction(t.ctx.tenantSlug, { ok: true }, vmIdForm(id, { size: "Standard_L8s_v3" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { size: [expect.stringContaining("does not offer Standard_L8s_v3")] },
    });
  });
});
