// First: zod 4 schemas get `.openapi` only when created after @hono/zod-openapi is loaded (the forms' schemas are
// loaded by the fixtures and jobs below before the app).
import "@hono/zod-openapi";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { drTenant, protectedVm01 } from "@/test/dr";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/dr/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { createApiApp } = await import("./app");
const { issueApiToken } = await import("@/lib/api-tokens/service");
const { assignCloud } = await import("@/lib/dr/admin-service");
const { staffContext } = await import("@/test/tenants");

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let acme: Awaited<ReturnType<typeof protectedVm01>>;
let contosoSlug: string;
let contosoSubscriptionId: string;
const app = createApiApp();
const tokens: Record<string, string> = {};

type Answer = { status: number; headers: Headers; body: Record<string, unknown> & { errors?: unknown[] } };
async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} } as Answer;
}

/** Polls the operation's URL from the Location header, as a client does, until it has ended. */
async function follow(res: Answer, token = tokens.reader) {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const path = new URL(res.headers.get("location")!).pathname.replace("/api/v1", "");
  let last: Record<string, unknown> = {};
  for (let i = 0; i < 600; i++) {
    last = (await call(token, "GET", path)).body;
    if (["succeeded", "failed", "cancelled"].includes(last.state as string)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} did not end: ${JSON.stringify(last)}`);
}

const slug = () => acme.acme.ctx.tenantSlug;
const itemPath = () => `/tenants/${slug()}/protected-items/${acme.itemId}`;
const readItem = async () => {
  const res = await call(tokens.reader, "GET", itemPath());
  expect(res.status).toBe(200);
  return res.body;
};
const armWrites = async () =>
  (await emu.control.requests({ limit: 5000 })).value.filter((r) => r.method !== "GET").length;
/** Lets every queued operation (the replication follows) end, so later ARM writes are the test's own. */
async function settle() {
  const running = await db.operation.findMany({ where: { state: { in: ["queued", "running"] } } });
  await Promise.all(running.map((op) => waitForOperation(op.id)));
}

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  acme = await protectedVm01(emu);
  const contoso = await drTenant(emu, SEED.apps.contoso, SEED.subscriptions.contoso, "contoso");
  contosoSlug = contoso.ctx.tenantSlug;
  contosoSubscriptionId = contoso.tenantSubscriptionId;
  const { user, tenantId } = acme.acme.ctx;
  const issue = async (tenant: string, role: "owner" | "operator" | "reader") =>
    (await issueApiToken(user, { name: role, expiresInDays: 90, scope: "tenant", tenantId: tenant, role })).token;
  tokens.operator = await issue(tenantId, "operator");
  tokens.reader = await issue(tenantId, "reader");
  tokens.other = await issue(contoso.ctx.tenantId, "owner");
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("REST API: disaster recovery", () => {
  it("reads the setup's status, the cloud's VMs and the protected VM", async () => {
    const setup = await call(tokens.reader, "GET", `/tenants/${slug()}/dr/setup`);
    expect(setup.status).toBe(200);
    expect(setup.body).toMatchObject({
      isAssigned: true,
      cloud: { name: "AcmeCorp Cloud", targetRegion: "westus" },
      setup: {
        isReady: true,
        steps: { targets: "succeeded", policy: "succeeded", mapping: "succeeded" },
        storageAccount: "drstorageacct1",
        network: { name: "AcmeCorp-DR-VNet", addressSpace: "10.20.0.0/16" },
        policy: { name: "AcmeCorp-Policy", copyFrequencySeconds: 900, recoveryPointHours: 1 },
      },
      onPremisesNetworks: [{ id: expect.any(String), name: "YellowNetwork" }],
    });

    const vms = (await call(tokens.reader, "GET", `/tenants/${slug()}/dr/vms`)).body.value as {
      name: string;
      armName: string;
      protectedItemId: string | null;
    }[];
    expect(vms.find((v) => v.name === "VM01")).toMatchObject({ armName: acme.armName, protectedItemId: acme.itemId });
    expect(vms.some((v) => v.protectedItemId === null)).toBe(true);

    const items = await call(tokens.reader, "GET", `/tenants/${slug()}/protected-items?top=1`);
    expect(items.body).toMatchObject({ count: 1, nextLink: null });
    expect(items.body.value).toEqual([
      expect.objectContaining({
        id: acme.itemId,
        vmName: "VM01",
        protectionState: "Protected",
        replicationHealth: "Normal",
        failoverState: "On-premises",
        href: `/api/v1${itemPath()}`,
      }),
    ]);
    const item = await readItem();
    expect(item).toMatchObject({ cloud: "AcmeCorp Cloud", policy: { copyFrequencySeconds: 900 } });
    expect(item.allowedOperations).toContain("TestFailover");
    expect((item.operations as { kind: string }[]).map((o) => o.kind)).toContain("dr.enableProtection");
  });

  it("runs a test failover end to end, refuses a second one while it waits, then cleans it up with notes", async () => {
    const tfo = await call(tokens.operator, "POST", `${itemPath()}/test-failover`);
    expect(tfo.body).toMatchObject({ kind: "dr.testFailover", state: "queued", target: { name: "VM01" } });
    expect(tfo.headers.get("operation-location")).toBe(tfo.headers.get("location"));
    const done = await follow(tfo);
    expect(done.state).toBe("succeeded");
    expect(
      (done.steps as { name: string; detail: string | null }[]).find((s) => s.name === "Record the ASR job"),
    ).toMatchObject({ detail: expect.stringMatching(/Test failover: Succeeded/) });
    expect(await readItem()).toMatchObject({
      testFailoverState: "WaitingForCompletion",
      failoverState: "Test failover — cleanup pending",
      allowedOperations: ["TestFailoverCleanup"],
      lastTestFailoverAt: expect.any(String),
    });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dr.testFailover", targetId: acme.itemId } });
    expect(audit.apiTokenId).toBeTruthy();

    const again = await call(tokens.operator, "POST", `${itemPath()}/test-failover`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/^Test failover is not possible for VM01 now/);

    const cleanup = await call(tokens.operator, "POST", `${itemPath()}/test-failover-cleanup`, {
      notes: "DR drill OK",
    });
    expect(cleanup.body.kind).toBe("dr.testFailoverCleanup");
    expect((await follow(cleanup)).state).toBe("succeeded");
    expect(await readItem()).toMatchObject({
      testFailoverState: "None",
      lastTestFailoverNotes: "DR drill OK",
      failoverState: "On-premises",
    });
  });

  it("fails over (planned), commits, fails back, commits and reprotects, each a 202 whose operation succeeds", async () => {
    const act = async (path: string) =>
      (await follow(await call(tokens.operator, "POST", `${itemPath()}/${path}`))).state;
    const early = await call(tokens.operator, "POST", `${itemPath()}/commit`);
    expect(early.status).toBe(409);
    expect(await act("planned-failover")).toBe("succeeded");
    expect(await readItem()).toMatchObject({ protectionState: "FailedOver", activeLocation: "Recovery" });
    expect(await act("commit")).toBe("succeeded");
    expect(await readItem()).toMatchObject({ protectionState: "FailoverCommitted", failoverState: "Running in Azure" });
    const planned = await call(tokens.operator, "POST", `${itemPath()}/planned-failover`);
    expect(planned.body.detail).toBe("VM01 already runs in Azure; use Failback to return it on-premises.");
    expect(await act("failback")).toBe("succeeded");
    expect(await act("commit")).toBe("succeeded");
    expect((await readItem()).allowedOperations).toContain("ReverseReplicate");
    expect(await act("reprotect")).toBe("succeeded");
    await settle();
    expect(await readItem()).toMatchObject({ protectionState: "Protected" });
    expect((await follow(await call(tokens.operator, "POST", `/tenants/${slug()}/dr/refresh`))).state).toBe(
      "succeeded",
    );
  });

  it("refuses bad input with 400 naming the field, writes nothing and calls no Azure API", async () => {
    await settle();
    const opsBefore = await db.operation.count();
    const itemsBefore = await db.protectedItem.count();
    const writesBefore = await armWrites();
    const unplanned = await call(tokens.operator, "POST", `${itemPath()}/unplanned-failover`, {
      recoveryPoint: "yesterday",
    });
    expect(unplanned.status).toBe(400);
    expect((unplanned.body.errors as { field: string }[]).map((e) => e.field)).toEqual(["recoveryPoint"]);
    const notes = await call(tokens.operator, "POST", `${itemPath()}/test-failover-cleanup`, {
      notes: "x".repeat(2000),
    });
    expect(notes.body.errors).toEqual([{ field: "notes", message: "Notes are at most 1024 characters." }]);
    const hostile = await call(tokens.operator, "POST", `${itemPath()}/test-failover-cleanup`, { notes: "ok\u0000" });
    expect((hostile.body.errors as { field: string }[]).map((e) => e.field)).toEqual(["notes"]);
    const none = await call(tokens.operator, "POST", `/tenants/${slug()}/protected-items`, { vms: [] });
    expect(none.body.errors).toEqual([{ field: "vms", message: "Select at least one VM." }]);
    const name = await call(tokens.operator, "POST", `/tenants/${slug()}/protected-items`, {
      vms: [{ armName: acme.armName, targetVmName: "not a name!" }],
    });
    expect((name.body.errors as { field: string }[]).map((e) => e.field)).toEqual(["vms.0.targetVmName"]);
    for (const id of ["%00", "a%E2%80%AEb"]) {
      expect((await call(tokens.operator, "GET", `/tenants/${slug()}/protected-items/${id}`)).status).toBe(404);
      expect((await call(tokens.operator, "POST", `/tenants/${slug()}/protected-items/${id}/commit`)).status).toBe(404);
    }
    expect(await db.operation.count()).toBe(opsBefore);
    expect(await db.protectedItem.count()).toBe(itemsBefore);
    expect(await armWrites()).toBe(writesBefore);
  });

  it("hides AcmeCorp's protected VM from another tenant (404) and refuses a reader's actions (403)", async () => {
    for (const [method, path] of [
      ["GET", `/tenants/${contosoSlug}/protected-items/${acme.itemId}`],
      ["POST", `/tenants/${contosoSlug}/protected-items/${acme.itemId}/test-failover`],
      ["DELETE", `/tenants/${contosoSlug}/protected-items/${acme.itemId}`],
      ["GET", itemPath()],
      ["GET", `/tenants/${slug()}/dr/setup`],
    ] as const) {
      const res = await call(tokens.other, method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("VM01");
    }
    expect((await call(tokens.other, "GET", `/tenants/${contosoSlug}/protected-items`)).body.value).toEqual([]);
    expect((await call(tokens.other, "GET", `/tenants/${contosoSlug}/dr/setup`)).body).toMatchObject({
      isAssigned: false,
      setup: null,
    });

    const opsBefore = await db.operation.count();
    for (const [method, path, body] of [
      ["POST", `${itemPath()}/test-failover`, undefined],
      ["POST", `${itemPath()}/unplanned-failover`, { recoveryPoint: "latest" }],
      ["DELETE", itemPath(), undefined],
      ["POST", `/tenants/${slug()}/protected-items`, { vms: [{ armName: acme.armName }] }],
      ["POST", `/tenants/${slug()}/dr/refresh`, undefined],
    ] as const) {
      const res = await call(tokens.reader, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await db.operation.count()).toBe(opsBefore);
  });

  it("enables protection for another VM of the cloud and disables it again", async () => {
    const vms = (await call(tokens.reader, "GET", `/tenants/${slug()}/dr/vms`)).body.value as {
      name: string;
      armName: string;
      protectedItemId: string | null;
    }[];
    const vm = vms.find((v) => v.protectedItemId === null)!;
    const res = await call(tokens.operator, "POST", `/tenants/${slug()}/protected-items`, {
      vms: [{ armName: vm.armName }],
    });
    expect(res.status).toBe(202);
    const [item] = res.body.items as { id: string; name: string }[];
    expect(item.name).toBe(vm.name);
    expect((res.body.operations as { kind: string }[])[0].kind).toBe("dr.enableProtection");
    expect((await follow(res)).state).toBe("succeeded");
    const twice = await call(tokens.operator, "POST", `/tenants/${slug()}/protected-items`, {
      vms: [{ armName: vm.armName }],
    });
    expect(twice.status).toBe(409);
    await settle();

    const disabled = await call(tokens.operator, "DELETE", `/tenants/${slug()}/protected-items/${item.id}`);
    expect(disabled.body.kind).toBe("dr.disableProtection");
    expect((await follow(disabled)).state).toBe("succeeded");
    const after = (await call(tokens.reader, "GET", `/tenants/${slug()}/dr/vms`)).body.value as typeof vms;
    expect(after.find((v) => v.armName === vm.armName)?.protectedItemId).toBeNull();
  });

  it("lets Contoso's owner set up its own DR once the provider assigns a cloud, and run a step again", async () => {
    const setupPath = `/tenants/${contosoSlug}/dr/setup`;
    const form = {
      resourceGroup: "ContosoRecoveryGroup",
      storageAccount: "contosodrstore1",
      vnetName: "Contoso-DR-VNet",
      addressSpace: "10.30.0.0/16",
      subnetName: "default",
      subnetPrefix: "10.30.1.0/24",
      policyName: "Contoso-Policy",
      copyFrequencySeconds: 300,
      recoveryPointHours: 2,
      appConsistentHours: 1,
      vmNetworkId: "none-yet",
    };
    expect((await call(tokens.other, "PUT", setupPath, form)).status).toBe(404);
    const fabric = await db.fabric.findFirstOrThrow({ include: { containers: true, networks: true } });
    const blue = fabric.networks.find((n) => n.friendlyName === "BlueNetwork")!;
    await assignCloud(await staffContext(), {
      containerId: fabric.containers.find((c) => c.friendlyName === "Contoso Cloud")!.id,
      tenantSubscriptionId: contosoSubscriptionId,
      vmNetworkIds: [blue.id],
    });
    const assigned = await call(tokens.other, "GET", setupPath);
    expect(assigned.body).toMatchObject({
      isAssigned: true,
      cloud: { name: "Contoso Cloud" },
      setup: null,
      onPremisesNetworks: [{ id: blue.id, name: "BlueNetwork" }],
    });

    await settle();
    const writesBefore = await armWrites();
    const bad = await call(tokens.other, "PUT", setupPath, { ...form, copyFrequencySeconds: 60, vmNetworkId: blue.id });
    expect(bad.body.errors).toEqual([
      { field: "copyFrequencySeconds", message: "Copy frequency is 30 seconds, 5 minutes or 15 minutes." },
    ]);
    const yellow = fabric.networks.find((n) => n.friendlyName === "YellowNetwork")!;
    const theirs = await call(tokens.other, "PUT", setupPath, { ...form, vmNetworkId: yellow.id });
    expect(theirs.status).toBe(400);
    expect((theirs.body.errors as { field: string }[]).map((e) => e.field)).toEqual(["vmNetworkId"]);
    expect(await db.tenantDrSetup.count({ where: { tenant: { slug: contosoSlug } } })).toBe(0);
    expect(await armWrites()).toBe(writesBefore);
    // AcmeCorp's operator is not an owner.
    expect((await call(tokens.operator, "PUT", `/tenants/${slug()}/dr/setup`, form)).status).toBe(403);

    const setup = await call(tokens.other, "PUT", setupPath, { ...form, vmNetworkId: blue.id });
    expect(setup.body).toMatchObject({ kind: "dr.setupTenant", target: { name: "Contoso Cloud DR setup" } });
    expect((await follow(setup, tokens.other)).state).toBe("succeeded");
    expect((await call(tokens.other, "GET", setupPath)).body).toMatchObject({
      setup: { isReady: true, policy: { name: "Contoso-Policy", copyFrequencySeconds: 300, recoveryPointHours: 2 } },
    });
    const rerun = await call(tokens.other, "POST", `${setupPath}/rerun`, { step: "policy" });
    expect((await follow(rerun, tokens.other)).state).toBe("succeeded");
    expect((await call(tokens.other, "POST", `${setupPath}/rerun`, { step: "all" })).status).toBe(400);
  });
});
