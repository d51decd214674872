import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { staffContext } from "@/test/tenants";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
// Back-off in milliseconds: 5 s → 5 ms, 5 min → 0.3 s, 30 min → 1.8 s (the last test shrinks a day further).
process.env.WEBHOOKS_TIME_SCALE = "0.001";
// Long enough that a healthy answer on a busy CI machine is never taken for a timeout (and sent twice).
process.env.WEBHOOKS_TIMEOUT_MS = "1500";
process.env.WEBHOOKS_POLL_MS = "200";
process.env.WEBHOOKS_DISABLE_AFTER = "2";
process.env.PORTAL_DEMO = "1"; // the receiver speaks http

setupTestDatabase();

type Received = { path: string; id: string; raw: string; headers: Record<string, string>; status: number | "hang" };

/** The receiver: answers each request by its path's script (per event id), or 200 when the script has run out. */
const received: Received[] = [];
const scripts = new Map<string, Received["status"][]>();
const server = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const id = String(req.headers["webhook-id"]);
    const key = `${req.url}|${(JSON.parse(raw) as { resource: { id: string } }).resource.id}`;
    const script = scripts.get(key) ?? scripts.get(req.url!) ?? [];
    const status = (req.url === "/dead" ? 500 : script.shift()) ?? 200;
    received.push({ path: req.url!, id, raw, headers: req.headers as Record<string, string>, status });
    if (status === "hang") return; // the portal's 1.5 s timeout ends it
    res.writeHead(status).end();
  });
});

let base = "";
let mod: {
  db: typeof import("@/lib/db/client").db;
  svc: typeof import("./service");
  q: typeof import("./queries");
  owner: typeof import("./owner");
  events: typeof import("@/lib/events/publish");
  boss: typeof import("@/lib/jobs/boss");
  worker: typeof import("./worker");
};
type Owner = import("./owner").WebhookOwner;
let ownerA: Owner, ownerB: Owner, provider: Owner;
let tenantA: string, tenantB: string;

