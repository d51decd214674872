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
const { createApiApp, openApiDocument } = await import("./app");
const { apiCaller, armWriteCount, dbCounts, secondTenant, staffToken, tenantToken } = await import("./testing");
const { createVms } = await import("@/lib/vms/create-vms");
const { roleAllows } = await import("@/lib/auth/roles");
type TenantRole = "reader" | "operator" | "owner";

/**
 * Every operation of the OpenAPI document × every kind of caller, with the status each must get. The least role comes
 * from the route's `x-required-role` (`...requires(role)` in its createRoute); a new route gets its rows here without a
 * line of test, and a POST body only needs a fixture below when an empty one would not reach its checks. Allowed
 * callers act on a busy VM and a finished operation, so nothing changes: no row, no operation, no Azure request.
 */
const principals = ["none", "revoked", "expired", "otherTenant", "reader", "operator", "owner", "helpdesk", "admin"];
type Principal = (typeof principals)[number];
type Expectation = 401 | 403 | 404 | "allowed";

/** Tokens, then scope (tenant paths for their own tenant's tokens, provider paths for staff), then the least role. */
function expected(who: Principal, need: string, isTenantPath: boolean): Expectation {
  if (who === "none" || who === "revoked" || who === "expired") return 401;
  const isTenantToken = !["helpdesk", "admin"].includes(who);
  if (isTenantPath && (who === "otherTenant" || !isTenantToken)) return 404;
  if (!isTenantPath && isTenantToken) return 404; // a tenant token does not see provider routes
  if (!isTenantPath) return who === "admin" || need === "helpdesk" ? "allowed" : 403;
  return roleAllows(who as TenantRole, need as TenantRole) ? "allowed" : 403;
}

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
const tokens: Record<Principal, string | null> = {};
const ids: Record<string, string> = {};
let bodies: Record<string, unknown> = {};

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  const a = await vmTenant(emu);
  const b = await secondTenant(a.planId);
  const [vm] = await createVms(a.ctx, linuxVm(a.tenantSubscriptionId, "matrix-01"));
  await waitForOperation(vm.operationId);
  // Busy: every change an allowed caller asks for is refused with 409 before anything is written.
  await db.virtualMachine.update({ where: { id: vm.id }, data: { provisioningState: "Updating" } });
  Object.assign(ids, { tenant: a.ctx.tenantSlug, vmId: vm.id, operationId: vm.operationId, lun: "0", vmName: vm.name });
  const revoked = await tenantToken(a, "owner");
  await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  const expired = await tenantToken(a, "owner");
  await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  Object.assign(tokens, {
    none: null,
    revoked: revoked.token,
    expired: expired.token,
    otherTenant: (await tenantToken(b, "owner")).token,
    reader: (await tenantToken(a, "reader")).token,
    operator: (await tenantToken(a, "operator")).token,
    owner: (await tenantToken(a, "owner")).token,
    helpdesk: (await staffToken("helpdesk")).token,
    admin: (await staffToken("admin")).token,
  });
  bodies = {
    // Valid for the schema, refused by the plan after the role check (400): no VM is created.
    createVms: linuxVm(a.tenantSubscriptionId, "matrix-02", { size: "Standard_M416ms_v2" }),
    resizeVm: { size: "Standard_B2s" },
    addVmDataDisk: { sizeGb: 64 },
  };
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("authorization matrix", () => {
  it("gives every caller the status its token allows on every operation, and leaks nothing", async () => {
    const app = createApiApp({ rateLimit: { burst: 10_000, perSecond: 1_000 } });
    const call = apiCaller(app);
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const before = { counts: await dbCounts(), writes: await armWriteCount(emu) };
    const failures: string[] = [];
    let cells = 0;
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const need = op["x-required-role"] as string | undefined;
        const name = `${method.toUpperCase()} ${template}`;
        if (!need) {
          failures.push(`${name}: no x-required-role (spread ...requires(role) into its createRoute)`);
          continue;
        }
        const path = template
          .replace("/api/v1", "")
          .replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(ids[p] ?? "matrix-missing-id"));
        const body = op.requestBody ? (bodies[op.operationId as string] ?? {}) : undefined;
        for (const who of principals) {
          cells++;
          const want = expected(who, need, template.startsWith("/api/v1/tenants/"));
          const res = await call(tokens[who], method.toUpperCase(), path, body);
          const ok = want === "allowed" ? res.status < 500 && ![401, 403].includes(res.status) : res.status === want;
          if (!ok) failures.push(`${name} as ${who}: ${res.status} (${String(res.body.detail)}), expected ${want}`);
          if (res.status >= 400 && JSON.stringify(res.body).includes(ids.vmName) && who === "otherTenant")
            failures.push(`${name} as ${who}: the answer names another tenant's VM`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThanOrEqual(principals.length * 19);
    expect(await dbCounts()).toEqual(before.counts);
    expect(await armWriteCount(emu)).toBe(before.writes);
  });
});
