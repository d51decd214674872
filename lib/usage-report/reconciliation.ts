import { db, Prisma } from "@/lib/db/client";
import { toCents } from "@/lib/pricing/markup";

/**
 * Metered against actual per tenant (issue 15 point 4): metered = usage quantity × the sheet's list price (no markup:
 * Azure charges the provider list prices), by the day the usage happened, adjustments included; actual = Azure Cost
 * Management's cost of resources carrying the tenant's tag (ActualCost, read by usage.reconcile). Cost without the
 * tag (resources made outside the portal, the provider's own vault) is its own line. Compared only in one currency.
 * Which line an untagged resource in a tenant's tagged group lands on depends on Cost Management's tag inheritance in
 * its subscription (on: the tenant's; off: without a tag), so each subscription's setting, as last read, comes along.
 */
export type ReconciliationRow = {
  tenantId: string | null;
  tenant: string;
  tenantName: string;
  currency: string;
  metered: string | null;
  actual: string | null;
  difference: string | null;
};

/** Cost Management's tag inheritance in one onboarded subscription, as usage.reconcile last read it. */
export type TagInheritanceLine = {
  subscription: string;
  /** off | on | onPreferContainer | unknown (not readable), null when never read. */
  setting: string | null;
  readAt: Date | null;
  /** What the setting means for the lines below, in words. */
  meaning: string;
};

const MEANINGS: Record<string, string> = {
  on: "On: an untagged resource in a tenant's tagged resource group counts for that tenant; a resource's own tenant tag wins.",
  onPreferContainer:
    "On, preferring the group's tags: every resource in a tenant's tagged resource group counts for that tenant, even one tagged otherwise.",
  off: "Off: an untagged resource counts as without a tenant tag, even in a tenant's resource group.",
  unknown:
    "Not readable with the portal's credentials (Cost Management Reader is needed): which line untagged resources land on is not known.",
};
export const describeTagInheritance = (setting: string | null) =>
  setting === null ? "Not read yet: read the actual cost to read it." : (MEANINGS[setting] ?? setting);

const day = (d: string) => new Date(`${d}T00:00:00Z`);

export async function reconciliation(q: { from: string; to: string }) {
  const [metered, actual, tenants, fetched, subscriptions] = await Promise.all([
    db.$queryRaw<{ tenantId: string; currency: string; amount: Prisma.Decimal }[]>`
      SELECT "tenantId", currency, sum(quantity * "listPrice") AS amount FROM "RatedUsage"
      WHERE "postedOn" >= ${day(q.from)} AND day >= ${day(q.from)} AND day <= ${day(q.to)} AND "listPrice" IS NOT NULL
      GROUP BY "tenantId", currency`,
    db.$queryRaw<{ tagValue: string; currency: string; amount: Prisma.Decimal }[]>`
      SELECT "tagValue", currency, sum(amount) AS amount FROM "ActualCost"
      WHERE day >= ${day(q.from)} AND day <= ${day(q.to)} GROUP BY "tagValue", currency`,
    db.tenant.findMany({ select: { id: true, slug: true, name: true } }),
    db.actualCost.aggregate({ _max: { fetchedAt: true }, where: { day: { gte: day(q.from), lte: day(q.to) } } }),
    db.azureSubscription.findMany({
      where: { plan: { isNot: null } },
      select: { displayName: true, costTagInheritance: true, costTagInheritanceReadAt: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  const byTag = new Map(tenants.flatMap((t) => [[t.id, t] as const, [t.slug, t] as const]));
  const lines = new Map<
    string,
    { tenantId: string | null; currency: string; metered?: Prisma.Decimal; actual?: Prisma.Decimal }
  >();
  const line = (tenantId: string | null, currency: string) => {
    const key = `${tenantId ?? ""}|${currency}`;
    if (!lines.has(key)) lines.set(key, { tenantId, currency });
    return lines.get(key)!;
  };
  for (const m of metered) line(m.tenantId, m.currency).metered = new Prisma.Decimal(m.amount);
  for (const a of actual) {
    const l = line(byTag.get(a.tagValue)?.id ?? null, a.currency);
    l.actual = (l.actual ?? new Prisma.Decimal(0)).plus(new Prisma.Decimal(a.amount));
  }
  const names = new Map(tenants.map((t) => [t.id, t]));
  const rows: ReconciliationRow[] = [...lines.values()].map((l) => {
    const t = l.tenantId ? names.get(l.tenantId) : undefined;
    const metered = l.metered ? toCents(l.metered) : null;
    const actual = l.actual ? toCents(l.actual) : null;
    return {
      tenantId: l.tenantId,
      tenant: t?.slug ?? "",
      tenantName: t?.name ?? "Without a tenant tag",
      currency: l.currency,
      metered: metered?.toFixed(2) ?? null,
      actual: actual?.toFixed(2) ?? null,
      difference: (metered ?? new Prisma.Decimal(0)).minus(actual ?? 0).toFixed(2),
    };
  });
  rows.sort((a, b) => (a.tenantId ? 0 : 1) - (b.tenantId ? 0 : 1) || a.tenantName.localeCompare(b.tenantName));
  const tagInheritance: TagInheritanceLine[] = subscriptions.map((s) => ({
    subscription: s.displayName,
    setting: s.costTagInheritance,
    readAt: s.costTagInheritanceReadAt,
    meaning: describeTagInheritance(s.costTagInheritance),
  }));
  return { rows, fetchedAt: fetched._max.fetchedAt, tagInheritance };
}
