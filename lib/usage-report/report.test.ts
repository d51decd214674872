import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { createApiApp } = await import("@/lib/api/app");
const { apiCaller } = await import("@/lib/api/testing");
const { issueApiToken } = await import("@/lib/api-tokens/service");
const { staffContext } = await import("@/test/tenants");
const { rollupDays } = await import("@/lib/usage/rollup");
const { closeDays } = await import("@/lib/usage/close");
const { meters } = await import("@/lib/usage/meters");
const { matchKey } = await import("@/lib/pricing/match");
const { rateUsage } = await import("@/lib/pricing/rate");
const { providerUsageCsv, tenantUsageCsv } = await import("./provider-report");
const { csvLine } = await import("./csv");
const { tenantUsage } = await import("./tenant-usage");

/**
 * The three doors onto the one report (issue 15 point 5) over a seeded November: the tenant's Usage page service, the
 * API and the CSV give the same rows and amounts, a late correction of a closed day is an adjustment row, and a
 * tenant's token or page sees only its own tenant. State history is written directly (no Azure needed to meter).
 */
const now = new Date("2026-11-10T12:00:00Z");
const call = apiCaller(createApiApp());
const tokens: Record<string, string> = {};
const owners: Record<"a" | "b", { tenantId: string; slug: string; tsubId: string; planId: string }> = {} as never;

async function owner(planId: string) {
  const suffix = randomBytes(3).toString("hex");
  const tenant = await db.tenant.create({ data: { slug: `use-${suffix}`, name: `Usage ${suffix}` } });
  const tsub = await db.tenantSubscription.create({
    data: { tenantId: tenant.id, planId, name: "main", resourceGroup: `rg-${suffix}` },
  });
  return { tenantId: tenant.id, slug: tenant.slug, tsubId: tsub.id, planId };
}

function interval(o: (typeof owners)["a"], r: { id: string; meter: string; sku: string; start: string; end: string }) {
  return db.usageInterval.create({
    data: {
      tenantId: o.tenantId,
      tenantSubscriptionId: o.tsubId,
      planId: o.planId,
      resourceType: r.meter.startsWith("vm") ? "VirtualMachine" : "ManagedDisk",
      resourceId: r.id,
      resourceName: r.id,
      meter: r.meter,
      region: "westeurope",
      sku: r.sku,
      startAt: new Date(r.start),
      endAt: new Date(r.end),
      source: "operation",
    },
  });
}

