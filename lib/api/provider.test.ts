import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { staffContext } from "@/test/tenants";
import { vmTenant } from "@/test/vms";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { createApiApp, openApiDocument } = await import("./app");
const { issueApiToken } = await import("@/lib/api-tokens/service");
const { verifyPassword } = await import("@/lib/crypto/password");

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let a: Awaited<ReturnType<typeof vmTenant>>;
const app = createApiApp();
const tokens: Record<"admin" | "helpdesk" | "tenant", string> = { admin: "", helpdesk: "", tenant: "" };
let adminTokenId = "";

type Answer = { status: number; headers: Headers; body: Record<string, unknown> & { errors?: unknown[] } };
async function call(token: string | null, method: string, path: string, body?: unknown, headers = {}) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} } as Answer;
}
const admin = (method: string, path: string, body?: unknown, headers = {}) =>
  call(tokens.admin, method, path, body, headers);

/** A 202's operation, followed through its Location as a client would, until it has ended. */
async function follow(res: Answer) {
  expect(res.status).toBe(202);
  const location = res.headers.get("location")!;
  expect(res.headers.get("operation-location")).toBe(location);
  expect(new URL(location).pathname).toBe(`/api/v1/operations/${res.body.id}`);
  await waitForOperation(res.body.id as string);
  const op = await admin("GET", new URL(location).pathname.replace("/api/v1", ""));
  return op.body as { state: string; kind: string; errorCode: string | null; target: { id: string } };
}

function onboardBody(appId: string, subscriptionId: string, displayName: string) {
  const p = emu.principal(appId);
  return {
    displayName,
    cloud: "Custom",
    armEndpoint: emu.emulator.url,
    authorityHost: emu.emulator.url,
    caCertificate: emu.emulator.caPem,
    directoryId: p.tenantId,
    subscriptionId,
    clientId: p.appId,
    clientSecret: p.secret,
  };
}

/**
 * The rest of the test reads the emulator's ARM lists in pages of 100. A validation reads Azure's 1,144 resource SKUs
 * and its usages: about 510 requests in the test emulator's pages of 3 (~2 s of CPU). The first onboarding here pages
 * through them as every test emulator does (so does lib/subscriptions/validate.test.ts); the validations after it
 * (a rotated secret, an enabled subscription, registered providers, a plan's subscription) read the same lists again.
 * Nothing else lists meanwhile: the file's tests run one at a time.
 */
async function pagesOf100() {
  const { pageSize } = await emu.control.getConfig();
  await emu.control.setConfig({ pageSize: 100 });
  onTestFinished(async () => {
    await emu.control.setConfig({ pageSize: pageSize as number });
  });
}

const armWrites = async () =>
  (await emu.control.requests({ limit: 5000 })).value.filter((r) => r.method !== "GET").length;
