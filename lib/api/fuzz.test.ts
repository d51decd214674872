import { randomBytes } from "node:crypto";
import fc from "fast-check";
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
const { createApiApp, openApiDocument } = await import("./app");
const { apiCaller, staffToken, tenantToken } = await import("./testing");
const { createVms } = await import("@/lib/vms/create-vms");

/**
 * Property-based fuzzing of every request body in the OpenAPI document: values drawn from each field's schema, mixed
 * with hostile strings (control characters, NUL, a right-to-left override, 10,000 characters, look-alike letters) and
 * wrong types. Whatever arrives, the API answers below 500, and a refused request writes no row and sends nothing to
 * Azure (the emulator's request log).
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
};

const hostile = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "nul\u0000inside",
  "bell\u0007\u001b[31m",
  "evil\u202Etxt.exe",
  "Ｃontoso",
  "x".repeat(10_000),
  "<script>alert(1)</script>",
  '\'; drop table "Tenant";--',
  "../../etc/passwd",
  "\uD800",
);
const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), hostile);

function arbitraryFor(schema: Schema, components: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(components[schema.$ref.split("/").at(-1)!], components, depth);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => arbitraryFor(s, components, depth)));
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), wrongType);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return fc.oneof(fc.string({ maxLength: 40 }), hostile, wrongType);
    case "integer":
    case "number":
      return fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double(), fc.constantFrom(0, -1, 2 ** 53), wrongType);
    case "boolean":
      return fc.oneof(fc.boolean(), wrongType);
    case "array":
      return depth > 2 || !schema.items
        ? wrongType
        : fc.oneof(fc.array(arbitraryFor(schema.items, components, depth + 1), { maxLength: 3 }), wrongType);
    case "object": {
      const entries = Object.entries(schema.properties ?? {});
      if (depth > 2 || entries.length === 0) return fc.oneof(fc.constant({}), wrongType);
      const shape = Object.fromEntries(entries.map(([k, s]) => [k, arbitraryFor(s, components, depth + 1)]));
      return fc.oneof(
        { weight: 5, arbitrary: fc.record(shape, { requiredKeys: [] }) },
        { weight: 1, arbitrary: wrongType },
      );
    }
    default:
      return wrongType;
  }
}

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
const ids: Record<string, string> = {};
let tenantCaller: string;
let staffCaller: string;

const rowCounts = async () =>
  Promise.all([
    db.virtualMachine.count(),
    db.operation.count(),
    db.tenant.count(),
    db.user.count(),
    db.membership.count(),
    db.plan.count(),
    db.azureSubscription.count(),
    db.allowedRegion.count(),
    db.tenantSubscription.count(),
    db.loadBalancer.count(),
    db.protectedItem.count(),
    db.apiToken.count(),
  ]);

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  const a = await vmTenant(emu);
  const [vm] = await createVms(a.ctx, linuxVm(a.tenantSubscriptionId, "fuzz-01"));
  await waitForOperation(vm.operationId);
  Object.assign(ids, { tenant: a.ctx.tenantSlug, vmId: vm.id, operationId: vm.operationId });
  tenantCaller = (await tenantToken(a, "owner")).token;
  staffCaller = (await staffToken("admin")).token;
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

type Doc = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};
const doc = openApiDocument() as unknown as Doc;
/** Every operation with a JSON body: one test each, so each has its own time (the API grows an operation at a time). */
const bodies = Object.entries(doc.paths).flatMap(([template, item]) =>
  Object.entries(item).flatMap(([method, op]) => {
    const schema = op.requestBody?.content["application/json"]?.schema;
    return schema ? [{ template, method, schema }] : [];
  }),
);

describe("request body fuzzing: every body of every operation is answered below 500, a refused one writes nothing and calls no Azure API", () => {
  const app = createApiApp({ rateLimit: { burst: 100_000, perSecond: 10_000 } });
  const call = apiCaller(app);

  it("covers the API's operations with bodies", () => {
    expect(bodies.length).toBeGreaterThanOrEqual(4);
  });

  it.each(bodies)("$method $template", async ({ template, method, schema }) => {
    const isTenantPath = template.startsWith("/api/v1/tenants/");
    const path = template
      .replace("/api/v1", "")
      .replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(ids[p] ?? "fuzz-missing-id"));
    await fc.assert(
      fc.asyncProperty(arbitraryFor(schema, doc.components.schemas), async (body) => {
        // The emulator's log since a millisecond before the call (the log after a validation holds ~400 entries:
        // reading all of it twice a run cost more than the calls fuzzed, and a full ring buffer would drop entries).
        const before = { rows: await rowCounts(), since: new Date(Date.now() - 1).toISOString() };
        const res = await call(isTenantPath ? tenantCaller : staffCaller, method.toUpperCase(), path, body ?? null);
        expect(res.status, `${method} ${template}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
        if (res.status === 400) expect(res.body.code).toMatch(/^Invalid/);
        if (res.status >= 400) {
          expect(await rowCounts(), `${method} ${template}`).toEqual(before.rows);
          const sent = (await emu.control.requests({ since: before.since, limit: 5000 })).value;
          expect(
            sent.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`),
            `${method} ${template}`,
          ).toEqual([]);
        } else {
          // Accepted (a fuzzed body that happened to be valid): let its operations end before the next run.
          const running = await db.operation.findMany({ where: { state: { in: ["queued", "running"] } } });
          await Promise.all(running.map((o) => waitForOperation(o.id)));
        }
      }),
      { numRuns: 12, seed: 1_402_2026 },
    );
  });
});
