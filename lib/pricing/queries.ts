import { db, Prisma } from "@/lib/db/client";

/** Admin reads of price sheets and plan pricing (provider data: no tenant filter, admin pages only). */
export async function listPriceSheets() {
  return db.priceSheet.findMany({
    orderBy: { importedAt: "desc" },
    select: { id: true, currency: true, source: true, sourceName: true, rowCount: true, importedAt: true },
    take: 100,
  });
}

/** The sheet each currency prices with now: the newest. */
export async function currentSheetIds(): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON (currency) id FROM "PriceSheet" ORDER BY currency, "importedAt" DESC`;
  return new Set(rows.map((r) => r.id));
}

export async function getPriceSheet(id: string) {
  return db.priceSheet.findUnique({ where: { id } });
}

export async function listPriceSheetRows(sheetId: string, opts: { search?: string; page: number; pageSize: number }) {
  const q = opts.search?.trim();
  const where: Prisma.PriceSheetRowWhereInput = {
    sheetId,
    ...(q
      ? {
          OR: ["serviceName", "productName", "skuName", "meterName", "armSkuName", "armRegionName"].map((f) => ({
            [f]: { contains: q, mode: "insensitive" as const },
          })),
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.priceSheetRow.findMany({
      where,
      orderBy: { line: "asc" },
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    db.priceSheetRow.count({ where }),
  ]);
  return { rows, total };
}

export async function listPlanPricing() {
  const plans = await db.plan.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, state: true, pricing: true },
  });
  return plans.map((p) => ({
    id: p.id,
    name: p.name,
    state: p.state,
    currency: p.pricing?.currency ?? "USD",
    markupKind: p.pricing?.markupKind ?? "percent",
    markupValue: p.pricing ? p.pricing.markupValue.toString() : "0",
  }));
}