const rowCounts = async () => ({
  subscriptions: await db.azureSubscription.count(),
  plans: await db.plan.count(),
  tenants: await db.tenant.count(),
  memberships: await db.membership.count(),
  users: await db.user.count(),
  operations: await db.operation.count(),
  tenantSubscriptions: await db.tenantSubscription.count(),
  regions: await db.allowedRegion.count(),
});

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  a = await vmTenant(emu);
  const { user } = await staffContext("admin@provider-api.test");
  const issuedAdmin = await issueApiToken(user, { name: "billing", expiresInDays: 90, scope: "admin" });
  tokens.admin = issuedAdmin.token;
  adminTokenId = issuedAdmin.id;
  tokens.helpdesk = (await issueApiToken(user, { name: "console", expiresInDays: 90, scope: "helpdesk" })).token;
  tokens.tenant = (
    await issueApiToken(a.ctx.user, {
      name: "owner",
      expiresInDays: 90,
      scope: "tenant",
      tenantId: a.ctx.tenantId,
      role: "owner",
    })
  ).token;
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("REST API: Azure subscriptions", () => {
  it("onboards, reads, rotates the secret (never echoed), disables, enables and deletes a subscription", async () => {
    const body = onboardBody(SEED.apps.contoso, SEED.subscriptions.contoso, "Contoso CSP");
    const secret = body.clientSecret;
    const onboarded = await follow(await admin("POST", "/provider/azure-subscriptions", body));
    expect(onboarded).toMatchObject({ kind: "subscription.validate", state: "succeeded" });
    const id = onboarded.target.id;

    const detail = await admin("GET", `/provider/azure-subscriptions/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id, displayName: "Contoso CSP", state: "active", cloud: "Custom", plan: null });
    expect(detail.body).toMatchObject({ credentialKind: "secret", certificate: null });
    expect((detail.body.validation as { ok: boolean }).ok).toBe(true);
    expect(JSON.stringify(detail.body)).not.toContain(secret);
    const list = await admin("GET", "/provider/azure-subscriptions?search=contoso&state=active");
    expect(list.body.value).toMatchObject([{ id, credentialKind: "secret", certificate: null }]);

    await pagesOf100();
    const rotated = await admin("POST", `/provider/azure-subscriptions/${id}/rotate-secret`, { clientSecret: secret });
    expect(JSON.stringify(rotated.body)).not.toContain(secret);
    expect(await follow(rotated)).toMatchObject({ kind: "subscription.validate", state: "succeeded" });
    const sealed = await db.azureSubscription.findUniqueOrThrow({ where: { id } });
    expect(sealed.clientSecretEnc).not.toContain(secret);

    const disabled = await admin("POST", `/provider/azure-subscriptions/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.state).toBe("disabled");
    const refused = await admin("POST", `/provider/azure-subscriptions/${id}/validate`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("Enable the subscription before validating it.");
    // A disabled subscription keeps a new secret without validating it: 200 with the subscription, no operation.
    const kept = await admin("POST", `/provider/azure-subscriptions/${id}/rotate-secret`, { clientSecret: secret });
    expect(kept.status).toBe(200);
    expect(kept.body.state).toBe("disabled");
    expect(await follow(await admin("POST", `/provider/azure-subscriptions/${id}/enable`))).toMatchObject({
      state: "succeeded",
    });
    expect((await admin("GET", `/provider/azure-subscriptions/${id}`)).body.state).toBe("active");
    const nothingMissing = await admin("POST", `/provider/azure-subscriptions/${id}/register-providers`);
    expect(nothingMissing.status).toBe(409);
    expect(nothingMissing.body.detail).toBe("Every required resource provider is already registered.");

    const deleted = await admin("DELETE", `/provider/azure-subscriptions/${id}`);
    expect(deleted.status).toBe(204);
    expect((await admin("GET", `/provider/azure-subscriptions/${id}`)).status).toBe(404);
    const audit = await db.auditEvent.findMany({ where: { targetId: id }, select: { action: true, apiTokenId: true } });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["subscription.onboard", "subscription.rotateSecret", "subscription.delete"]),
    );
    expect(audit.every((e) => e.apiTokenId === adminTokenId)).toBe(true);
  });

  it("registers the resource providers a validation found missing, then validates again", async () => {
    await pagesOf100();
    const body = onboardBody(SEED.apps.provider, SEED.subscriptions.unregistered, "Unregistered");
    const validated = await follow(await admin("POST", "/provider/azure-subscriptions", body));
    const id = validated.target.id;
    const before = await admin("GET", `/provider/azure-subscriptions/${id}`);
    expect((before.body.validation as { unregisteredProviders: string[] }).unregisteredProviders).toContain(
      "Microsoft.Compute",
    );
    const registered = await follow(await admin("POST", `/provider/azure-subscriptions/${id}/register-providers`));
    expect(registered).toMatchObject({ kind: "subscription.registerProviders", state: "succeeded" });
    const latest = await db.operation.findFirstOrThrow({
      where: { targetId: id, kind: "subscription.validate" },
      orderBy: { createdAt: "desc" },
    });
    await waitForOperation(latest.id);
    const after = await admin("GET", `/provider/azure-subscriptions/${id}`);
    expect(after.body.state).toBe("active");
    expect((after.body.validation as { unregisteredProviders: string[] }).unregisteredProviders).toEqual([]);
  });

  it("refuses a bad onboarding body with 400 naming each field, writing nothing and calling no Azure API", async () => {
    const before = await rowCounts();
    const writes = await armWrites();
    const res = await admin("POST", "/provider/azure-subscriptions", {
      ...onboardBody(SEED.apps.acme, SEED.subscriptions.acme, "Acme"),
      subscriptionId: "not-a-guid",
      armEndpoint: "http://insecure.example",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: "subscriptionId",
          message: "The subscription id must be a GUID like 00000000-0000-0000-0000-000000000000.",
        },
        { field: "armEndpoint", message: "Azure endpoints are served over https." },
      ]),
    );
    const nul = await admin("POST", "/provider/azure-subscriptions", {
      ...onboardBody(SEED.apps.acme, SEED.subscriptions.acme, "Acme\u0000"),
    });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([
      {
        field: "displayName",
        message: "Remove the control characters (such as NUL or text-direction marks) from this field.",
      },
    ]);
    expect(await rowCounts()).toEqual(before);
    expect(await armWrites()).toBe(writes);
  });
});

