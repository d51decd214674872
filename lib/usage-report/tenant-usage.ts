import { db } from "@/lib/db/client";
import { amountOf, toCents } from "@/lib/pricing/markup";
import { usageRows, totalsByCurrency, type UsageRow } from "./report";
import { monthPeriod, recentMonths } from "./months";
import { usageByResource } from "./by-resource";

/**
 * A tenant's Usage page for one month (this month so far unless asked): the report's monthly rows by meter and size,
 * its daily rows summed per day for the chart, the estimated charges, and what each resource used. The rows come from
 * the report service, so the page, the CSV and the API show the same figures. Only `tenantId`'s rows are read.
 */
export async function tenantUsage(tenantId: string, month?: string, now = new Date()) {
  const period = monthPeriod(month, now);
  const [byMeter, daily, closedMonths, byResource] = await Promise.all([
    usageRows({ ...period, granularity: "monthly", tenantId }),
    usageRows({ ...period, granularity: "daily", tenantId }),
    db.usagePeriodClose.findMany({
      where: { kind: "month", start: { gte: new Date(`${recentMonths(now).at(-1)}-01T00:00:00Z`) } },
      select: { start: true },
    }),
    usageByResource(tenantId, period, now),
  ]);
  const closed = new Set(closedMonths.map((m) => m.start.toISOString().slice(0, 7)));
  const totals = totalsByCurrency(byMeter);
  const currency = totals[0]?.currency ?? null;
  return {
    ...period,
    isClosed: closed.has(period.month),
    months: recentMonths(now).map((m) => ({ month: m, isClosed: closed.has(m) })),
    byMeter,
    byDay: dailySeries(daily, period, currency),
    byResource: byResource.map((r) => ({ ...r, ...estimate(r, byMeter) })),
    totals,
    currency,
  };
}
export type TenantUsage = Awaited<ReturnType<typeof tenantUsage>>;

/** One point per day of the period (zero on days without usage), in the page's first currency; adjustments apart. */
function dailySeries(rows: UsageRow[], period: { from: string; to: string }, currency: string | null) {
  const out: { day: string; amount: number; adjustments: number }[] = [];
  for (let t = Date.parse(`${period.from}T00:00:00Z`); t <= Date.parse(`${period.to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const of = rows.filter((r) => r.period === day && r.currency === currency);
    const sum = (list: UsageRow[]) => Math.round(list.reduce((s, r) => s + Number(r.amount), 0) * 100) / 100;
    out.push({ day, amount: sum(of.filter((r) => !r.adjustment)), adjustments: sum(of.filter((r) => r.adjustment)) });
  }
  return out;
}

/**
 * A resource's estimated charge: its quantity × the unit price its meter, region and size are charged at this month
 * (the newest, when a new sheet took effect mid-month). An estimate beside the rated totals, which are what is billed.
 */
function estimate(r: { meter: string; region: string; sku: string; quantity: string }, byMeter: UsageRow[]) {
  const priced = byMeter.filter(
    (m) => m.meter === r.meter && m.region === r.region && m.sku === r.sku && m.unitPrice !== null,
  );
  const row = priced.at(-1);
  if (!row) return { unitPrice: null, amount: null, currency: null };
  return {
    unitPrice: row.unitPrice,
    amount: toCents(amountOf(r.quantity, row.unitPrice!)).toFixed(2),
    currency: row.currency,
  };
}
