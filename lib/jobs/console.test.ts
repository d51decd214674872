import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/context";
import { formatCount, formatRange } from "@/components/data-table/params";
import { COUNT_EXACT_LIMIT } from "@/lib/db/count";
import { listAuditActions, listAuditEvents } from "@/lib/audit/queries";
import { loadOperationsConsolePage } from "./console";
import { listOperationKinds, listOperations, type OperationScope } from "./queries";

setupTestDatabase();

const staff: OperationScope = { kind: "staff" };
const admin: StaffContext = {
  user: { id: "u", email: "admin@example.test", name: "Admin", staffRole: "admin" },
  staffRole: "admin",
};
const T0 = new Date("2026-11-01T12:00:00.000Z");
const BIG = COUNT_EXACT_LIMIT + 2_000;

beforeAll(async () => {
  await db.tenant.create({ data: { id: "t-small", slug: "small", name: "Small" } });
  await db.tenant.create({ data: { id: "t-big", slug: "big", name: "Big" } });
  // Small tenant: 7 operations, three of them in the same millisecond (ties on createdAt), ids op-1 … op-7.
  const at = [0, 1, 1, 1, 2, 3, 4].map((m) => new Date(T0.getTime() + m * 60_000));
  await db.operation.createMany({
    data: at.map((createdAt, i) => ({
      id: `op-${i + 1}`,
      kind: i % 2 ? "vm.start" : "vm.create",
      tenantId: "t-small",
      targetType: "VirtualMachine",
      targetId: `vm-${i + 1}`,
      targetName: i % 2 ? `db-0${i + 1}` : `web-0${i + 1}`,
      state: i === 4 ? "failed" : "succeeded",
      createdAt,
    })),
  });
  // Big tenant: more than the exact-count limit, inserted set-based, older than the small tenant's.
  await db.$executeRaw`
    INSERT INTO "Operation" (id, kind, "tenantId", "targetType", "targetId", "targetName", state, "createdAt")
    SELECT 'big-' || i, 'vm.restart', 't-big', 'VirtualMachine', 'vm-big-' || (i % 100), 'app-' || (i % 100),
           (CASE WHEN i % 1000 = 0 THEN 'failed' ELSE 'succeeded' END)::"OperationState",
           ${T0}::timestamp - (i || ' seconds')::interval
    FROM generate_series(1, ${BIG}::int) i`;
  await db.$executeRawUnsafe(`ANALYZE "Operation"`);
  await db.auditEvent.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({
      id: `ae-${i + 1}`,
      action: i % 2 ? "vm.start" : "auth.login",
      actorEmail: `user${i}@example.test`,
      at: new Date(T0.getTime() + Math.floor(i / 2) * 1000), // pairs share a timestamp
    })),
  });
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const small: OperationScope = { kind: "tenant", tenantId: "t-small" };

describe("keyset pages of operations", () => {
  it("walks next and previous by cursor, newest first, ties on createdAt broken by id", async () => {
    const p1 = await listOperations(small, { take: 2 });
    expect(ids(p1.rows)).toEqual(["op-7", "op-6"]);
    expect(p1.prevCursor).toBeNull();
    // op-2, op-3 and op-4 share a millisecond and the page boundary falls among them: by id, none skipped or repeated.
    const p2 = await listOperations(small, { take: 2, after: p1.nextCursor! });
    expect(ids(p2.rows)).toEqual(["op-5", "op-4"]);
    const p3 = await listOperations(small, { take: 2, after: p2.nextCursor! });
    expect(ids(p3.rows)).toEqual(["op-3", "op-2"]);
    const p4 = await listOperations(small, { take: 2, after: p3.nextCursor! });
    expect(ids(p4.rows)).toEqual(["op-1"]);
    expect(p4.nextCursor).toBeNull();
    const back = await listOperations(small, { take: 2, before: p4.prevCursor! });
    expect(ids(back.rows)).toEqual(["op-3", "op-2"]);
    const back2 = await listOperations(small, { take: 2, before: back.prevCursor! });
    expect(ids(back2.rows)).toEqual(["op-5", "op-4"]);
    const first = await listOperations(small, { take: 2, before: back2.prevCursor! });
    expect(ids(first.rows)).toEqual(["op-7", "op-6"]);
    expect(first.prevCursor).toBeNull();
    expect(p1.total).toBe(7);
    expect(p1.totalIsEstimate).toBe(false);
  });

  it("pages a filtered list by cursor and keeps the filter's exact total", async () => {
    const filter = { kind: "vm.create", q: "WEB" };
    const p1 = await listOperations(small, { ...filter, take: 2 });
    expect(ids(p1.rows)).toEqual(["op-7", "op-5"]);
    const p2 = await listOperations(small, { ...filter, take: 2, after: p1.nextCursor! });
    expect(ids(p2.rows)).toEqual(["op-3", "op-1"]);
    expect(p2.nextCursor).toBeNull();
    expect(p2.total).toBe(4);
  });

  it("reads a cursor that is not one as the first page", async () => {
    const page = await listOperations(small, { take: 3, after: "not-a-cursor" });
    expect(ids(page.rows)).toEqual(["op-7", "op-6", "op-5"]);
  });

  it("lists the kinds in scope by skip scan", async () => {
    expect(await listOperationKinds(small)).toEqual(["vm.create", "vm.start"]);
    expect(await listOperationKinds(staff)).toEqual(["vm.create", "vm.restart", "vm.start"]);
  });
});

