import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { linuxVm, vmTenant } from "@/test/vms";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { createApiApp } = await import("./app");
const { issueApiToken } = await import("@/lib/api-tokens/service");
const { apiCaller, armWriteCount, secondTenant, staffToken, tenantToken } = await import("./testing");
const { createPortalClient } = await import("./client");

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let a: Awaited<ReturnType<typeof vmTenant>>;
let b: Awaited<ReturnType<typeof vmTenant>>;
const app = createApiApp();
const tokens: Record<string, string> = {};

const call = apiCaller(app);

/** Polls the operation's URL from the Location header, as a client does, until it has ended. */
async function follow(token: string, location: string) {
  const path = new URL(location).pathname.replace("/api/v1", "");
  for (let i = 0; i < 600; i++) {
    const { body } = await call(token, "GET", path);
    if (["succeeded", "failed", "cancelled"].includes(body.state as string)) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${location} did not end`);
}

const armWrites = () => armWriteCount(emu);

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  a = await vmTenant(emu);
  b = await secondTenant(a.planId);
  tokens.operator = (await tenantToken(a, "operator")).token;
  tokens.reader = (await tenantToken(a, "reader")).token;
  tokens.other = (await tenantToken(b, "owner")).token;
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("REST API: VMs", () => {
  it("creates a VM with 202 + Location, and the operation reaches succeeded with its steps; audit names the token", async () => {
    const slug = a.ctx.tenantSlug;
    const subs = await call(tokens.reader, "GET", `/tenants/${slug}/subscriptions`);
    expect(subs.body.value).toEqual([
      expect.objectContaining({ id: a.tenantSubscriptionId, quota: expect.any(Object) }),
    ]);
    const res = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, linuxVm(a.tenantSubscriptionId, "api-01"));
    expect(res.status).toBe(202);
    const location = res.headers.get("location")!;
    expect(res.headers.get("operation-location")).toBe(location);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const [op] = res.body.operations as { id: string; kind: string; state: string }[];
    expect(op).toMatchObject({ kind: "vm.create", state: "queued" });
    expect(new URL(location).pathname).toBe(`/api/v1/tenants/${slug}/operations/${op.id}`);

    const done = await follow(tokens.operator, location);
    expect(done.state).toBe("succeeded");
    expect((done.steps as { name: string; state: string }[]).map((s) => s.state)).not.toContain("failed");
    expect((done.steps as { requestId: string | null }[]).some((s) => s.requestId)).toBe(true);

    const vmId = (res.body.vms as { id: string }[])[0].id;
    const vm = await call(tokens.reader, "GET", `/tenants/${slug}/vms/${vmId}`);
    expect(vm.body).toMatchObject({ name: "api-01", provisioningState: "Succeeded", powerState: "running" });
    expect(JSON.stringify(vm.body)).not.toContain("Correct-Horse-42!");
    const connect = await call(tokens.reader, "GET", `/tenants/${slug}/vms/${vmId}/connect`);
    expect(connect.body).toMatchObject({ method: "ssh", command: `ssh azureops@${vm.body.publicIp}` });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vm.create", targetId: vmId } });
    const token = await db.apiToken.findFirstOrThrow({ where: { tenantId: a.ctx.tenantId, role: "operator" } });
    expect(audit.apiTokenId).toBe(token.id);
  });

  it("replays the first answer for the same Idempotency-Key and body, and never creates a second VM", async () => {
    const slug = a.ctx.tenantSlug;
    const body = linuxVm(a.tenantSubscriptionId, "idem-01", { publicIp: false });
    const key = { "idempotency-key": "create-idem-01" };
    const first = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, body, key);
    const again = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, body, key);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect((again.body.operations as { id: string }[])[0].id).toBe((first.body.operations as { id: string }[])[0].id);
    expect(await db.virtualMachine.count({ where: { tenantId: a.ctx.tenantId, name: "idem-01" } })).toBe(1);

    const other = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, { ...body, name: "idem-02" }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("IdempotencyKeyReused");
    expect(await db.virtualMachine.count({ where: { tenantId: a.ctx.tenantId, name: "idem-02" } })).toBe(0);
  });

  it("answers 409 to a duplicate sent while the first request with that key is still running", async () => {
    const token = await db.apiToken.findFirstOrThrow({ where: { tenantId: a.ctx.tenantId, role: "operator" } });
    const slug = a.ctx.tenantSlug;
    const body = linuxVm(a.tenantSubscriptionId, "busy-01");
    const path = `/api/v1/tenants/${slug}/vms`;
    const { createHash } = await import("node:crypto");
    const requestHash = createHash("sha256")
      .update(`POST ${path}\n${JSON.stringify(body)}`)
      .digest("hex");
    await db.apiIdempotencyKey.create({ data: { tokenId: token.id, key: "in-flight", requestHash } });
    const res = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, body, { "idempotency-key": "in-flight" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("IdempotencyKeyInFlight");
    expect(await db.virtualMachine.count({ where: { name: "busy-01" } })).toBe(0);
  });

  it("refuses bad input with 400 naming each field, writes nothing and calls no Azure API", async () => {
    const slug = a.ctx.tenantSlug;
    // Let the earlier tests' operations finish, so any ARM write from here on would be this test's.
    const running = await db.operation.findMany({ where: { state: { in: ["queued", "running"] } } });
    await Promise.all(running.map((op) => waitForOperation(op.id)));
    const vmsBefore = await db.virtualMachine.count();
    const opsBefore = await db.operation.count();
    const writesBefore = await armWrites();
    const bad = { ...linuxVm(a.tenantSubscriptionId, "Bad Name!"), adminPassword: "short", count: 51, region: 7 };
    const res = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, bad);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ status: 400, code: "InvalidInput", title: "Bad Request" });
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["region", "count"]));
    const plan = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, {
      ...linuxVm(a.tenantSubscriptionId, "plan-01"),
      size: "Standard_M416ms_v2",
    });
    expect(plan.status).toBe(400);
    expect(plan.body.errors).toEqual([{ field: "size", message: "Your plan does not offer this size." }]);
    const notJson = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, "{not json");
    expect(notJson.status).toBe(400);
    const badPage = await call(tokens.reader, "GET", `/tenants/${slug}/vms?top=500`);
    expect(badPage.body.errors).toEqual([{ field: "top", message: "top is at most 200." }]);
    expect(await db.virtualMachine.count()).toBe(vmsBefore);
    expect(await db.operation.count()).toBe(opsBefore);
    expect(await armWrites()).toBe(writesBefore);
  });

  it("serves the typed client generated from the document", async () => {
    const api = createPortalClient({
      baseUrl: "http://portal.test",
      token: tokens.reader,
      fetch: async (r) => app.fetch(r),
    });
    const tenant = a.ctx.tenantSlug;
    const { data } = await api.GET("/api/v1/tenants/{tenant}/vms", {
      params: { path: { tenant }, query: { search: "api-01", top: 10 } },
    });
    expect(data?.value.map((vm) => vm.name)).toEqual(["api-01"]);
    const { error, response } = await api.POST("/api/v1/tenants/{tenant}/vms/{vmId}/restart", {
      params: { path: { tenant, vmId: data!.value[0].id } },
    });
    expect(response.status).toBe(403);
    expect(error?.code).toBe("Forbidden");
  });

  it("pages with top and an opaque nextLink", async () => {
    const slug = a.ctx.tenantSlug;
    const first = await call(tokens.reader, "GET", `/tenants/${slug}/vms?top=1`);
    expect(first.status).toBe(200);
    expect(first.body.count).toBeGreaterThanOrEqual(2);
    expect((first.body.value as unknown[]).length).toBe(1);
    const next = new URL(first.body.nextLink as string);
    const second = await call(tokens.reader, "GET", `/tenants/${slug}/vms${next.search}`);
    expect((second.body.value as { id: string }[])[0].id).not.toBe((first.body.value as { id: string }[])[0].id);
    const forged = await call(tokens.reader, "GET", `/tenants/${slug}/vms?$skipToken=abc`);
    expect(forged.status).toBe(400);
    const ops = await call(tokens.reader, "GET", `/tenants/${slug}/operations?kind=vm.create&top=200`);
    expect((ops.body.value as { kind: string }[]).every((o) => o.kind === "vm.create")).toBe(true);
  });
});

describe("REST API: who may do what", () => {
  it("401s without a token, with an unknown, revoked or expired one", async () => {
    const slug = a.ctx.tenantSlug;
    const none = await call(null, "GET", `/tenants/${slug}/vms`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await call("azp_000000000000_" + "A".repeat(43), "GET", `/tenants/${slug}/vms`)).status).toBe(401);

    const revoked = await issueApiToken(a.ctx.user, {
      name: "r",
      expiresInDays: 1,
      scope: "tenant",
      tenantId: a.ctx.tenantId,
      role: "owner",
    });
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const r = await call(revoked.token, "GET", `/tenants/${slug}/vms`);
    expect(r.status).toBe(401);
    expect(r.body.detail).toBe("This API token has been revoked.");

    const expired = await issueApiToken(a.ctx.user, {
      name: "e",
      expiresInDays: 1,
      scope: "tenant",
      tenantId: a.ctx.tenantId,
      role: "owner",
    });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(expired.token, "GET", `/tenants/${slug}/vms`)).status).toBe(401);
  });

  it("hides another tenant's VMs, operations and slug behind 404s", async () => {
    const vm = await db.virtualMachine.findFirstOrThrow({ where: { tenantId: a.ctx.tenantId } });
    const op = await db.operation.findFirstOrThrow({ where: { tenantId: a.ctx.tenantId } });
    const own = b.ctx.tenantSlug;
    for (const path of [
      `/tenants/${own}/vms/${vm.id}`,
      `/tenants/${own}/operations/${op.id}`,
      `/tenants/${a.ctx.tenantSlug}/vms`,
      `/tenants/${a.ctx.tenantSlug}/vms/${vm.id}`,
      `/operations/${op.id}`,
    ]) {
      const res = await call(tokens.other, "GET", path);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(vm.name);
    }
    const stop = await call(tokens.other, "POST", `/tenants/${own}/vms/${vm.id}/stop`);
    expect(stop.status).toBe(404);
    const denied = await db.auditEvent.findFirst({ where: { action: "access.object", targetId: vm.id } });
    expect(denied?.apiTokenId).toBeTruthy();
    const foreign = await db.auditEvent.findFirst({ where: { action: "access.tenant", tenantId: a.ctx.tenantId } });
    expect(foreign).toMatchObject({ outcome: "denied", apiTokenId: expect.any(String) });
  });

  it("refuses a reader's changes with 403 and lets a suspended tenant read but not write", async () => {
    const slug = a.ctx.tenantSlug;
    const body = linuxVm(a.tenantSubscriptionId, "reader-01");
    const reader = await call(tokens.reader, "POST", `/tenants/${slug}/vms`, body);
    expect(reader.status).toBe(403);
    expect(reader.body.detail).toBe(`This needs the operator role in ${a.ctx.tenantName}.`);

    await db.tenant.update({ where: { id: a.ctx.tenantId }, data: { state: "suspended" } });
    try {
      expect((await call(tokens.operator, "GET", `/tenants/${slug}/vms`)).status).toBe(200);
      const write = await call(tokens.operator, "POST", `/tenants/${slug}/vms`, body);
      expect(write.status).toBe(403);
      expect(write.body.detail).toBe(
        `${a.ctx.tenantName} is suspended: changes are disabled until your provider reactivates it.`,
      );
    } finally {
      await db.tenant.update({ where: { id: a.ctx.tenantId }, data: { state: "active" } });
    }
    expect(await db.virtualMachine.count({ where: { name: "reader-01" } })).toBe(0);
  });

  it("answers 429 with Retry-After once a token's bucket is empty", async () => {
    const limited = createApiApp({ rateLimit: { burst: 2, perSecond: 0.5 } });
    const get = () =>
      limited.request(`/api/v1/tenants/${a.ctx.tenantSlug}/operations?top=1`, {
        headers: { authorization: `Bearer ${tokens.reader}` },
      });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).code).toBe("TooManyRequests");
    // Another token has its own bucket.
    const other = await limited.request(`/api/v1/tenants/${b.ctx.tenantSlug}/vms`, {
      headers: { authorization: `Bearer ${tokens.other}` },
    });
    expect(other.status).toBe(200);
  });
});

describe("REST API: VM changes and provider operations", () => {
  it("stops and starts a VM and adds and removes a data disk, each a 202 whose operation succeeds", async () => {
    const slug = a.ctx.tenantSlug;
    const vm = await db.virtualMachine.findFirstOrThrow({ where: { tenantId: a.ctx.tenantId, name: "api-01" } });
    const path = `/tenants/${slug}/vms/${vm.id}`;
    const stop = await call(tokens.operator, "POST", `${path}/stop`);
    expect(stop.status).toBe(202);
    expect(stop.body.kind).toBe("vm.stop");
    expect((await follow(tokens.operator, stop.headers.get("location")!)).state).toBe("succeeded");
    const again = await call(tokens.operator, "POST", `${path}/stop`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe("api-01 is already stopped (deallocated).");

    const disk = await call(tokens.operator, "POST", `${path}/data-disks`, { sizeGb: 2 });
    expect(disk.body.errors).toEqual([{ field: "sizeGb", message: "Data disks are at least 4 GiB." }]);
    const added = await call(tokens.operator, "POST", `${path}/data-disks`, { sizeGb: 64 });
    expect((await follow(tokens.operator, added.headers.get("location")!)).state).toBe("succeeded");
    expect((await call(tokens.reader, "GET", path)).body.dataDisks).toEqual([{ lun: 0, sizeGb: 64 }]);
    const removed = await call(tokens.operator, "DELETE", `${path}/data-disks/0`);
    expect((await follow(tokens.operator, removed.headers.get("location")!)).state).toBe("succeeded");

    const start = await call(tokens.operator, "POST", `${path}/start`);
    expect((await follow(tokens.operator, start.headers.get("location")!)).state).toBe("succeeded");
    expect((await call(tokens.reader, "GET", path)).body).toMatchObject({ powerState: "running", dataDisks: [] });
  });

  it("gives provider tokens every tenant's operations with the console's filters; only admins cancel and retry", async () => {
    const helpdesk = (await staffToken("helpdesk")).token;
    const admin = (await staffToken("admin")).token;

    const list = await call(helpdesk, "GET", `/operations?tenant=${a.ctx.tenantSlug}&kind=vm.create&state=succeeded`);
    expect(list.status).toBe(200);
    const rows = list.body.value as { kind: string; tenant: { slug: string }; href: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((o) => o.kind === "vm.create" && o.tenant.slug === a.ctx.tenantSlug)).toBe(true);
    expect(rows[0].href).toMatch(/^\/api\/v1\/operations\//);
    const other = await call(helpdesk, "GET", `/operations?tenant=${b.ctx.tenantSlug}&kind=vm.create`);
    expect(other.body.count).toBe(0);

    const id = rows[0].href.split("/").at(-1)!;
    const one = await call(helpdesk, "GET", `/operations/${id}`);
    expect(one.body).toMatchObject({ id, state: "succeeded", error: null });
    expect((one.body.steps as unknown[]).length).toBeGreaterThan(0);

    const refused = await call(helpdesk, "POST", `/operations/${id}/retry`);
    expect(refused.status).toBe(403);
    const done = await call(admin, "POST", `/operations/${id}/retry`);
    expect(done.status).toBe(409);
    expect(done.body.detail).toBe("Only a failed operation can be retried.");
    const cancel = await call(admin, "POST", `/operations/${id}/cancel`);
    expect(cancel.body.detail).toBe("This operation has already succeeded; there is nothing to cancel.");
    // A tenant token does not see the provider's list at all.
    expect((await call(tokens.operator, "GET", "/operations")).status).toBe(404);
  });
});
