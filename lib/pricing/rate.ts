import { db, Prisma, type Tx } from "@/lib/db/client";
import { amountOf, chargedUnitPrice, NO_MARKUP, type Markup } from "./markup";
import { usageMatchKey } from "./match";

/**
 * Rates the daily usage rollup (UsageDaily, written by lib/usage) into RatedUsage: one row per usage row, priced from
 * the newest price sheet of the plan's currency with the plan's markup. Open days are rated again when their usage is
 * recomputed, a new sheet is imported or the plan's markup changes (staleOpenRatings); a closed day's row is rated
 * once more when it closes, then never changes: a later correction arrives as a new usage row (an adjustment, seq > 0)
 * and is rated as a row of its own. Runs after each rollup and before each reconciliation; safe to run concurrently
 * (one rater at a time, by an advisory lock) and repeatedly.
 */
const BATCH = 2_000;
const LOCK = 7_315_001;

type DueRow = {
  id: string;
  tenantId: string;
  tenantSubscriptionId: string;
  planId: string;
  meter: string;
  region: string;
  sku: string;
  day: Date;
  postedOn: Date;
  seq: number;
  quantity: Prisma.Decimal;
  unit: string;
  closed: boolean;
  computedAt: Date;
  ratedId: string | null;
};

type PriceIndex = { sheetId: string; prices: Map<string, Prisma.Decimal> } | null;

/** The newest sheet of a currency as match key → unit price: the first tier, the latest effective date, Consumption. */
async function priceIndex(tx: Tx, currency: string): Promise<PriceIndex> {
  const sheet = await tx.priceSheet.findFirst({
    where: { currency },
    orderBy: { importedAt: "desc" },
    select: { id: true },
  });
  if (!sheet) return null;
  const rows = await tx.priceSheetRow.findMany({
    where: { sheetId: sheet.id, type: "Consumption" },
    select: { matchKey: true, unitPrice: true, tierMinimumUnits: true, effectiveStartDate: true },
    orderBy: [{ tierMinimumUnits: "asc" }, { effectiveStartDate: "desc" }],
  });
  const prices = new Map<string, Prisma.Decimal>();
  for (const r of rows) if (!prices.has(r.matchKey)) prices.set(r.matchKey, r.unitPrice);
  return { sheetId: sheet.id, prices };
}

export async function rateUsage(): Promise<{ rated: number }> {
  let rated = 0;
  for (;;) {
    const n = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK})`;
        const due = await tx.$queryRaw<DueRow[]>`
          SELECT d.id, d."tenantId", d."tenantSubscriptionId", d."planId", d.meter, d.region, d.sku, d.day, d."postedOn",
                 d.seq, d.quantity, d.unit, d.closed, d."computedAt", r.id AS "ratedId"
          FROM "UsageDaily" d LEFT JOIN "RatedUsage" r ON r."usageDailyId" = d.id
          WHERE r.id IS NULL OR (NOT r.closed AND (r."usageComputedAt" < d."computedAt" OR d.closed))
          ORDER BY d.id LIMIT ${BATCH}`;
        if (!due.length) return 0;
        const plans = await tx.planPricing.findMany({
          where: { planId: { in: [...new Set(due.map((d) => d.planId))] } },
        });
        const pricing = new Map(plans.map((p) => [p.planId, p]));
        const indexes = new Map<string, PriceIndex>();
        const data = [];
        for (const d of due) {
          const plan = pricing.get(d.planId);
          const currency = plan?.currency ?? "USD";
          const markup: Markup = plan ? { kind: plan.markupKind, value: plan.markupValue } : NO_MARKUP;
          if (!indexes.has(currency)) indexes.set(currency, await priceIndex(tx, currency));
          const index = indexes.get(currency)!;
          const key = usageMatchKey(d.meter, d.region, d.sku);
          const listPrice = (key && index?.prices.get(key)) || null;
          const unitPrice = listPrice ? chargedUnitPrice(listPrice, markup) : null;
          data.push({
            usageDailyId: d.id,
            tenantId: d.tenantId,
            tenantSubscriptionId: d.tenantSubscriptionId,
            planId: d.planId,
            meter: d.meter,
            region: d.region,
            sku: d.sku,
            day: d.day,
            postedOn: d.postedOn,
            seq: d.seq,
            quantity: d.quantity,
            unit: d.unit,
            currency,
            listPrice,
            markupKind: markup.kind,
            markupValue: new Prisma.Decimal(markup.value),
            unitPrice,
            amount: unitPrice ? amountOf(d.quantity, unitPrice) : new Prisma.Decimal(0),
            priceSheetId: listPrice ? index!.sheetId : null,
            closed: d.closed,
            usageComputedAt: d.computedAt,
          });
        }
        const replaced = due.filter((d) => d.ratedId).map((d) => d.ratedId!);
        if (replaced.length) await tx.ratedUsage.deleteMany({ where: { id: { in: replaced } } });
        await tx.ratedUsage.createMany({ data });
        return due.length;
      },
      { timeout: 60_000 },
    );
    rated += n;
    if (n < BATCH) return { rated };
  }
}

/** Open days priced again at the next rating: after a new sheet of a currency or a plan's new markup. */
export async function staleOpenRatings(tx: Tx, where: { currency?: string; planId?: string }) {
  await tx.ratedUsage.deleteMany({ where: { closed: false, ...where } });
}