beforeAll(async () => {
  const suffix = randomBytes(3).toString("hex");
  const sub = await db.azureSubscription.create({
    data: {
      subscriptionId: `sub-${suffix}`,
      displayName: "Usage",
      cloud: "Custom",
      directoryId: "d",
      clientId: "c",
      clientSecretEnc: "x",
      state: "active",
    },
  });
  const plan = await db.plan.create({
    data: {
      name: `Usage ${suffix}`,
      azureSubscriptionId: sub.id,
      quotaVms: 10,
      quotaVcpus: 40,
      quotaPublicIps: 5,
      quotaLoadBalancers: 2,
      quotaProtectedVms: 5,
    },
  });
  await db.planPricing.create({ data: { planId: plan.id, currency: "EUR", markupKind: "percent", markupValue: 10 } });
  const { user: admin } = await staffContext("admin@usage.test");
  const vmRow = meters["vm.compute.linux"].retailRow("westeurope", "Standard_D2s_v3");
  const diskRow = meters["disk.managed"].retailRow("westeurope", "P4 LRS");
  await db.priceSheet.create({
    data: {
      currency: "EUR",
      source: "file",
      sourceName: "test.json",
      rowCount: 2,
      importedById: admin.id,
      rows: {
        create: [
          { ...vmRow, unitPrice: "0.1", line: 1 },
          { ...diskRow, unitPrice: "6.2", line: 2 },
        ].map((r) => ({
          line: r.line,
          serviceName: r.serviceName,
          serviceFamily: "Compute",
          productName: r.productName,
          skuName: r.skuName,
          meterName: r.meterName,
          armSkuName: r.armSkuName ?? "",
          armRegionName: r.armRegionName,
          location: "EU West",
          unitOfMeasure: r.unitOfMeasure,
          unitPrice: r.unitPrice,
          retailPrice: r.unitPrice,
          tierMinimumUnits: 0,
          meterId: "",
          type: "Consumption",
          matchKey: matchKey(r),
        })),
      },
    },
  });
  owners.a = await owner(plan.id);
  owners.b = await owner(plan.id);
  // A: a VM allocated 36 h over 3-4 November and a P4 disk for 3 whole days; B: a VM for 5 h on 3 November.
  await interval(owners.a, {
    id: "a-vm",
    meter: "vm.compute.linux",
    sku: "Standard_D2s_v3",
    start: "2026-11-03T08:00:00Z",
    end: "2026-11-04T20:00:00Z",
  });
  await interval(owners.a, {
    id: "a-disk",
    meter: "disk.managed",
    sku: "P4 LRS",
    start: "2026-11-03T00:00:00Z",
    end: "2026-11-06T00:00:00Z",
  });
  await interval(owners.b, {
    id: "b-vm",
    meter: "vm.compute.linux",
    sku: "Standard_D2s_v3",
    start: "2026-11-03T10:00:00Z",
    end: "2026-11-03T15:00:00Z",
  });
  await rollupDays(new Date("2026-11-01T00:00:00Z"), new Date("2026-11-11T00:00:00Z"), now);
  await closeDays(new Date("2026-11-01T00:00:00Z"), now);
  // Found late: B's VM also ran 2 h on (closed) 4 November; booked as an adjustment on the open 10 November.
  await interval(owners.b, {
    id: "b-vm",
    meter: "vm.compute.linux",
    sku: "Standard_D2s_v3",
    start: "2026-11-04T10:00:00Z",
    end: "2026-11-04T12:00:00Z",
  });
  await rollupDays(new Date("2026-11-01T00:00:00Z"), new Date("2026-11-11T00:00:00Z"), now);
  await rateUsage();

  tokens.admin = (await issueApiToken(admin, { name: "billing", expiresInDays: 1, scope: "helpdesk" })).token;
  for (const k of ["a", "b"] as const) {
    const { user } = await staffContext(`owner-${owners[k].slug}@usage.test`);
    await db.user.update({ where: { id: user.id }, data: { staffRole: null } });
    await db.membership.create({ data: { userId: user.id, tenantId: owners[k].tenantId, role: "reader" } });
    const spec = {
      name: k,
      expiresInDays: 1,
      scope: "tenant" as const,
      tenantId: owners[k].tenantId,
      role: "reader" as const,
    };
    tokens[k] = (await issueApiToken(user, spec)).token;
  }
});

const period = "from=2026-11-01&to=2026-11-10";
type Row = Record<string, unknown> & { tenant: string; amount: string; adjustment: boolean; meter: string };

