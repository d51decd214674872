// First: zod 4 schemas get `.openapi` only when created after @hono/zod-openapi is loaded (the forms' schemas are
// loaded by the fixtures and jobs below before the app).
import "@hono/zod-openapi";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { staffContext, tenant } from "@/test/tenants";
import { lbTenant } from "@/test/network";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import "@/lib/network/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { createApiApp } = await import("./app");
const { issueApiToken } = await import("@/lib/api-tokens/service");
const { subscribeTenantToPlan } = await import("@/lib/tenancy/subscriptions");

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let t: Awaited<ReturnType<typeof lbTenant>>;
let otherSlug: string;
let lbId: string;
const app = createApiApp();
const tokens: Record<string, string> = {};

type Answer = { status: number; headers: Headers; body: Record<string, unknown> & { errors?: unknown[] } };
async function call(token: string, method: string, path: string, body?: unknown, headers = {}) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} } as Answer;
}

/** Polls the operation's URL from the Location header, as a client does, until it has ended. */
async function follow(res: Answer) {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const path = new URL(res.headers.get("location")!).pathname.replace("/api/v1", "");
  for (let i = 0; i < 600; i++) {
    const { body } = await call(tokens.operator, "GET", path);
    if (["succeeded", "failed", "cancelled"].includes(body.state as string)) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} did not end`);
}

const armWrites = async () =>
  (await emu.control.requests({ limit: 5000 })).value.filter((r) => r.method !== "GET").length;
const lbPath = () => `/tenants/${t.ctx.tenantSlug}/load-balancers/${lbId}`;
const read = async () => {
  const res = await call(tokens.reader, "GET", lbPath());
  expect(res.status).toBe(200);
  return res;
};
type Lb = {
  frontends: { name: string; publicIpName: string | null; publicIpAddress: string | null }[];
  probes: { name: string }[];
  rules: { name: string }[];
};

/** The guide's second VIP as a script sends it: JSON numbers, the form's field names. */
const secondVip = {
  publicIpMode: "new",
  publicIpName: "PublicVIP2",
  publicIpSku: "Standard",
  publicIpAllocation: "Static",
  frontendName: "MultiVIPLB-FE2",
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
};

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  t = await lbTenant(emu);
  const other = await tenant();
  const { user } = await staffContext(`owner-${other.slug}@api.test`);
  await waitForOperation(
    (await subscribeTenantToPlan(user, { tenantId: other.id, planId: t.planId, selfService: false })).operationId,
  );
  otherSlug = other.slug;
  const issue = async (tenantId: string, role: "owner" | "operator" | "reader") =>
    (await issueApiToken(t.ctx.user, { name: role, expiresInDays: 90, scope: "tenant", tenantId, role })).token;
  tokens.owner = await issue(t.ctx.tenantId, "owner");
  tokens.operator = await issue(t.ctx.tenantId, "operator");
  tokens.reader = await issue(t.ctx.tenantId, "reader");
  tokens.other = await issue(other.id, "owner");
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("REST API: load balancers", () => {
  it("creates MultiVIPLB, then adds the guide's second VIP with If-Match; GET shows PublicVIP2, FE2, Probe2 and Rule2", async () => {
    const slug = t.ctx.tenantSlug;
    const created = await call(tokens.operator, "POST", `/tenants/${slug}/load-balancers`, {
      tenantSubscriptionId: t.tenantSubscriptionId,
      name: "MultiVIPLB",
      region: "eastus",
      sku: "Standard",
      frontendName: "MultiVIPLB-FE1",
      publicIpName: "PublicVIP1",
      backendPool: "MultiVIPLB-BE",
      memberVmIds: t.vmIds,
      probeName: "Probe1",
      probeProtocol: "Http",
      probePort: 80,
      probePath: "/",
      probeInterval: 5,
      probeCount: 2,
      ruleName: "Rule1",
      ruleProtocol: "Tcp",
      frontendPort: 80,
      backendPort: 80,
    });
    expect(created.body).toMatchObject({ kind: "lb.create", state: "queued" });
    expect(created.headers.get("operation-location")).toBe(created.headers.get("location"));
    expect((await follow(created)).state).toBe("succeeded");
    lbId = (created.body.target as { id: string }).id;

    const list = await call(tokens.reader, "GET", `/tenants/${slug}/load-balancers`);
    expect(list.body).toMatchObject({ count: 1, nextLink: null });
    const before = await read();
    const etag = before.headers.get("etag")!;
    expect(before.body.etag).toBe(etag);
    expect(before.body).toMatchObject({ name: "MultiVIPLB", provisioningState: "Succeeded", sku: "Standard" });
    expect(
      (before.body.backendPools as { members: { vmName: string }[] }[])[0].members.map((m) => m.vmName).sort(),
    ).toEqual(["web-01", "web-02"]);

    const added = await call(tokens.operator, "POST", `${lbPath()}/frontends`, secondVip, { "if-match": etag });
    expect(added.body).toMatchObject({ kind: "lb.addFrontend", target: { name: "MultiVIPLB / MultiVIPLB-FE2" } });
    const done = await follow(added);
    expect(done.state).toBe("succeeded");
    expect((done.steps as { name: string }[]).map((s) => s.name)).toContain("Save with If-Match");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "lb.addFrontend", targetId: lbId } });
    const token = await db.apiToken.findFirstOrThrow({ where: { tenantId: t.ctx.tenantId, role: "operator" } });
    expect(audit.apiTokenId).toBe(token.id);

    const lb = (await read()).body as unknown as Lb & { etag: string };
    expect(lb.etag).not.toBe(etag);
    expect(lb.frontends.find((f) => f.name === "MultiVIPLB-FE2")).toMatchObject({
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
    });

    // The ETag read before the VIP was added is stale now: 412, and nothing is queued.
    const opsBefore = await db.operation.count();
    const stale = await call(
      tokens.operator,
      "PUT",
      `${lbPath()}/probes/Probe2`,
      { probePort: 82 },
      { "if-match": etag },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("PreconditionFailed");
    expect(await db.operation.count()).toBe(opsBefore);
  });

  it("edits a probe, adds, edits and removes a rule, removes a frontend keeping its IP, re-adds it, refreshes: each a 202 that succeeds", async () => {
    const probe = await call(tokens.operator, "PUT", `${lbPath()}/probes/Probe2`, {
      probeProtocol: "Http",
      probePort: 81,
      probePath: "/healthz",
      probeInterval: 10,
      probeCount: 3,
    });
    expect(probe.body.kind).toBe("lb.update");
    expect((await follow(probe)).state).toBe("succeeded");
    expect(((await read()).body as unknown as Lb).probes.find((p) => p.name === "Probe2")).toMatchObject({
      requestPath: "/healthz",
      intervalSeconds: 10,
      probeCount: 3,
    });

    const rule = {
      frontendName: "MultiVIPLB-FE2",
      probeChoice: "Probe2",
      probeName: "Probe2",
      ruleName: "Rule3",
      frontendPort: 8080,
      backendPort: 8080,
      backendPool: "MultiVIPLB-BE",
    };
    const etag = (await read()).headers.get("etag")!;
    const once = { "if-match": etag, "idempotency-key": "add-rule3" };
    const addedRule = await call(tokens.operator, "POST", `${lbPath()}/rules`, rule, once);
    // A retry with the same key replays the first answer, though the ETag is stale by now: one rule, one operation.
    const retried = await call(tokens.operator, "POST", `${lbPath()}/rules`, rule, once);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(retried.body.id).toBe(addedRule.body.id);
    expect((await follow(addedRule)).state).toBe("succeeded");
    const edited = await call(tokens.operator, "PUT", `${lbPath()}/rules/Rule3`, {
      ...rule,
      frontendPort: 8081,
      idleTimeout: 10,
    });
    expect((await follow(edited)).state).toBe("succeeded");
    expect(((await read()).body as unknown as Lb).rules.find((r) => r.name === "Rule3")).toMatchObject({
      frontendPort: 8081,
      idleTimeoutMinutes: 10,
    });
    expect((await follow(await call(tokens.operator, "DELETE", `${lbPath()}/rules/Rule3`))).state).toBe("succeeded");

    // Removed with its public IP kept, the address is offered to a new frontend, which takes it back.
    const removed = await call(tokens.operator, "DELETE", `${lbPath()}/frontends/MultiVIPLB-FE2?publicIp=keep`);
    expect(removed.body.kind).toBe("lb.removeFrontend");
    expect((await follow(removed)).state).toBe("succeeded");
    const lb = (await read()).body as unknown as Lb;
    expect(lb.frontends.map((f) => f.name)).toEqual(["MultiVIPLB-FE1"]);
    expect(lb.rules.map((r) => r.name)).toEqual(["Rule1"]);
    const only = await call(tokens.operator, "DELETE", `${lbPath()}/frontends/MultiVIPLB-FE1`);
    expect(only.status).toBe(409);
    const options = await call(tokens.reader, "GET", `${lbPath()}/public-ip-options`);
    const kept = (options.body.value as { id: string; name: string }[]).find((o) => o.name === "PublicVIP2")!;
    expect(kept).toMatchObject({ ipAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/), sku: "Standard" });
    const readded = await call(tokens.operator, "POST", `${lbPath()}/frontends`, {
      ...secondVip,
      publicIpMode: "existing",
      publicIpName: undefined,
      existingPublicIpId: kept.id,
    });
    expect((await follow(readded)).state).toBe("succeeded");
    expect(((await read()).body as unknown as Lb).frontends.find((f) => f.name === "MultiVIPLB-FE2")).toMatchObject({
      publicIpName: "PublicVIP2",
    });
    expect((await call(tokens.reader, "GET", `${lbPath()}/public-ip-options`)).body.value).toEqual([]);

    expect((await follow(await call(tokens.operator, "POST", `${lbPath()}/refresh`))).state).toBe("succeeded");
    const all = await call(tokens.operator, "POST", `/tenants/${t.ctx.tenantSlug}/load-balancers/refresh`, {
      tenantSubscriptionId: t.tenantSubscriptionId,
    });
    expect((await follow(all)).state).toBe("succeeded");
  });

  it("refuses bad input and conflicts with 400 naming each field, writes nothing and calls no Azure API", async () => {
    const running = await db.operation.findMany({ where: { state: { in: ["queued", "running"] } } });
    await Promise.all(running.map((op) => waitForOperation(op.id)));
    const opsBefore = await db.operation.count();
    const ipsBefore = await db.publicIpAddress.count();
    const writesBefore = await armWrites();
    const path = `${lbPath()}/frontends`;

    const types = await call(tokens.operator, "POST", path, { ...secondVip, probePort: 70000, probeInterval: 2 });
    expect(types.status).toBe(400);
    expect(types.headers.get("content-type")).toBe("application/problem+json");
    expect(types.body.errors).toEqual(
      expect.arrayContaining([
        { field: "probePort", message: "The probe port is 1–65535." },
        { field: "probeInterval", message: expect.stringMatching(/^The probe interval is 5–/) },
      ]),
    );
    const noIpName = await call(tokens.operator, "POST", path, { ...secondVip, publicIpName: "" });
    expect(noIpName.body.errors).toEqual([{ field: "publicIpName", message: "Name the new public IP address." }]);
    const hostile = await call(tokens.operator, "POST", path, { ...secondVip, frontendName: "FE\u202E2" });
    expect(hostile.status).toBe(400);
    expect((hostile.body.errors as { field: string }[]).map((e) => e.field)).toContain("frontendName");
    // Frontend port 80 with TCP on FE1 is Rule1's already: caught before any ARM call.
    const clash = await call(tokens.operator, "POST", `${lbPath()}/rules`, {
      frontendName: "MultiVIPLB-FE1",
      probeChoice: "Probe1",
      probeName: "Probe1",
      ruleName: "Rule9",
      frontendPort: 80,
      backendPort: 8080,
      backendPool: "MultiVIPLB-BE",
    });
    expect(clash.status).toBe(400);
    expect((clash.body.errors as { field: string }[]).map((e) => e.field)).toContain("frontendPort");

    // Hostile ids name nothing (404) and a hostile body field is named (400): never a database error.
    for (const path of ["%00", "a%E2%80%AEb"].map((id) => `/tenants/${t.ctx.tenantSlug}/load-balancers/${id}`)) {
      expect((await call(tokens.operator, "GET", path)).status, path).toBe(404);
      expect((await call(tokens.operator, "POST", `${path}/refresh`)).status, path).toBe(404);
    }
    const nul = await call(tokens.operator, "POST", `/tenants/${t.ctx.tenantSlug}/load-balancers/refresh`, {
      tenantSubscriptionId: "ts\u0000",
    });
    expect((nul.body.errors as { field: string }[]).map((e) => e.field)).toEqual(["tenantSubscriptionId"]);

    expect(await db.operation.count()).toBe(opsBefore);
    expect(await db.publicIpAddress.count()).toBe(ipsBefore);
    expect(await armWrites()).toBe(writesBefore);
  });

  it("hides another tenant's load balancer behind 404s and refuses a reader's changes with 403", async () => {
    for (const [method, path] of [
      ["GET", `/tenants/${otherSlug}/load-balancers/${lbId}`],
      ["POST", `/tenants/${otherSlug}/load-balancers/${lbId}/refresh`],
      ["DELETE", `/tenants/${otherSlug}/load-balancers/${lbId}/rules/Rule1`],
      ["GET", lbPath()],
    ] as const) {
      const res = await call(tokens.other, method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("MultiVIPLB");
    }
    const theirs = await call(tokens.other, "GET", `/tenants/${otherSlug}/load-balancers`);
    expect(theirs.body).toMatchObject({ count: 0, value: [] });

    const opsBefore = await db.operation.count();
    for (const [method, path, body] of [
      ["POST", `${lbPath()}/frontends`, secondVip],
      ["PUT", `${lbPath()}/probes/Probe1`, { probePort: 80 }],
      ["DELETE", `${lbPath()}/rules/Rule1`, undefined],
      ["POST", `${lbPath()}/refresh`, undefined],
    ] as const) {
      const res = await call(tokens.reader, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.detail).toBe(`This needs the operator role in ${t.ctx.tenantName}.`);
    }
    expect(await db.operation.count()).toBe(opsBefore);
  });
});

describe("REST API: plans a tenant subscribes to", () => {
  it("lists the public plans and lets an owner subscribe (202, the subscription provisioned); never a private plan", async () => {
    const slug = t.ctx.tenantSlug;
    const plans = await call(tokens.reader, "GET", `/tenants/${slug}/plans`);
    expect(plans.status).toBe(200);
    expect(plans.body.value).toEqual([
      expect.objectContaining({ id: t.planId, subscribed: 1, quotas: expect.objectContaining({ quotaPublicIps: 10 }) }),
    ]);

    const operator = await call(tokens.operator, "POST", `/tenants/${slug}/subscriptions`, { planId: t.planId });
    expect(operator.status).toBe(403);
    expect(await call(tokens.owner, "POST", `/tenants/${slug}/subscriptions`, {})).toMatchObject({
      status: 400,
      body: { errors: [{ field: "planId", message: "Choose a plan." }] },
    });
    // The provider takes the plan private: a tenant can no longer subscribe to it on its own.
    await db.plan.update({ where: { id: t.planId }, data: { state: "private" } });
    try {
      const refused = await call(tokens.owner, "POST", `/tenants/${slug}/subscriptions`, { planId: t.planId });
      expect(refused.body.errors).toEqual([{ field: "planId", message: "Choose one of the plans offered to you." }]);
      expect((await call(tokens.reader, "GET", `/tenants/${slug}/plans`)).body.value).toEqual([]);
    } finally {
      await db.plan.update({ where: { id: t.planId }, data: { state: "public" } });
    }
    expect(await db.tenantSubscription.count({ where: { tenantId: t.ctx.tenantId } })).toBe(1);

    const res = await call(tokens.owner, "POST", `/tenants/${slug}/subscriptions`, { planId: t.planId, name: "Web" });
    expect(res.body).toMatchObject({ kind: "tenantSubscription.provision", target: { type: "TenantSubscription" } });
    expect((await follow(res)).state).toBe("succeeded");
    const mine = await call(tokens.reader, "GET", `/tenants/${slug}/subscriptions`);
    expect((mine.body.value as { name: string }[]).map((s) => s.name)).toContain("Web");
    const other = await call(tokens.other, "GET", `/tenants/${otherSlug}/subscriptions`);
    expect((other.body.value as { name: string }[]).map((s) => s.name)).not.toContain("Web");
  });
});
