import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { PARTNER } from "@/emulator/providers/partner-center/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "./sync-job";
import "./onboard-job";
import { kinds } from "@/lib/operations/kinds";
import { connectPartner } from "./service";
import type { OperationState } from "@/lib/db/client";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
const { createApiApp } = await import("@/lib/api/app");
const { apiCaller, staffToken } = await import("@/lib/api/testing");
const { db } = await import("@/lib/db/client");

const COUNT = 20;
const hex = (n: number) => n.toString(16).padStart(2, "0");
const customers = Array.from({ length: COUNT }, (_, i) => ({
  tenantId: `f00000${hex(i)}-0000-4000-8000-000000000000`,
  subscriptionId: `f00000${hex(i)}-0000-4000-8000-0000000000aa`,
}));

beforeAll(async () => {
  // Pages of 3 (the test default, to exercise paging) would cost each validation hundreds of resource SKU pages.
  // Azure's own read bucket (the test emulators' is 100 × larger): the portal's pacing is checked against Azure's.
  emu = await startTestEmulator({ pageSize: 100, throttling: { reads: { capacity: 250, refillPerSecond: 25 } } });
  worker = await startTestWorker();
  for (const [i, c] of customers.entries())
    await emu.control.call("POST", "partner-center/customers", {
      partnerTenantId: PARTNER.tenantId,
      tenantId: c.tenantId,
      companyName: `Bulk customer ${hex(i)}`,
      azureSubscriptions: [{ subscriptionId: c.subscriptionId }],
    });
  // Partner Center's budget: 20 requests per 100 modelled seconds (1 s here) while the connection syncs.
  await emu.control.call("PUT", "partner-center/config", { rateLimit: { requests: 20, windowSeconds: 100 } });
  const { operationId } = await connectPartner(null, {
    displayName: "Fabrikam CSP",
    cloud: "Custom",
    partnerTenantId: PARTNER.tenantId,
    clientId: PARTNER.appId,
    clientSecret: emu.principal(PARTNER.appId).secret,
    partnerCenterEndpoint: emu.emulator.url,
    armEndpoint: emu.emulator.url,
    authorityHost: emu.emulator.url,
    caCertificate: emu.emulator.caPem,
  });
  expect((await waitForOperation(operationId)).state).toBe("succeeded");
  // Then a quarter of the twenty onboardings' consents per 300 modelled seconds (3 s here): the bulk itself must meet
  // Partner Center's 429s and wait them out (with 20 per second its 20 consents fit, and only the sync above was ever
  // throttled).
  await emu.control.call("PUT", "partner-center/config", { rateLimit: { requests: 5, windowSeconds: 300 } });
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

/**
 * Bulk pacing: twenty onboardings at once, each to its end (the subscription validated and active), their Partner
 * Center requests within its budget (its 429s waited out after Retry-After inside the client) and ARM's per
 * subscription.
 */
it("onboards twenty customers' subscriptions through the API to active, each its own operation, waiting out Partner Center's 429s", async () => {
  const call = apiCaller(createApiApp());
  const admin = (await staffToken("admin")).token;
  const connections = await call(admin, "GET", "/provider/partners");
  expect(connections.body.value).toMatchObject([
    { displayName: "Fabrikam CSP", state: "active", credentialKind: "secret" },
  ]);
  const base = `/provider/partners/${(connections.body.value as { id: string }[])[0].id}`;
  const page = await call(admin, "GET", `${base}/customers?search=Bulk&$top=50`);
  expect(page.status).toBe(200);
  expect(page.body.value).toHaveLength(COUNT);

  const since = new Date().toISOString();
  const started = await call(admin, "POST", `${base}/onboardings`, {
    subscriptions: customers.map((c) => ({ customerTenantId: c.tenantId, subscriptionId: c.subscriptionId })),
  });
  expect(started.status).toBe(202);
  const ops = started.body.value as { id: string; href: string }[];
  expect(ops).toHaveLength(COUNT);

  // One look at the twenty until they have all ended (twenty waitForOperation loops read each operation and its steps
  // every 100 ms: 400 queries a second beside the onboardings), then each is read as waitForOperation returns it.
  const ids = ops.map((o) => o.id);
  const ended = { id: { in: ids }, state: { in: ["succeeded", "failed", "cancelled"] as OperationState[] } };
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline && (await db.operation.count({ where: ended })) < COUNT)
    await new Promise((r) => setTimeout(r, 200));
  const done = await Promise.all(ops.map((o) => waitForOperation(o.id, 240_000)));
  expect(done.map((o) => `${o.state} ${o.errorMessage ?? ""}`)).toEqual(Array(COUNT).fill("succeeded "));
  // Throttled requests were waited out inside the client: no operation needed a second attempt.
  expect(done.every((o) => o.attempts === 1)).toBe(true);
  const requests = (await emu.control.requests({ since, limit: 20_000 })).value;
  expect(requests.filter((r) => r.status === 429 && r.path.startsWith("/v1/")).length).toBeGreaterThan(0);
  // ARM's windows per subscription were kept by the portal's pacing: none of its requests was throttled.
  expect(requests.filter((r) => r.status === 429 && !r.path.startsWith("/v1/"))).toEqual([]);

  const subs = await db.azureSubscription.findMany({
    where: { clientId: PARTNER.appId },
    orderBy: { subscriptionId: "asc" },
  });
  expect(subs.map((s) => `${s.subscriptionId} ${s.directoryId} ${s.state}`)).toEqual(
    customers.map((c) => `${c.subscriptionId} ${c.tenantId} active`),
  );
  const assignments = (await emu.control.snapshot()).roleAssignments as { scope: string }[];
  for (const c of customers)
    expect(assignments.filter((a) => a.scope === `/subscriptions/${c.subscriptionId}`)).toHaveLength(1);
  const followed = await call(admin, "GET", ops[0].href.replace("/api/v1", ""));
  expect(followed.body).toMatchObject({ kind: kinds.partner.onboardSubscription });
  expect(followed.body).toMatchObject({ state: "succeeded" });
  expect(JSON.stringify(followed.body)).toContain("Validate the subscription");
}, 300_000);
