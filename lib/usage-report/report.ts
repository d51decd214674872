import { db, Prisma } from "@/lib/db/client";
import { getMeter } from "@/lib/usage/meters";
import { toCents } from "@/lib/pricing/markup";
import type { UsageQuery } from "./schema";

/**
 * The one usage report (issue 15 point 5): the tenant's Usage page, the provider's report, its CSV and
 * GET /api/v1/usage all read these rows, so they agree. One row per tenant × meter × region × sku × period × unit
 * price (a new price sheet mid-period starts a second row) × kind: quantity, unit, unit price, amount, currency.
 *
 * Periods are the day a row was booked (postedOn): a day's own usage on that day, a late correction of a closed day
 * (an adjustment row, `adjustment: true`) on the open day it was found, so a closed day or month never changes.
 * Quantities are exact; amounts are summed unrounded and rounded to the cent once per row (lib/pricing/markup.ts).
 * Reads only RatedUsage of the period through its (postedOn) indexes: the time does not grow with history.
 */
export type UsageRow = {
  tenantId: string;
  tenant: string;
  tenantName: string;
  period: string;
  meter: string;
  meterLabel: string;
  region: string;
  sku: string;
  adjustment: boolean;
  quantity: string;
  unit: string;
  /** Price per unit after the plan's markup; null when the price sheet has no row for it (unpriced, amount 0). */
  unitPrice: string | null;
  amount: string;
  currency: string;
};

type Raw = {
  tenantId: string;
  slug: string;
  name: string;
  period: string;
  meter: string;
  region: string;
  sku: string;
  adjustment: boolean;
  quantity: Prisma.Decimal;
  unit: string;
  unitPrice: Prisma.Decimal | null;
  amount: Prisma.Decimal;
  currency: string;
};

const day = (d: string) => new Date(`${d}T00:00:00Z`);

export type UsageRowsQuery = Omit<UsageQuery, "tenant"> & { tenantId?: string; skip?: number; take?: number };

function grouped(q: UsageRowsQuery) {
  const period =
    q.granularity === "monthly"
      ? Prisma.sql`to_char(r."postedOn", 'YYYY-MM')`
      : Prisma.sql`to_char(r."postedOn", 'YYYY-MM-DD')`;
  const tenantFilter = q.tenantId ? Prisma.sql`AND r."tenantId" = ${q.tenantId}` : Prisma.empty;
  return Prisma.sql`
    SELECT r."tenantId", t.slug, t.name, ${period} AS period, r.meter, r.region, r.sku, (r.seq > 0) AS adjustment,
           sum(r.quantity) AS quantity, r.unit, r."unitPrice", sum(r.amount) AS amount, r.currency
    FROM "RatedUsage" r JOIN "Tenant" t ON t.id = r."tenantId"
    WHERE r."postedOn" >= ${day(q.from)} AND r."postedOn" <= ${day(q.to)} ${tenantFilter}
    GROUP BY r."tenantId", t.slug, t.name, period, r.meter, r.region, r.sku, adjustment, r.unit, r."unitPrice", r.currency`;
}

/** How many rows usageRows answers for the same query without skip/take (the API's count). */
export async function countUsageRows(q: UsageRowsQuery): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${grouped(q)}) g`;
  return Number(n);
}

export async function usageRows(q: UsageRowsQuery): Promise<UsageRow[]> {
  const page = q.take === undefined ? Prisma.empty : Prisma.sql`LIMIT ${q.take} OFFSET ${q.skip ?? 0}`;
  const rows = await db.$queryRaw<Raw[]>`${grouped(q)}
    ORDER BY slug, period, meter, region, sku, adjustment, "unitPrice", currency ${page}`;
  return rows.map((r) => ({
    tenantId: r.tenantId,
    tenant: r.slug,
    tenantName: r.name,
    period: r.period,
    meter: r.meter,
    meterLabel: getMeter(r.meter)?.label ?? r.meter,
    region: r.region,
    sku: r.sku,
    adjustment: r.adjustment,
    quantity: new Prisma.Decimal(r.quantity).toString(),
    unit: r.unit,
    unitPrice: r.unitPrice === null ? null : new Prisma.Decimal(r.unitPrice).toString(),
    amount: toCents(r.amount).toFixed(2),
    currency: r.currency,
  }));
}

/** Totals of report rows per currency (a tenant on two plans may be charged in two currencies). */
export function totalsByCurrency(
  rows: Pick<UsageRow, "amount" | "currency">[],
): { currency: string; amount: string }[] {
  const sums = new Map<string, Prisma.Decimal>();
  for (const r of rows) sums.set(r.currency, (sums.get(r.currency) ?? new Prisma.Decimal(0)).plus(r.amount));
  return [...sums].map(([currency, amount]) => ({ currency, amount: amount.toFixed(2) }));
}

/** Totals per currency of every row a query answers (not one page): each row's amount rounded to the cent, as shown. */
export async function usageTotals(q: UsageRowsQuery): Promise<{ currency: string; amount: string }[]> {
  const rows = await db.$queryRaw<{ currency: string; amount: Prisma.Decimal }[]>`
    SELECT currency, sum(round(amount, 2)) AS amount FROM (${grouped(q)}) g GROUP BY currency ORDER BY currency`;
  return rows.map((r) => ({ currency: r.currency, amount: new Prisma.Decimal(r.amount).toFixed(2) }));
}
