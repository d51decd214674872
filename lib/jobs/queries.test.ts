import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db, type OperationState } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import type { StaffContext } from "@/lib/auth/context";
import {
  countOperationsByState,
  getOperation,
  listOperationKinds,
  listOperations,
  listRelatedAuditEvents,
  operationsPerHour,
  type OperationScope,
} from "./queries";

setupTestDatabase();

const staff: OperationScope = { kind: "staff" };
const staffCtx: StaffContext = {
  user: { id: "u", email: "hd@example.test", name: "Helpdesk", staffRole: "helpdesk" },
  staffRole: "helpdesk",
};
const hour = 3_600_000;
const page = { skip: 0, take: 50 };

let contoso: { id: string; slug: string };
let acme: { id: string; slug: string };
let failedVm: string;
let acmeOp: string;

async function tenant(name: string) {
  const slug = `${name.toLowerCase()}-${randomBytes(2).toString("hex")}`;
  return db.tenant.create({ data: { name, slug }, select: { id: true, slug: true } });
}

async function operation(opts: {
  tenantId: string;
  kind: string;
  state: OperationState;
  targetName: string;
  ageHours?: number;
  errorRequestId?: string;
  errorDetail?: object;
  steps?: { name: string; requestId?: string }[];
}) {
  const createdAt = new Date(Date.now() - (opts.ageHours ?? 0) * hour);
  const op = await db.operation.create({
    data: {
      kind: opts.kind,
      tenantId: opts.tenantId,
      targetType: "VirtualMachine",
      targetId: `vm-${randomBytes(4).toString("hex")}`,
      targetName: opts.targetName,
      state: opts.state,
      createdAt,
      errorRequestId: opts.errorRequestId,
      errorCode: opts.state === "failed" ? "QuotaExceeded" : null,
      errorMessage: opts.state === "failed" ? "The subscription has no vCPUs left in westeurope." : null,
      errorDetail: opts.errorDetail,
      stepsTotal: opts.steps?.length ?? 0,
      // Created out of order on purpose: the query must sort them by position.
      steps: { create: (opts.steps ?? []).map((s, i) => ({ ...s, position: i })).reverse() },
    },
  });
  return op.id;
}

beforeAll(async () => {
  contoso = await tenant("Contoso");
  acme = await tenant("AcmeCorp");
  failedVm = await operation({
    tenantId: contoso.id,
    kind: "vm.create",
    state: "failed",
    targetName: "web-01",
    ageHours: 2,
    errorRequestId: "req-op-1111",
    errorDetail: {
      error: {
        code: "QuotaExceeded",
        message: "no vCPUs",
        request: { adminPassword: "Hunter2!", body: "Bearer abc.def" },
      },
    },
    steps: [
      { name: "Create network interface", requestId: "req-step-aaaa" },
      { name: "Create VM", requestId: "req-step-bbbb" },
    ],
  });
  await operation({ tenantId: contoso.id, kind: "vm.start", state: "succeeded", targetName: "web-02", ageHours: 30 });
  await operation({ tenantId: contoso.id, kind: "vm.create", state: "running", targetName: "db-01", ageHours: 0.1 });
  await operation({
    tenantId: contoso.id,
    kind: "vm.delete",
    state: "succeeded",
    targetName: "old-01",
    ageHours: 24 * 10,
  });
  acmeOp = await operation({
    tenantId: acme.id,
    kind: "lb.addFrontend",
    state: "succeeded",
    targetName: "acme-lb",
    ageHours: 1,
    steps: [{ name: "Save", requestId: "req-acme-cccc" }],
  });
  await db.auditEvent.create({
    data: { action: "operation.retry", targetType: "Operation", targetId: failedVm, actorEmail: "admin@example.test" },
  });
});

const names = (rows: { targetName: string }[]) => rows.map((r) => r.targetName);

describe("tenant scoping", () => {
  it("lists only the tenant's own operations, newest first", async () => {
    const { total, rows } = await listOperations({ kind: "tenant", tenantId: contoso.id }, page);
    expect(total).toBe(4);
    expect(names(rows)).toEqual(["db-01", "web-01", "web-02", "old-01"]);
  });

  it("ignores a tenant filter from a tenant scope", async () => {
    const { rows } = await listOperations({ kind: "tenant", tenantId: contoso.id }, { ...page, tenant: acme.slug });
    expect(names(rows)).not.toContain("acme-lb");
  });

  it("hides another tenant's operation from get and from search by its id or request id", async () => {
    const scope: OperationScope = { kind: "tenant", tenantId: contoso.id };
    await expect(getOperation(scope, acmeOp)).rejects.toBeInstanceOf(NotFound);
    expect((await listOperations(scope, { ...page, q: acmeOp })).total).toBe(0);
    expect((await listOperations(scope, { ...page, q: "req-acme-cccc" })).total).toBe(0);
    await expect(getOperation({ kind: "tenant", tenantId: acme.id }, acmeOp)).resolves.toMatchObject({
      targetName: "acme-lb",
    });
  });

  it("lets staff see every tenant and filter by one", async () => {
    expect((await listOperations(staff, page)).total).toBe(5);
    const { rows } = await listOperations(staff, { ...page, tenant: acme.slug });
    expect(names(rows)).toEqual(["acme-lb"]);
    expect(rows[0].tenant).toEqual({ name: "AcmeCorp", slug: acme.slug });
  });
});