describe("usage report", () => {
  it("gives the same rows to the API, the CSV and the tenant's page, with exact amounts", async () => {
    const api = await call(tokens.admin, "GET", `/usage?${period}&granularity=monthly`);
    expect(api.status).toBe(200);
    const rows = (api.body.value as Row[]).filter((r) => r.tenant === owners.a.slug || r.tenant === owners.b.slug);
    const a = rows.filter((r) => r.tenant === owners.a.slug);
    // 36 h × 0.1 × 1.1 = 3.96; 3 days of a 30-day month of 6.2 × 1.1 = 0.682 → 0.68 (each day's 1/30 month is kept
    // to 10 decimals by the rollup, so the month's sum reads 0.0999999999).
    expect(a.map((r) => [r.meter, r.quantity, r.unitPrice, r.amount, r.currency])).toEqual([
      ["disk.managed", "0.0999999999", "6.82", "0.68", "EUR"],
      ["vm.compute.linux", "36", "0.11", "3.96", "EUR"],
    ]);
    const b = rows.filter((r) => r.tenant === owners.b.slug);
    expect(b.map((r) => [r.quantity, r.adjustment, r.amount])).toEqual([
      ["5", false, "0.55"],
      ["2", true, "0.22"],
    ]);

    let csv = "";
    for await (const chunk of providerUsageCsv({} as never, {
      from: "2026-11-01",
      to: "2026-11-10",
      granularity: "monthly",
    }))
      csv += chunk;
    expect(csv).toBe(
      "tenant,tenantName,period,meter,meterLabel,region,sku,adjustment,quantity,unit,unitPrice,amount,currency\r\n" +
        (api.body.value as never[]).map(csvLine).join(""),
    );

    const page = await tenantUsage(owners.a.tenantId, "2026-11", now);
    expect(page.byMeter).toEqual(a);
    expect(page.totals).toEqual([{ currency: "EUR", amount: "4.64" }]);
    expect(page.isClosed).toBe(false);
    expect(page.byDay.find((d) => d.day === "2026-11-03")).toEqual({ day: "2026-11-03", amount: 1.99, adjustments: 0 });
    expect(page.byResource.map((r) => [r.resourceId, r.quantity, r.amount])).toEqual([
      ["a-disk", "0.1", "0.68"],
      ["a-vm", "36", "3.96"],
    ]);
    const mine = await call(tokens.a, "GET", `/tenants/${owners.a.slug}/usage?${period}&granularity=monthly`);
    expect(mine.body.value).toEqual(a);
    expect(mine.body.totals).toEqual(page.totals);
  });

  it("pages with nextLink and marks the late correction as an adjustment on the day it was booked", async () => {
    const first = await call(tokens.admin, "GET", `/usage?${period}&tenant=${owners.b.slug}&top=1`);
    expect(first.body).toMatchObject({ count: 2, totals: [{ currency: "EUR", amount: "0.77" }] });
    expect((first.body.value as Row[]).map((r) => [r.period, r.adjustment])).toEqual([["2026-11-03", false]]);
    const next = new URL(first.body.nextLink as string);
    const second = await call(tokens.admin, "GET", `${next.pathname.replace("/api/v1", "")}${next.search}`);
    expect((second.body.value as Row[]).map((r) => [r.period, r.adjustment, r.quantity])).toEqual([
      ["2026-11-10", true, "2"],
    ]);
    expect(second.body.nextLink).toBeNull();
  });

  it("shows a tenant only its own usage, in its CSV too", async () => {
    const page = await tenantUsage(owners.b.tenantId, "2026-11", now);
    expect(new Set(page.byMeter.map((r) => r.tenant))).toEqual(new Set([owners.b.slug]));
    expect(page.byResource.map((r) => r.resourceId)).toEqual(["b-vm"]);
    const api = await call(tokens.b, "GET", `/tenants/${owners.b.slug}/usage?${period}`);
    let csv = "";
    for await (const chunk of tenantUsageCsv(owners.b, { from: "2026-11-01", to: "2026-11-10", granularity: "daily" }))
      csv += chunk;
    expect(csv.split("\r\n").slice(1, -1)).toEqual((api.body.value as never[]).map((r) => csvLine(r).trimEnd()));
    expect(csv).not.toContain(owners.a.slug);
    expect((await call(tokens.a, "GET", `/tenants/${owners.b.slug}/usage?${period}`)).status).toBe(404);
    expect((await call(tokens.a, "GET", `/usage?${period}`)).status).toBe(404);
    expect((await call(tokens.a, "GET", `/usage?${period}&tenant=${owners.b.slug}`)).status).toBe(404);
  });

  it("refuses an inverted or over-long range with a 400 naming the field", async () => {
    const inverted = await call(tokens.admin, "GET", "/usage?from=2026-11-10&to=2026-11-01");
    expect(inverted.status).toBe(400);
    expect(JSON.stringify(inverted.body.errors)).toContain("to must not be before from");
    const long = await call(tokens.a, "GET", `/tenants/${owners.a.slug}/usage?from=2025-01-01&to=2026-11-01`);
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.errors)).toContain("at most 366 days");
    expect((await call(tokens.admin, "GET", `/usage?${period}&tenant=nobody-here`)).status).toBe(404);
  });

  it("marks a month final once its last day has closed, and keeps its figures", async () => {
    const later = new Date("2026-12-02T12:00:00Z");
    const before = await tenantUsage(owners.a.tenantId, "2026-11", later);
    expect(before.isClosed).toBe(false);
    await closeDays(new Date("2026-11-10T00:00:00Z"), later);
    const after = await tenantUsage(owners.a.tenantId, "2026-11", later);
    expect(after.isClosed).toBe(true);
    expect(after.months.find((m) => m.month === "2026-11")).toEqual({ month: "2026-11", isClosed: true });
    expect(after.months.find((m) => m.month === "2026-12")).toEqual({ month: "2026-12", isClosed: false });
    expect(after.totals).toEqual(before.totals);
  });
});
