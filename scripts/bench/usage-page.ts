/**
 * The Usage page's server time (issue 15): tenantUsage (lib/usage-report/tenant-usage.ts, everything the tenant's
 * page reads: the month's rows by meter and by day, closed months, per-resource usage from the state history) for one
 * tenant's last month, with 1 and then 12 months of history for every tenant. The report reads the month's rows
 * through the (tenantId, postedOn) index and only intervals open during the month, so the two should be alike
 * (target ≤ 1.5×). History is inserted set-based: per tenant and day three rated rows (compute, disk, IP) and per VM
 * and day a compute interval, plus a disk interval per VM for the whole history.
 */
import { db } from "@/lib/db/client";
import { tenantUsage } from "@/lib/usage-report/tenant-usage";
import type { Row } from "./report.ts";

const START = new Date("2025-01-01T00:00:00Z");
const PREFIX = "bench-page-";

async function clear() {
  await db.$executeRaw`DELETE FROM "RatedUsage" WHERE id LIKE 'bp-%'`;
  await db.$executeRaw`DELETE FROM "UsageInterval" WHERE id LIKE 'bp-%'`;
  await db.$executeRaw`DELETE FROM "Tenant" WHERE slug LIKE ${`${PREFIX}%`}`;
}

async function seed(tenants: number, vms: number, months: number) {
  const end = new Date(Date.UTC(START.getUTCFullYear(), START.getUTCMonth() + months, 1));
  const days = Math.round((end.getTime() - START.getTime()) / 86_400_000);
  await db.$executeRaw`
    INSERT INTO "Tenant" (id, slug, name, state, "updatedAt")
    SELECT ${PREFIX} || t, ${PREFIX} || t, 'Bench page ' || t, 'active', now() FROM generate_series(1, ${tenants}::int) t`;
  await db.$executeRaw`
    INSERT INTO "RatedUsage" (id, "usageDailyId", "tenantId", "tenantSubscriptionId", "planId", meter, region, sku, day,
      "postedOn", seq, quantity, unit, currency, "listPrice", "markupKind", "markupValue", "unitPrice", amount, closed,
      "usageComputedAt")
    SELECT 'bp-' || t || '-' || d || '-' || k, 'bp-' || t || '-' || d || '-' || k, ${PREFIX} || t, ${PREFIX} || t,
           'bench-plan', m.meter, 'westeurope', m.sku, ${START}::date + d, ${START}::date + d, 0, m.qty, m.unit, 'USD',
           m.price, 'percent', 0, m.price, m.qty * m.price, true, now()
    FROM generate_series(1, ${tenants}::int) t, generate_series(0, ${days - 1}::int) d,
         (VALUES (1, 'vm.compute.linux', 'Standard_D2s_v3', ${vms * 10}::numeric, '1 Hour', 0.096::numeric),
                 (2, 'disk.managed', 'P4 LRS', ${vms}::numeric / 30, '1/Month', 5.28::numeric),
                 (3, 'ip.standard', 'Standard', ${vms * 12}::numeric, '1 Hour', 0.005::numeric)) m(k, meter, sku, qty, unit, price)`;
  await db.$executeRaw`
    INSERT INTO "UsageInterval" (id, "tenantId", "tenantSubscriptionId", "planId", "resourceType", "resourceId",
      "resourceName", meter, region, sku, units, "startAt", "endAt", source)
    SELECT 'bp-' || t || '-' || v || '-' || d, ${PREFIX} || t, ${PREFIX} || t, 'bench-plan', 'VirtualMachine',
           'bp-vm-' || t || '-' || v, 'vm' || v, 'vm.compute.linux', 'westeurope', 'Standard_D2s_v3', 1,
           ${START}::timestamptz + d * interval '24 hours' + interval '8 hours',
           ${START}::timestamptz + d * interval '24 hours' + interval '18 hours', 'sync'
    FROM generate_series(1, ${tenants}::int) t, generate_series(1, ${vms}::int) v, generate_series(0, ${days - 1}::int) d`;
  await db.$executeRaw`
    INSERT INTO "UsageInterval" (id, "tenantId", "tenantSubscriptionId", "planId", "resourceType", "resourceId",
      "resourceName", meter, region, sku, units, "startAt", "endAt", source)
    SELECT 'bp-' || t || '-' || v || '-disk', ${PREFIX} || t, ${PREFIX} || t, 'bench-plan', 'ManagedDisk',
           'bp-vm-' || t || '-' || v || '/os', 'vm' || v || ' os', 'disk.managed', 'westeurope', 'P4 LRS', 1,
           ${START}::timestamptz, ${end}::timestamptz, 'sync'
    FROM generate_series(1, ${tenants}::int) t, generate_series(1, ${vms}::int) v`;
  // Vacuumed as a settled database is (visibility map set, statistics current): timing right after a bulk insert would
  // measure autovacuum catching up, not the page.
  await db.$executeRaw`VACUUM ANALYZE "RatedUsage"`;
  await db.$executeRaw`VACUUM ANALYZE "UsageInterval"`;
  return { end, days };
}

async function timedPage(opts: {
  tenants: number;
  vms: number;
  months: number;
  runs: number;
  log: (m: string) => void;
}) {
  await clear();
  const { end, days } = await seed(opts.tenants, opts.vms, opts.months);
  const lastMonth = new Date(end.getTime() - 86_400_000).toISOString().slice(0, 7);
  const now = new Date(end.getTime() + 3_600_000);
  const tenantId = `${PREFIX}${Math.ceil(opts.tenants / 2)}`;
  const first = await tenantUsage(tenantId, lastMonth, now); // warms the connection pool and the plan cache
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    await tenantUsage(tenantId, lastMonth, now);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const medianMs = samples[Math.floor(samples.length / 2)];
  opts.log(
    `  ${opts.months} month(s) of history (${days} days × ${opts.tenants} tenants): ${first.byMeter.length} rows, ${first.byResource.length} resources, median ${medianMs.toFixed(1)} ms`,
  );
  return { months: opts.months, days, medianMs };
}

export type UsagePageFigures = {
  tenants: number;
  vmsEach: number;
  one: { medianMs: number };
  twelve: { medianMs: number };
  ratio: number;
};

export async function benchUsagePage(opts: {
  tenants: number;
  vmsEach: number;
  runs?: number;
  log: (m: string) => void;
}) {
  const base = { tenants: opts.tenants, vms: opts.vmsEach, runs: opts.runs ?? 40, log: opts.log };
  const one = await timedPage({ ...base, months: 1 });
  const twelve = await timedPage({ ...base, months: 12 });
  await clear();
  return { tenants: opts.tenants, vmsEach: opts.vmsEach, one, twelve, ratio: twelve.medianMs / one.medianMs };
}

export function usagePageRows(f: UsagePageFigures): Row[] {
  return [
    {
      figure: `Usage page server time, 1 month of history (${f.tenants} tenants × ${f.vmsEach} VMs)`,
      value: `${f.one.medianMs.toFixed(1)} ms`,
      target: "",
      pass: null,
    },
    {
      figure: "Usage page server time, 12 months",
      value: `${f.twelve.medianMs.toFixed(1)} ms`,
      target: "",
      pass: null,
    },
    { figure: "Usage page: 12 months ÷ 1 month", value: f.ratio.toFixed(2), target: "≤ 1.5", pass: f.ratio <= 1.5 },
  ];
}