describe("filters and search", () => {
  it("filters by kind, state and period", async () => {
    expect(names((await listOperations(staff, { ...page, kind: "vm.create" })).rows)).toEqual(["db-01", "web-01"]);
    expect(names((await listOperations(staff, { ...page, state: "failed" })).rows)).toEqual(["web-01"]);
    expect(names((await listOperations(staff, { ...page, period: "24h" })).rows)).toEqual([
      "db-01",
      "acme-lb",
      "web-01",
    ]);
    expect((await listOperations(staff, { ...page, period: "7d" })).total).toBe(4);
    const custom = await listOperations(staff, {
      ...page,
      period: "custom",
      from: new Date(Date.now() - 48 * hour),
      to: new Date(Date.now() - 12 * hour),
    });
    expect(names(custom.rows)).toEqual(["web-02"]);
  });

  it("searches target names in any case, and operation and request ids exactly", async () => {
    expect(names((await listOperations(staff, { ...page, q: "WEB-0" })).rows)).toEqual(["web-01", "web-02"]);
    expect(names((await listOperations(staff, { ...page, q: failedVm })).rows)).toEqual(["web-01"]);
    expect(names((await listOperations(staff, { ...page, q: "req-op-1111" })).rows)).toEqual(["web-01"]);
    expect(names((await listOperations(staff, { ...page, q: "req-step-bbbb" })).rows)).toEqual(["web-01"]);
    expect((await listOperations(staff, { ...page, q: "req-step" })).total).toBe(0);
  });

  it("pages with skip and take", async () => {
    const { total, rows } = await listOperations(staff, { skip: 1, take: 2 });
    expect(total).toBe(5);
    expect(names(rows)).toEqual(["acme-lb", "web-01"]);
  });

  it("counts by state for the rest of the filter", async () => {
    // Exact (few rows): estimates only start above COUNT_EXACT_LIMIT (lib/jobs/console.test.ts).
    const exact = (counts: Record<string, { value: number; estimated: boolean }>) =>
      Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, c.estimated ? `about ${c.value}` : c.value]));
    expect(exact(await countOperationsByState({ kind: "tenant", tenantId: contoso.id }, {}))).toEqual({
      queued: 0,
      running: 1,
      succeeded: 2,
      failed: 1,
      cancelled: 0,
    });
    expect(exact(await countOperationsByState(staff, { kind: "vm.create" }))).toEqual({
      queued: 0,
      running: 1,
      succeeded: 0,
      failed: 1,
      cancelled: 0,
    });
  });

  it("lists the kinds in scope", async () => {
    expect(await listOperationKinds({ kind: "tenant", tenantId: acme.id })).toEqual(["lb.addFrontend"]);
  });
});

describe("getOperation", () => {
  it("returns steps by position, tenant and a redacted error for staff", async () => {
    const op = await getOperation(staff, failedVm);
    expect(op.steps.map((s) => s.name)).toEqual(["Create network interface", "Create VM"]);
    expect(op.tenant?.name).toBe("Contoso");
    expect(op.errorRequestId).toBe("req-op-1111");
    const raw = JSON.stringify(op.errorDetail);
    expect(raw).toContain("QuotaExceeded");
    expect(raw).not.toContain("Hunter2!");
    expect(raw).not.toContain("abc.def");
  });

  it("keeps the raw ARM error from tenants but not the code and request id", async () => {
    const op = await getOperation({ kind: "tenant", tenantId: contoso.id }, failedVm);
    expect(op.errorDetail).toBeNull();
    expect(op).toMatchObject({ errorCode: "QuotaExceeded", errorRequestId: "req-op-1111" });
  });

  it("finds the audit events about an operation", async () => {
    const events = await listRelatedAuditEvents(staffCtx, failedVm);
    expect(events.map((e) => e.action)).toEqual(["operation.retry"]);
  });
});

describe("operationsPerHour", () => {
  it("buckets the last 24 hours by hour and the last 7 days by day, by outcome", async () => {
    const hours = await operationsPerHour(staff, { hours: 24 });
    expect(hours).toHaveLength(24);
    const last = hours.at(-1)!;
    expect(last.start.getTime()).toBe(Math.floor(Date.now() / hour) * hour);
    const total = hours.reduce((n, b) => ({ s: n.s + b.succeeded, f: n.f + b.failed, p: n.p + b.inProgress }), {
      s: 0,
      f: 0,
      p: 0,
    });
    expect(total).toEqual({ s: 1, f: 1, p: 1 }); // acme-lb, web-01, db-01; web-02 is 30 h old
    const twoHoursAgo = hours.find((b) => b.failed === 1)!;
    expect(Math.round((last.start.getTime() - twoHoursAgo.start.getTime()) / hour)).toBe(2);

    const days = await operationsPerHour({ kind: "tenant", tenantId: contoso.id }, { hours: 168 });
    expect(days).toHaveLength(7);
    expect(days.reduce((n, b) => n + b.succeeded + b.failed + b.inProgress + b.cancelled, 0)).toBe(3);
  });
});