async function startWorker() {
  await mod.worker.startWebhookDelivery(await mod.boss.getBoss("worker"), { concurrency: 8 });
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) {
      const log = received.map((r) => `${r.path} ${r.id} ${r.status}`).join("\n");
      throw new Error(`Timed out waiting for ${what}; the receiver saw:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mod = {
    db: (await import("@/lib/db/client")).db,
    svc: await import("./service"),
    q: await import("./queries"),
    owner: await import("./owner"),
    events: await import("@/lib/events/publish"),
    boss: await import("@/lib/jobs/boss"),
    worker: await import("./worker"),
  };
  const tenant = async (slug: string) => {
    const t = await mod.db.tenant.create({ data: { slug, name: slug } });
    const user = await mod.db.user.create({ data: { email: `owner@${slug}.test`, name: "Owner", passwordHash: "x" } });
    const ctx = { user: { ...user, staffRole: null }, tenantId: t.id, tenantSlug: slug, tenantName: slug };
    return { id: t.id, owner: mod.owner.tenantWebhooks({ ...ctx, tenantState: "active", role: "owner" }) };
  };
  ({ id: tenantA, owner: ownerA } = await tenant("contoso"));
  ({ id: tenantB, owner: ownerB } = await tenant("fabrikam"));
  provider = mod.owner.providerWebhooks(await staffContext());
  await startWorker();
});

afterAll(async () => {
  await mod?.boss.stopBoss();
  server.close();
});

const publish = (tenantId: string, resource: string, type: "vm.created" | "vm.deleted", name: string) =>
  mod.db.$transaction((tx) =>
    mod.events.publishEvent(tx, {
      type,
      tenantId,
      resource: { type: "vm", id: resource },
      data: {
        vmId: resource,
        name,
        tenantSubscriptionId: "ts1",
        region: "westeurope",
        size: "B2s",
        powerState: "running",
        azureResourceId: null,
      },
    }),
  );

describe("webhook targets", () => {
  it("refuses private and loopback targets, credentials and plain http outside demo mode, until an admin allows them", async () => {
    const { parseInput } = await import("@/lib/errors");
    const { webhookEndpointSchema } = await import("./schema");
    const fieldError = async (url: string) => {
      try {
        await mod.svc.createEndpoint(ownerA, parseInput(webhookEndpointSchema, { url }));
      } catch (e) {
        return (e as { fieldErrors?: Record<string, string[]> }).fieldErrors?.url?.[0];
      }
      return "accepted";
    };
    expect(await fieldError(`${base}/a`)).toMatch(/127\.0\.0\.1 is a loopback address; .*allow-list/);
    expect(await fieldError("https://169.254.169.254/latest")).toMatch(/link-local/);
    expect(await fieldError("https://[::ffff:10.0.0.7]/x")).toMatch(/10\.0\.0\.7 is a private address/);
    expect(await fieldError("https://user:pass@hooks.example.com/x")).toMatch(/user name and password/);
    process.env.PORTAL_DEMO = "0";
    expect(await fieldError("http://hooks.example.com/x")).toMatch(/https/);
    process.env.PORTAL_DEMO = "1";
    expect(await mod.db.webhookEndpoint.count()).toBe(0);

    const admin = await staffContext();
    await mod.svc.addAllowEntry(admin, { value: "127.0.0.1/32", note: "the test's receiver" });
    expect(await fieldError(`${base}/a`)).toBe("accepted");
    await mod.db.webhookEndpoint.deleteMany();
  });
});

describe("delivery", () => {
  const secrets = new Map<string, string>();
  const endpoints = new Map<string, string>();

  it("signs every attempt, retries 500s and a timeout, keeps order per resource and never sends another tenant's events", async () => {
    for (const [path, owner] of [
      ["/a", ownerA],
      ["/b", ownerB],
      ["/p", provider],
    ] as const) {
      const created = await mod.svc.createEndpoint(owner, { url: `${base}${path}`, description: "", eventTypes: [] });
      secrets.set(path, created.secret);
      endpoints.set(path, created.id);
    }
    // The first event about vm-1 fails twice with 500, then times out, then goes through.
    scripts.set("/a|vm-1", [500, 500, "hang"]);
    const e1 = await publish(tenantA, "vm-1", "vm.created", "web-1");
    const e2 = await publish(tenantA, "vm-1", "vm.deleted", "web-1");
    const e3 = await publish(tenantA, "vm-2", "vm.created", "web-2");
    const e4 = await publish(tenantB, "vm-3", "vm.created", "db-1");

    const ok = (path: string, id: string) => received.some((r) => r.path === path && r.id === id && r.status === 200);
    await until(
      "every delivery",
      () => [e1, e2, e3].every((id) => ok("/a", id) && ok("/p", id)) && ok("/b", e4) && ok("/p", e4),
    );

    for (const r of received) expect(() => new Webhook(secrets.get(r.path)!).verify(r.raw, r.headers)).not.toThrow();
    // One id per event, whatever the attempt or endpoint; the body is the same text on every attempt.
    for (const r of received) expect(JSON.parse(r.raw).id).toBe(r.id);
    const bodies = new Map<string, Set<string>>();
    for (const r of received) bodies.set(r.id, (bodies.get(r.id) ?? new Set()).add(r.raw));
    expect([...bodies.values()].map((s) => s.size)).toEqual([1, 1, 1, 1]);

    const toA = received.filter((r) => r.path === "/a");
    expect(toA.filter((r) => r.id === e1).map((r) => r.status)).toEqual([500, 500, "hang", 200]);
    // e2 (same VM) waited for e1's retries; e3 (another VM) did not.
    const firstIndex = (id: string) => toA.findIndex((r) => r.id === id);
    const e1Done = toA.findIndex((r) => r.id === e1 && r.status === 200);
    expect(firstIndex(e2)).toBeGreaterThan(e1Done);
    expect(toA.filter((r) => r.id === e2)).toHaveLength(1);
    // Tenants get their own events only; the provider gets them all.
    expect(toA.some((r) => r.id === e4)).toBe(false);
    expect(received.filter((r) => r.path === "/b").map((r) => r.id)).toEqual([e4]);

    const log = await mod.q.listDeliveries(ownerA, endpoints.get("/a")!, { skip: 0, take: 10 });
    const first = log.rows.find((d) => d.eventId === e1)!;
    expect(first.state).toBe("succeeded");
    expect(first.attemptLog.map((a) => a.statusCode).reverse()).toEqual([500, 500, null, 200]);
    expect(first.attemptLog.find((a) => a.statusCode === null)?.error).toMatch(/No answer within 1.5 s/);
  });

  it("publishes nothing for a change that rolled back: the event is written in the change's own transaction", async () => {
    const before = await mod.db.outboxEvent.count();
    const failed = mod.db.$transaction(async (tx) => {
      await mod.events.publishEvent(tx, {
        type: "vm.deleted",
        tenantId: tenantA,
        resource: { type: "vm", id: "vm-rolled-back" },
        data: { vmId: "vm-rolled-back", name: "rb-1", tenantSubscriptionId: "ts1" },
      });
      throw new Error("the change failed after publishing");
    });
    await expect(failed).rejects.toThrow(/failed after publishing/);
    expect(await mod.db.outboxEvent.count()).toBe(before);
    expect(await mod.db.webhookDelivery.count({ where: { lane: "vm:vm-rolled-back" } })).toBe(0);
  });

  it("keeps tenants apart: another tenant's endpoint and deliveries are not found", async () => {
    const a = endpoints.get("/a")!;
    expect((await mod.q.listEndpoints(ownerB)).rows.map((e) => e.url)).toEqual([`${base}/b`]);
    await expect(mod.q.getEndpoint(ownerB, a)).rejects.toThrow(/not found/);
    const delivery = await mod.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: a } });
    await expect(mod.svc.redeliver(ownerB, a, delivery.id)).rejects.toThrow(/not found/);
    await expect(mod.svc.rotateSecret(ownerB, a)).rejects.toThrow(/not found/);
    expect((await mod.q.listDeliveries(ownerB, a, { skip: 0, take: 10 })).total).toBe(0);
    // The provider's own endpoints are not a tenant's either.
    await expect(mod.q.getEndpoint(ownerA, endpoints.get("/p")!)).rejects.toThrow(/not found/);
  });

  it("redelivers with the same id, and a restarted worker delivers what was published while it was down", async () => {
    const a = endpoints.get("/a")!;
    const delivery = await mod.db.webhookDelivery.findFirstOrThrow({ where: { endpointId: a, state: "succeeded" } });
    const before = received.filter((r) => r.id === delivery.eventId && r.path === "/a").length;
    await mod.svc.redeliver(ownerA, a, delivery.id);
    await until(
      "the redelivery",
      () => received.filter((r) => r.id === delivery.eventId && r.path === "/a").length > before,
    );
    await until(
      "the redelivery's log entry",
      async () => (await mod.db.webhookAttempt.count({ where: { deliveryId: delivery.id, manual: true } })) === 1,
    );

    await mod.boss.stopBoss();
    const e5 = await publish(tenantA, "vm-9", "vm.created", "late-1");
    await startWorker();
    await until("the event published while the worker was down", () =>
      received.some((r) => r.path === "/a" && r.id === e5 && r.status === 200),
    );
  });

  it("serves the same endpoints through /api/v1: secret once, SSRF refused by field, a tenant token sees its own only", async () => {
    const { createApiApp } = await import("@/lib/api/app");
    const { apiCaller, staffToken, tenantToken } = await import("@/lib/api/testing");
    const call = apiCaller(createApiApp());
    const admin = (await staffToken("admin")).token;
    const refused = await call(admin, "POST", "/provider/webhooks", { url: "https://10.0.0.5/x" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.errors)).toMatch(/url.*10\.0\.0\.5 is a private address/);

    const created = await call(admin, "POST", "/provider/webhooks", { url: `${base}/api`, eventTypes: ["vm.deleted"] });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.body as { endpoint: { id: string }; secret: string };
    expect(secret).toMatch(/^whsec_/);
    const read = await call(admin, "GET", `/provider/webhooks/${endpoint.id}`);
    expect(read.body).toMatchObject({ url: `${base}/api`, eventTypes: ["vm.deleted"], enabled: true });
    expect(JSON.stringify(read.body)).not.toContain(secret.slice(6));
    const changed = await call(admin, "PUT", `/provider/webhooks/${endpoint.id}`, {
      url: `${base}/api`,
      eventTypes: [],
    });
    expect(changed.body).toMatchObject({ eventTypes: [] });

    const test = await call(admin, "POST", `/provider/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    const eventId = test.body.eventId as string;
    await until("the test event", () => received.some((r) => r.path === "/api" && r.id === eventId));
    const deliveries = await until("its log entry", async () => {
      const page = await call(admin, "GET", `/provider/webhooks/${endpoint.id}/deliveries`);
      const value = page.body.value as { eventId: string; state: string; attemptLog: { statusCode: number }[] }[];
      return value.find((d) => d.eventId === eventId && d.state === "succeeded") && value;
    });
    expect(deliveries[0].attemptLog[0].statusCode).toBe(200);

    // Contoso's owner token: its own endpoint, and the provider's is not found.
    const user = await mod.db.user.findUniqueOrThrow({ where: { id: ownerA.actor.id } });
    await mod.db.membership.create({ data: { userId: user.id, tenantId: tenantA, role: "owner" } });
    const owner = (await tenantToken({ ctx: { user, tenantId: tenantA } } as never, "owner")).token;
    const mine = await call(owner, "GET", "/tenants/contoso/webhooks");
    expect((mine.body.value as { url: string }[]).map((e) => e.url)).toEqual([`${base}/a`]);
    expect((await call(owner, "GET", `/tenants/contoso/webhooks/${endpoint.id}`)).status).toBe(404);
    expect((await call(admin, "DELETE", `/provider/webhooks/${endpoint.id}`)).status).toBe(204);
  });

  it("disables an endpoint whose deliveries keep failing, with a notice on it and in the audit log", async () => {
    // A delivery's day of retries in 2.6 s: 5 s → 0.15 ms, 5 min → 9 ms, 30 min → 54 ms … 10 h → 1.1 s.
    process.env.WEBHOOKS_TIME_SCALE = "0.00003";
    const dead = await mod.svc.createEndpoint(ownerB, {
      url: `${base}/dead`,
      description: "",
      eventTypes: ["vm.deleted"],
    });
    await publish(tenantB, "vm-5", "vm.deleted", "x");
    await publish(tenantB, "vm-6", "vm.deleted", "y");
    const endpoint = await until("the endpoint disabled", async () => {
      const e = await mod.q.getEndpoint(ownerB, dead.id);
      return !e.enabled && e;
    });
    expect(endpoint.disabledReason).toMatch(/2 deliveries in a row failed/);
    expect((await mod.q.listAutoDisabled(ownerB)).map((e) => e.id)).toEqual([dead.id]);
    expect(await mod.q.listAutoDisabled(ownerA)).toEqual([]);
    const audit = await mod.db.auditEvent.findFirst({ where: { action: "webhook.disable", targetId: dead.id } });
    expect(audit?.tenantId).toBe(tenantB);
    // Both deliveries were retried through their (scaled) day before failing: how many attempts fit in it depends on
    // how long each took, so the log is read for retries and the end, not for a count.
    const deliveries = await mod.db.webhookDelivery.findMany({
      where: { endpointId: dead.id },
      select: { state: true, attempts: true },
    });
    expect(deliveries.map((d) => d.state)).toEqual(["failed", "failed"]);
    for (const d of deliveries) expect(d.attempts).toBeGreaterThan(1);
  });

  it("forgets events, their deliveries and delivery log after the retention (WEBHOOKS_RETENTION_DAYS)", async () => {
    const { pruneWebhookHistory } = await import("./retention");
    const { eventId } = await mod.db.webhookDelivery.findFirstOrThrow({ where: { state: "succeeded" } });
    const deliveries = (await mod.db.webhookDelivery.findMany({ where: { eventId } })).map((d) => d.id);
    expect(await mod.db.webhookAttempt.count({ where: { deliveryId: { in: deliveries } } })).toBeGreaterThan(0);
    await mod.db.outboxEvent.update({
      where: { id: eventId },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    const events = await mod.db.outboxEvent.count();
    expect(await pruneWebhookHistory()).toBe(1);
    expect(await mod.db.outboxEvent.count()).toBe(events - 1);
    expect(await mod.db.webhookDelivery.count({ where: { eventId } })).toBe(0);
    expect(await mod.db.webhookAttempt.count({ where: { deliveryId: { in: deliveries } } })).toBe(0);
  });
});