describe("REST API: regions and plans", () => {
  it("reads and replaces the allowed regions, refusing one no active subscription offers", async () => {
    const read = await admin("GET", "/provider/regions");
    expect(read.status).toBe(200);
    const discovered = (read.body.discovered as { name: string }[]).map((r) => r.name);
    expect(discovered).toEqual(expect.arrayContaining(["eastus", "westus"]));
    const refused = await admin("PUT", "/provider/regions", { regions: ["eastus", "marsnorth"] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: "regions",
        message: "No active Azure subscription offers marsnorth. Choose from the discovered regions.",
      },
    ]);
    const bad = await admin("PUT", "/provider/regions", { regions: ["East US!"] });
    expect(bad.body.errors).toEqual([
      { field: "regions.0", message: "Region names are Azure's short names, like westeurope." },
    ]);
    const missing = await admin("PUT", "/provider/regions", {});
    expect(missing.body.errors).toEqual([{ field: "regions", message: "This field is required." }]);
    const saved = await admin("PUT", "/provider/regions", { regions: ["westus", "eastus", "EastUS"] });
    expect(saved.status).toBe(200);
    expect((saved.body.allowed as { name: string }[]).map((r) => r.name).sort()).toEqual(["eastus", "westus"]);
  });

  it("creates a plan, updates it with If-Match, refuses a stale If-Match with 412 changing nothing, retires and deletes it", async () => {
    await pagesOf100();
    const onboarded = await follow(
      await admin(
        "POST",
        "/provider/azure-subscriptions",
        onboardBody(SEED.apps.acme, SEED.subscriptions.acme, "Acme"),
      ),
    );
    const subscriptionId = onboarded.target.id;
    const body = {
      name: "API Gold",
      description: "Made through the API",
      azureSubscriptionId: subscriptionId,
      allowedSizes: ["Standard_D2s_v5"],
      allowedImages: [{ publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" }],
      quotaVms: 5,
      quotaVcpus: 20,
      quotaPublicIps: 2,
      quotaLoadBalancers: 1,
      quotaProtectedVms: 0,
      state: "public",
    };
    const created = await admin("POST", "/provider/plans", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "API Gold", state: "public", offersDr: false });
    const id = created.body.id as string;
    expect(new URL(created.headers.get("location")!).pathname).toBe(`/api/v1/provider/plans/${id}`);
    const read = await admin("GET", `/provider/plans/${id}`);
    const etag = read.headers.get("etag")!;
    expect(etag).toBe(created.headers.get("etag"));

    const { state: _state, ...editable } = body;
    const updated = await admin("PUT", `/provider/plans/${id}`, { ...editable, quotaVms: 8 }, { "if-match": etag });
    expect(updated.status).toBe(200);
    expect((updated.body.quotas as { quotaVms: number }).quotaVms).toBe(8);
    const newEtag = updated.headers.get("etag")!;
    expect(newEtag).not.toBe(etag);

    const row = await db.plan.findUniqueOrThrow({ where: { id } });
    const stale = await admin("PUT", `/provider/plans/${id}`, { ...editable, name: "Stale" }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("PreconditionFailed");
    expect(await db.plan.findUniqueOrThrow({ where: { id } })).toEqual(row);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "plan.update" } })).toBe(1);

    const list = await admin("GET", "/provider/plans?search=API%20Gold");
    expect((list.body.value as { id: string }[]).map((p) => p.id)).toEqual([id]);
    const invalid = await admin("PUT", `/provider/plans/${id}`, { ...editable, quotaVcpus: -1, allowedSizes: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        { field: "quotaVcpus", message: "A quota cannot be negative; use 0 to offer none." },
        { field: "allowedSizes", message: "Choose at least one VM size tenants may use." },
      ]),
    );
    expect(await db.plan.findUniqueOrThrow({ where: { id } })).toEqual(row);

    const retired = await admin("PUT", `/provider/plans/${id}/state`, { state: "retired" }, { "if-match": newEtag });
    expect(retired.status).toBe(200);
    expect(retired.body.state).toBe("retired");
    expect((await admin("DELETE", `/provider/plans/${id}`, undefined, { "if-match": newEtag })).status).toBe(412);
    expect((await admin("DELETE", `/provider/plans/${id}`)).status).toBe(204);
    expect((await admin("GET", `/provider/plans/${id}`)).status).toBe(404);
  });

  it("refuses to delete a plan tenants subscribed to (409, the service's message)", async () => {
    const res = await admin("DELETE", `/provider/plans/${a.planId}`);
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/^1 tenant subscription uses ".*"/);
  });
});