describe("a search's page and counts in one read", () => {
  const consolePage = (scope: OperationScope, filter: { q: string }, page: object, state?: "failed") =>
    loadOperationsConsolePage(scope, { filter, state, page: { take: 2, ...page }, chartHours: 24 });

  it("counts the matches exactly and pages them by cursor both ways", async () => {
    const p1 = await consolePage(small, { q: "web" }, {});
    expect(ids(p1.list.rows)).toEqual(["op-7", "op-5"]);
    expect(p1.counts).toMatchObject({
      succeeded: { value: 3, estimated: false },
      failed: { value: 1, estimated: false },
    });
    expect(p1.list).toMatchObject({ total: 4, totalIsEstimate: false, prevCursor: null });
    const p2 = await consolePage(small, { q: "web" }, { after: p1.list.nextCursor });
    expect(ids(p2.list.rows)).toEqual(["op-3", "op-1"]);
    expect(p2.list.nextCursor).toBeNull();
    const back = await consolePage(small, { q: "web" }, { before: p2.list.prevCursor });
    expect(ids(back.list.rows)).toEqual(["op-7", "op-5"]);
    expect(back.list.prevCursor).toBeNull();
    const failed = await consolePage(small, { q: "web" }, {}, "failed");
    expect(ids(failed.list.rows)).toEqual(["op-5"]);
    expect(failed.list.total).toBe(1);
  });

  it("falls back to the indexes and estimates when a search matches more than the limit", async () => {
    const wide = await consolePage({ kind: "tenant", tenantId: "t-big" }, { q: "app" }, {});
    expect(wide.counts.succeeded.estimated).toBe(true);
    expect(wide.list.rows).toHaveLength(2);
    expect(wide.list.rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(wide.list.rows[1].createdAt.getTime());
  });
});

describe("estimated counts", () => {
  it("counts exactly up to the limit and labels the planner's estimate above it", async () => {
    const big = await loadOperationsConsolePage(
      { kind: "tenant", tenantId: "t-big" },
      { filter: {}, page: { take: 20 }, chartHours: 24 },
    );
    expect(big.counts.succeeded.estimated).toBe(true);
    expect(big.counts.succeeded.value).toBeGreaterThan(COUNT_EXACT_LIMIT);
    // The few failed ones beside them are still counted exactly.
    expect(big.counts.failed).toEqual({ value: Math.floor(BIG / 1000), estimated: false });
    expect(big.list.totalIsEstimate).toBe(true);
    expect(big.list.rows).toHaveLength(20);
    expect(formatCount(big.list.total, big.list.totalIsEstimate)).toMatch(/^about \d{1,3}(,\d{3})*$/);
    expect(formatRange(1, 20, big.list.total, { shown: 20 })).toMatch(/^1–20 of about /);

    const failed = await loadOperationsConsolePage(
      { kind: "tenant", tenantId: "t-big" },
      { filter: {}, state: "failed", page: { take: 20 }, chartHours: 24 },
    );
    expect(failed.list).toMatchObject({ total: Math.floor(BIG / 1000), totalIsEstimate: false });
    expect(formatCount(failed.list.total, failed.list.totalIsEstimate)).toBe(String(Math.floor(BIG / 1000)));
  });

  it("prints an estimate with two significant figures", () => {
    expect(formatCount(1_234_567, true)).toBe("about 1,200,000");
    expect(formatCount(12_049, true)).toBe("about 12,000");
    expect(formatCount(12_049)).toBe("12,049");
  });
});

describe("audit log", () => {
  it("pages by cursor with ties on the time broken by id, and lists actions by skip scan", async () => {
    const p1 = await listAuditEvents(admin, { take: 2 });
    expect(ids(p1.rows)).toEqual(["ae-5", "ae-4"]);
    const p2 = await listAuditEvents(admin, { take: 2, after: p1.nextCursor! });
    expect(ids(p2.rows)).toEqual(["ae-3", "ae-2"]);
    const p3 = await listAuditEvents(admin, { take: 2, after: p2.nextCursor! });
    expect(ids(p3.rows)).toEqual(["ae-1"]);
    expect(ids((await listAuditEvents(admin, { take: 2, before: p3.prevCursor! })).rows)).toEqual(["ae-3", "ae-2"]);
    const logins = await listAuditEvents(admin, { take: 2, action: "auth.login" });
    expect(ids(logins.rows)).toEqual(["ae-5", "ae-3"]);
    expect(logins).toMatchObject({ total: 3, totalIsEstimate: false });
    expect(await listAuditActions()).toEqual(["auth.login", "vm.start"]);
  });
});
