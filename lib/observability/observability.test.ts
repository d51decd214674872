import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { linuxVm, vmTenant } from "@/test/vms";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";

// One stack for the file: a VM created through the REST API and run by the worker against the emulator is traced
// (into an OTLP/HTTP receiver in this test) and then scraped as metrics.
type OtlpValue = { stringValue?: string; intValue?: string | number };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: OtlpValue }[];
};
const received: OtlpSpan[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    // The exporter speaks OTLP/HTTP JSON; anything else would fail the parse and the test.
    expect(req.headers["content-type"]).toContain("application/json");
    const body = JSON.parse(Buffer.concat(chunks).toString()) as {
      resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
    };
    for (const r of body.resourceSpans) for (const s of r.scopeSpans) received.push(...s.spans);
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
process.env.OTEL_TRACES_SAMPLER = "always_on";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { startTelemetry, stopTelemetry } = await import("./sdk");
const { createApiApp } = await import("@/lib/api/app");
const { apiCaller, tenantToken } = await import("@/lib/api/testing");
const { authenticate } = await import("@/lib/auth/authenticate");
const { GET: scrape } = await import("@/app/api/metrics/route");
const { serveWorkerMetrics } = await import("./metrics-server");
const { getBoss } = await import("@/lib/jobs/boss");
const { ensureQueue } = await import("@/lib/jobs/queues");

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let operationId: string;

beforeAll(async () => {
  await startTelemetry("portal-test");
  emu = await startTestEmulator();
  worker = await startTestWorker();
  const t = await vmTenant(emu);
  const { token } = await tenantToken(t, "operator");
  // Azure throttles the VM's PUT once: the SDK waits out its Retry-After and sends it again.
  await emu.control.addFault({
    method: "PUT",
    path: "/virtualMachines/obs-vm",
    status: 429,
    code: "TooManyRequests",
    times: 1,
  });
  const res = await apiCaller(createApiApp())(token, "POST", `/tenants/${t.ctx.tenantSlug}/vms`, {
    ...linuxVm(t.tenantSubscriptionId, "obs-vm"),
  });
  expect(res.status).toBe(202);
  operationId = (res.body.operations as { id: string }[])[0].id;
  const op = await waitForOperation(operationId);
  expect(op.state).toBe("succeeded");
  await stopTelemetry(); // flushes every span to the receiver
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const attr = (span: OtlpSpan, key: string) => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : undefined);
};

describe("traces", () => {
  it("joins the API request, the enqueue, the worker's job, its steps and each ARM call (with Azure's request id) in one trace", async () => {
    const api = received.find((s) => s.name === "POST /api/v1/tenants/:tenant/vms");
    expect(api).toBeDefined();
    const trace = received.filter((s) => s.traceId === api!.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (s: OtlpSpan): string[] => {
      const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
      return parent ? [parent.name, ...ancestors(parent)] : [];
    };

    const enqueue = trace.find((s) => s.name === "enqueue vm.create")!;
    expect(enqueue.parentSpanId).toBe(api!.spanId);
    const jobs = trace.filter((s) => s.name === "job vm.create");
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => attr(j, "operation.id") === operationId)).toBe(true);
    // The first run continues the enqueue span from the traceparent stored in the job's data.
    expect(jobs.some((j) => j.parentSpanId === enqueue.spanId)).toBe(true);
    const [stored] = await db.$queryRaw<{ traceparent: string }[]>`
      select data->>'traceparent' as traceparent from pgboss.job
       where name = 'vm.create' and data->>'operationId' = ${operationId} order by created_on limit 1`;
    expect(stored.traceparent).toBe(`00-${api!.traceId}-${enqueue.spanId}-01`);

    const armPut = trace.find(
      (s) => s.name === "ARM PUT Microsoft.Compute" && attr(s, "http.response.status_code") !== 429,
    );
    expect(armPut).toBeDefined();
    expect(ancestors(armPut!)).toEqual(expect.arrayContaining(["job vm.create", "enqueue vm.create", api!.name]));
    expect(ancestors(armPut!)[0]).toMatch(/^step /);
    // The request id on the span is the one the operation's timeline shows.
    const steps = await db.operationStep.findMany({ where: { operationId } });
    const armIds = trace.map((s) => attr(s, "azure.request_id")).filter(Boolean);
    expect(steps.filter((s) => s.requestId).every((s) => armIds.includes(s.requestId!))).toBe(true);
    expect(attr(armPut!, "azure.resource_provider")).toBe("Microsoft.Compute");
    expect(trace.some((s) => s.name.startsWith("ARM ") && attr(s, "http.response.status_code") === 429)).toBe(true);
  });
});

describe("/api/metrics", () => {
  const get = (token?: string) =>
    scrape(
      new Request("http://portal.test/api/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    );

  it("does not exist without PORTAL_METRICS_TOKEN, and refuses a missing or wrong token", async () => {
    delete process.env.PORTAL_METRICS_TOKEN;
    expect((await get("anything")).status).toBe(404);
    process.env.PORTAL_METRICS_TOKEN = "scrape-secret-0123456789";
    const anonymous = await get();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect((await get("scrape-secret-wrong")).status).toBe(401);
  });

  it("scrapes operations, queues, job durations, ARM requests and 429s, and sign-in failures with their values", async () => {
    process.env.PORTAL_METRICS_TOKEN = "scrape-secret-0123456789";
    await authenticate("nobody@metrics.test", "not the password", { ip: "203.0.113.9", userAgent: "test" });
    // A job due on a queue no worker serves: a backlog of one.
    const boss = await getBoss();
    await ensureQueue(boss, "metrics.backlog");
    await boss.send("metrics.backlog", {}, { startAfter: new Date(Date.now() - 5_000) });

    const res = await get("scrape-secret-0123456789");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const value = (series: string) => {
      const line = text.split("\n").find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.split(" ").pop());
    };
    expect(value('portal_operations{kind="vm.create",state="succeeded"}')).toBe(1);
    expect(value('portal_queue_depth{kind="metrics.backlog"}')).toBe(1);
    expect(value('portal_queue_oldest_age_seconds{kind="metrics.backlog"}')).toBeGreaterThanOrEqual(4);
    expect(value('portal_queue_depth{kind="vm.create"}')).toBe(0);
    expect(value('portal_job_run_duration_seconds_count{kind="vm.create",outcome="succeeded"}')).toBe(1);
    expect(value('portal_arm_throttled_total{provider="Microsoft.Compute"}')).toBe(1);
    expect(value('portal_arm_requests_total{provider="Microsoft.Compute",method="PUT",status="429"}')).toBe(1);
    expect(
      value('portal_arm_request_duration_seconds_count{provider="Microsoft.Network",method="PUT"}'),
    ).toBeGreaterThan(0);
    expect(value('portal_sign_in_failures_total{method="password",reason="invalid"}')).toBe(1);
  });

  it("serves the worker's registry on its own port behind the same token", async () => {
    process.env.PORTAL_METRICS_TOKEN = "scrape-secret-0123456789";
    const server = await serveWorkerMetrics(0);
    try {
      const url = `http://127.0.0.1:${server.port}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      const res = await fetch(url, { headers: { authorization: "Bearer scrape-secret-0123456789" } });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(
        /^portal_job_run_duration_seconds_count\{kind="vm.create",outcome="succeeded"\} 1$/m,
      );
    } finally {
      await server.close();
    }
  });
});