describe("REST API: tenants, members and their plan subscriptions", () => {
  it("creates a tenant with a new owner whose one-time password is returned once, and manages its members", async () => {
    const created = await admin("POST", "/provider/tenants", {
      name: "Fabrikam",
      ownerEmail: "Owner@Fabrikam.test",
      ownerName: "Fabrikam Owner",
    });
    expect(created.status).toBe(201);
    const credential = created.body.credential as { email: string; oneTimePassword: string };
    expect(credential.email).toBe("owner@fabrikam.test");
    const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@fabrikam.test" } });
    expect(owner.passwordHash).not.toContain(credential.oneTimePassword);
    expect(await verifyPassword(owner.passwordHash!, credential.oneTimePassword)).toBe(true);
    const tenant = created.body.tenant as { slug: string; members: { id: string; role: string }[] };
    expect(tenant.slug).toBe("fabrikam");
    const ownerMembership = tenant.members[0].id;
    const path = `/provider/tenants/${tenant.slug}`;

    const list = await admin("GET", "/provider/tenants?search=fabrikam");
    expect(list.body.value).toEqual([expect.objectContaining({ slug: "fabrikam", members: 1, subscriptions: 0 })]);

    const added = await admin("POST", `${path}/members`, { email: "ops@fabrikam.test", name: "Ops", role: "reader" });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ isNewUser: true, member: { email: "ops@fabrikam.test", role: "reader" } });
    const memberId = (added.body.member as { id: string }).id;
    const changed = await admin("PATCH", `${path}/members/${memberId}`, { role: "operator" });
    expect(changed.body).toMatchObject({ id: memberId, role: "operator" });
    const badRole = await admin("PATCH", `${path}/members/${memberId}`, { role: "god" });
    expect(badRole.body.errors).toEqual([{ field: "role", message: "Choose a role." }]);

    // The answer holds a password, which the idempotency store must never keep: the header is refused.
    const hashBefore = (await db.user.findUniqueOrThrow({ where: { email: "ops@fabrikam.test" } })).passwordHash;
    const keyed = await admin("POST", `${path}/members/${memberId}/reset-password`, undefined, {
      "idempotency-key": "reset-1",
    });
    expect(keyed.status).toBe(400);
    expect(keyed.body.code).toBe("IdempotencyKeyNotAccepted");
    expect((await db.user.findUniqueOrThrow({ where: { email: "ops@fabrikam.test" } })).passwordHash).toBe(hashBefore);
    // What the key keeps is this refusal, never a password.
    const stored = await db.apiIdempotencyKey.findMany({ where: { key: "reset-1" } });
    expect(stored.map((k) => k.status)).toEqual([400]);
    const reset = await admin("POST", `${path}/members/${memberId}/reset-password`);
    expect(reset.status).toBe(200);
    const ops = await db.user.findUniqueOrThrow({ where: { email: "ops@fabrikam.test" } });
    expect(await verifyPassword(ops.passwordHash!, reset.body.oneTimePassword as string)).toBe(true);
    expect(ops.passwordMustChange).toBe(true);

    const lastOwner = await admin("DELETE", `${path}/members/${ownerMembership}`);
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.detail).toBe(
      "Fabrikam Owner is the last owner of Fabrikam: make someone else owner before you remove them.",
    );
    expect((await admin("DELETE", `${path}/members/${memberId}`)).status).toBe(204);
    expect((await admin("GET", `${path}/members`)).body.value).toEqual([
      expect.objectContaining({ id: ownerMembership, role: "owner" }),
    ]);
    const staff = await admin("POST", `${path}/members`, { email: "admin@provider-api.test", role: "reader" });
    expect(staff.status).toBe(400);
    expect((staff.body.errors as { field: string }[])[0].field).toBe("email");

    const suspended = await admin("POST", `${path}/suspend`);
    expect(suspended.body.state).toBe("suspended");
    const again = await admin("POST", `${path}/suspend`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe("Fabrikam is already suspended.");
    expect((await admin("POST", `${path}/reactivate`)).body.state).toBe("active");
  });

  it("subscribes a tenant to a plan and cancels it, each a 202 whose operation succeeds", async () => {
    const created = await admin("POST", "/provider/tenants", { name: "Northwind" });
    const slug = (created.body.tenant as { slug: string }).slug;
    const path = `/provider/tenants/${slug}/plan-subscriptions`;
    const unknownPlan = await admin("POST", path, { planId: "nope" });
    expect(unknownPlan.body.errors).toEqual([{ field: "planId", message: "Choose one of the plans offered to you." }]);

    const subscribed = await follow(await admin("POST", path, { planId: a.planId, name: "Production" }));
    expect(subscribed).toMatchObject({ kind: "tenantSubscription.provision", state: "succeeded" });
    const list = await admin("GET", path);
    const [sub] = list.body.value as { id: string; name: string; state: string; lastOperation: { kind: string } }[];
    expect(sub).toMatchObject({ name: "Production", state: "active" });

    const cancelled = await follow(await admin("POST", `${path}/${sub.id}/cancel`));
    expect(cancelled).toMatchObject({ kind: "tenantSubscription.deprovision", state: "succeeded" });
    expect(((await admin("GET", path)).body.value as { state: string }[])[0].state).toBe("cancelled");
    const twice = await admin("POST", `${path}/${sub.id}/cancel`);
    expect(twice.status).toBe(409);
    // Another tenant's subscription id under this tenant is not found.
    const foreign = await admin("POST", `${path}/${a.tenantSubscriptionId}/cancel`);
    expect(foreign.status).toBe(404);
  });

  it("refuses control characters and a bad slug beside their fields, writing nothing", async () => {
    const before = await rowCounts();
    const res = await admin("POST", "/provider/tenants", { name: "Evil\u202Egnp", ownerEmail: "x@y.test" });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: "name",
        message: "Remove the control characters (such as NUL or text-direction marks) from this field.",
      },
    ]);
    const slug = await admin("POST", "/provider/tenants", { name: "Ok", slug: "-bad-" });
    expect((slug.body.errors as { field: string }[]).map((e) => e.field)).toEqual(["slug"]);
    expect((await admin("GET", "/provider/tenants?search=%00")).status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("REST API: the audit log", () => {
  it("lists audit events with the console's filters, paged, naming the token a call was made with", async () => {
    const res = await admin("GET", "/provider/audit-events?action=tenant.create&outcome=success&period=24h&top=1");
    expect(res.status).toBe(200);
    expect(res.body.count).toBeGreaterThanOrEqual(2);
    const [first] = res.body.value as { action: string; apiTokenId: string; actorEmail: string }[];
    expect(first).toMatchObject({ action: "tenant.create", apiTokenId: adminTokenId });
    expect(first.actorEmail).toBe("admin@provider-api.test");
    const next = await admin("GET", `/provider/audit-events${new URL(res.body.nextLink as string).search}`);
    expect((next.body.value as { id: string }[])[0].id).not.toBe((res.body.value as { id: string }[])[0].id);
    const search = await admin("GET", "/provider/audit-events?search=fabrikam&action=tenant.create");
    expect((search.body.value as { target: { name: string } }[]).map((e) => e.target.name)).toEqual(["Fabrikam"]);
    const bad = await admin("GET", "/provider/audit-events?outcome=maybe");
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(["outcome"]);
  });
});

describe("REST API: who may use the provider routes", () => {
  /** Every provider operation in the document, with real ids in its path. */
  async function providerOperations() {
    const plan = await db.plan.findUniqueOrThrow({ where: { id: a.planId } });
    const member = await db.membership.findFirstOrThrow({ where: { role: "owner" } });
    const ids: Record<string, string> = {
      subscriptionId: plan.azureSubscriptionId,
      planId: plan.id,
      tenant: a.ctx.tenantSlug,
      memberId: member.id,
    };
    type Schema = { $ref?: string; properties?: Record<string, unknown> };
    type Op = { requestBody?: { content: Record<string, { schema: Schema }> } };
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (s: Schema | undefined) => (s?.$ref ? doc.components.schemas[s.$ref.split("/").at(-1)!] : s);
    return Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/api/v1/provider/"))
      .flatMap(([p, item]) =>
        Object.entries(item).map(([method, op]) => {
          let path = p.replace("/api/v1", "").replace(/\{(\w+)\}/g, (_, name: string) => ids[name]);
          // plan-subscriptions/{subscriptionId} is a tenant subscription, not an Azure one.
          if (p.includes("plan-subscriptions/")) path = path.replace(plan.azureSubscriptionId, a.tenantSubscriptionId);
          const fields = Object.keys(resolve(op.requestBody?.content["application/json"].schema)?.properties ?? {});
          return { method: method.toUpperCase(), path, fields };
        }),
      );
  }

  it("answers hostile values in every body field of every provider route with a 4xx, writing nothing", async () => {
    const hostile = ["\u0000", "a\u202Eb", "x".repeat(10_000), -1, 1e308, true, null, {}, ["\u0000"]];
    const before = await rowCounts();
    const writes = await armWrites();
    const tenantState = (await db.tenant.findUniqueOrThrow({ where: { id: a.ctx.tenantId } })).state;
    let cells = 0;
    for (const { method, path, fields } of await providerOperations())
      for (const field of fields)
        for (const value of hostile) {
          const res = await admin(method, path, { [field]: value });
          const where = `${method} ${path} ${field}=${JSON.stringify(value).slice(0, 20)}`;
          expect(res.status, where).toBeGreaterThanOrEqual(400);
          expect(res.status, where).toBeLessThan(500);
          cells++;
        }
    expect(cells).toBeGreaterThan(200);
    expect(await rowCounts()).toEqual(before);
    expect(await armWrites()).toBe(writes);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: a.ctx.tenantId } })).state).toBe(tenantState);
  });

  it("gives a helpdesk token 403 and a tenant token 404 on every provider route, and changes nothing", async () => {
    const operations = await providerOperations();
    expect(operations.length).toBeGreaterThanOrEqual(25);
    const before = await rowCounts();
    const writes = await armWrites();
    const body = { name: "x", state: "retired", regions: [], role: "owner", planId: a.planId, clientSecret: "s" };
    for (const { method, path } of operations) {
      const where = `${method} ${path}`;
      const payload = method === "GET" || method === "DELETE" ? undefined : body;
      const helpdesk = await call(tokens.helpdesk, method, path, payload);
      expect(helpdesk.status, where).toBe(403);
      expect(helpdesk.body.detail, where).toBe("Helpdesk tokens are read-only: this needs an admin token.");
      const tenant = await call(tokens.tenant, method, path, payload);
      expect(tenant.status, where).toBe(404);
      expect(JSON.stringify(tenant.body), where).not.toContain(a.ctx.tenantName);
      expect((await call(null, method, path, payload)).status, where).toBe(401);
    }
    expect(await rowCounts()).toEqual(before);
    expect(await armWrites()).toBe(writes);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: a.ctx.tenantId } })).state).toBe("active");
  });

  it("lets a helpdesk token read what the helpdesk console shows: every tenant's operations", async () => {
    const list = await call(tokens.helpdesk, "GET", `/operations?tenant=${a.ctx.tenantSlug}`);
    expect(list.status).toBe(200);
    const [op] = list.body.value as { id: string; kind: string }[];
    expect(op.kind).toBe("tenantSubscription.provision");
    expect((await call(tokens.helpdesk, "GET", `/operations/${op.id}`)).status).toBe(200);
  });
});
