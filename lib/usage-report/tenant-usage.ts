import { usageRows, totalsByCurrency, type UsageRow } from "./report";
import { monthToDate } from "./schema";

/**
 * A tenant's Usage page (this month so far): the report's monthly rows by meter and size, its daily rows summed per
 * day for the chart, and the estimated charges. Both come from the report service, so the page, its CSV and the API
 * show the same figures.
 */
export async function tenantUsage(tenantId: string, now = new Date()) {
  const period = monthToDate(now);
  const [byMeter, daily] = await Promise.all([
    usageRows({ ...period, granularity: "monthly", tenantId }),
    usageRows({ ...period, granularity: "daily", tenantId }),
  ]);
  return { period, byMeter, byDay: dailySeries(daily, period), totals: totalsByCurrency(byMeter) };
}

/** One point per day of the period (zero on days without usage), amounts per currency summed. */
function dailySeries(rows: UsageRow[], period: { from: string; to: string }) {
  const out: { day: string; amount: number }[] = [];
  for (let t = Date.parse(`${period.from}T00:00:00Z`); t <= Date.parse(`${period.to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const amount = rows.filter((r) => r.period === day).reduce((sum, r) => sum + Number(r.amount), 0);
    out.push({ day, amount: Math.round(amount * 100) / 100 });
  }
  return out;
}
