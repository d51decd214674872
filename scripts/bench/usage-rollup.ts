/**
 * The usage rollup's figures (issue 15): the daily rollup (lib/usage/rollup.ts) over 500 tenants × 20 VMs × 31 days of
 * state history, then over twice the history (62 days), timed. The history is inserted set-based: per VM and day a
 * compute interval (started 08:00, deallocated 18:00), and per VM an OS disk and (every other VM) a public IP existing
 * the whole period, so each run cuts ~(10 + 1.5/day) intervals per VM-day-equivalent into days.
 */
import { db } from "@/lib/db/client";
import { rollupDays } from "@/lib/usage/rollup";
import type { Row } from "./report.ts";

const START = new Date("2026-01-01T00:00:00Z");
const DAY_MS = 86_400_000;
const PREFIX = "bench-usage-";

async function clear() {
  await db.$executeRaw`DELETE FROM "UsageDaily" WHERE "tenantSubscriptionId" LIKE ${`${PREFIX}%`}`;
  await db.$executeRaw`DELETE FROM "UsageInterval" WHERE "tenantSubscriptionId" LIKE ${`${PREFIX}%`}`;
  await db.$executeRaw`VACUUM "UsageDaily"`;
}

async function seed(tenants: number, vms: number, days: number) {
  const end = new Date(START.getTime() + days * DAY_MS);
  await db.$executeRaw`
    INSERT INTO "UsageInterval" (id, "tenantId", "tenantSubscriptionId", "planId", "resourceType", "resourceId",
      "resourceName", meter, region, sku, units, "startAt", "endAt", source)
    SELECT 'bu-' || t || '-' || v || '-' || d, 'bench-tenant-' || t, ${PREFIX} || t, 'bench-plan', 'VirtualMachine',
           'bench-vm-' || t || '-' || v, 'vm' || v, 'vm.compute.linux', 'westeurope',
           CASE WHEN v % 4 = 0 THEN 'Standard_D4s_v3' ELSE 'Standard_D2s_v3' END, 1,
           ${START}::timestamptz + d * interval '24 hours' + interval '8 hours',
           ${START}::timestamptz + d * interval '24 hours' + interval '18 hours', 'sync'
    FROM generate_series(1, ${tenants}::int) t, generate_series(1, ${vms}::int) v, generate_series(0, ${days - 1}::int) d`;
  await db.$executeRaw`
    INSERT INTO "UsageInterval" (id, "tenantId", "tenantSubscriptionId", "planId", "resourceType", "resourceId",
      "resourceName", meter, region, sku, units, "startAt", "endAt", source)
    SELECT 'bd-' || t || '-' || v || '-' || k, 'bench-tenant-' || t, ${PREFIX} || t, 'bench-plan', k,
           'bench-vm-' || t || '-' || v || '/' || k, 'vm' || v || ' ' || k,
           CASE k WHEN 'ManagedDisk' THEN 'disk.managed' ELSE 'ip.standard' END, 'westeurope',
           CASE k WHEN 'ManagedDisk' THEN 'P4 LRS' ELSE 'Standard' END, 1, ${START}::timestamptz, ${end}::timestamptz, 'sync'
    FROM generate_series(1, ${tenants}::int) t, generate_series(1, ${vms}::int) v,
         unnest(ARRAY['ManagedDisk', 'PublicIpAddress']) k
    WHERE k = 'ManagedDisk' OR v % 2 = 0`;
  // Settled before the clock starts (dead rows of the previous run gone, statistics current, dirty pages written):
  // otherwise the timed run pays for autovacuum and the checkpoint of the seeding, not for the rollup.
  await db.$executeRaw`VACUUM ANALYZE "UsageInterval"`;
  await db.$executeRaw`CHECKPOINT`;
  const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "UsageInterval" WHERE "tenantSubscriptionId" LIKE ${`${PREFIX}%`}`;
  return Number(n);
}

async function timedRollup(tenants: number, vms: number, days: number, log: (m: string) => void) {
  await clear();
  const intervals = await seed(tenants, vms, days);
  const to = new Date(START.getTime() + days * DAY_MS);
  const t0 = performance.now();
  const result = await rollupDays(START, to, to);
  const seconds = (performance.now() - t0) / 1000;
  log(`  ${days} days: ${intervals} intervals → ${result.rows} daily rows in ${seconds.toFixed(2)} s`);
  return { days, intervals, rows: result.rows, seconds };
}

export type UsageRollupFigures = {
  tenants: number;
  vmsEach: number;
  base: Awaited<ReturnType<typeof timedRollup>>;
  double: Awaited<ReturnType<typeof timedRollup>>;
  ratio: number;
};

export async function benchUsageRollup(opts: {
  tenants: number;
  vmsEach: number;
  days: number;
  log: (m: string) => void;
}) {
  const base = await timedRollup(opts.tenants, opts.vmsEach, opts.days, opts.log);
  const double = await timedRollup(opts.tenants, opts.vmsEach, opts.days * 2, opts.log);
  await clear();
  return { tenants: opts.tenants, vmsEach: opts.vmsEach, base, double, ratio: double.seconds / base.seconds };
}

export function usageRollupRows(f: UsageRollupFigures): Row[] {
  const scale = `${f.tenants} tenants × ${f.vmsEach} VMs`;
  return [
    {
      figure: `Usage rollup: ${scale} × ${f.base.days} days`,
      value: `${f.base.seconds.toFixed(2)} s`,
      target: "< 30 s",
      pass: f.base.seconds < 30,
    },
    {
      figure: `Usage rollup: ${f.double.days} days`,
      value: `${f.double.seconds.toFixed(2)} s`,
      target: "",
      pass: null,
    },
    {
      figure: "Usage rollup: twice the history ÷ once",
      value: f.ratio.toFixed(2),
      target: "≤ 2.2",
      pass: f.ratio <= 2.2,
    },
  ];
}
