import { db, Prisma } from "@/lib/db/client";
import { getMeter } from "@/lib/usage/meters";

export type ResourceUsage = {
  resourceType: string;
  resourceId: string;
  resourceName: string;
  meter: string;
  meterLabel: string;
  region: string;
  sku: string;
  quantity: string;
  unit: string;
};

/**
 * What each resource used in a period (one calendar month, up to `now`), from the state history (UsageInterval) by
 * the meter catalogue's rule: hours, or the month pro-rated by the second. The daily rollup keeps only tenant
 * subscription × meter totals; this is the per-resource view of the same intervals. Reads only intervals open during
 * the period (the startAt and endAt indexes), so it does not grow with the history before it.
 */
export async function usageByResource(
  tenantId: string,
  period: { from: string; to: string },
  now = new Date(),
): Promise<ResourceUsage[]> {
  const start = new Date(`${period.from}T00:00:00Z`);
  const dayAfter = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000);
  const end = dayAfter < now ? dayAfter : now;
  if (end <= start) return [];
  const [y, m] = period.from.split("-").map(Number);
  const monthSeconds = new Date(Date.UTC(y, m, 0)).getUTCDate() * 86_400;
  const rows = await db.$queryRaw<
    {
      resourceType: string;
      resourceId: string;
      resourceName: string;
      meter: string;
      region: string;
      sku: string;
      unitSeconds: Prisma.Decimal;
    }[]
  >`
    SELECT "resourceType", "resourceId", max("resourceName") AS "resourceName", meter, region, sku,
           sum(extract(epoch FROM least(coalesce("endAt", ${end}::timestamptz), ${end}::timestamptz)
                                - greatest("startAt", ${start}::timestamptz)) * units) AS "unitSeconds"
    FROM "UsageInterval"
    WHERE "tenantId" = ${tenantId} AND "startAt" < ${end}::timestamptz
      AND ("endAt" IS NULL OR "endAt" > ${start}::timestamptz)
    GROUP BY "resourceType", "resourceId", meter, region, sku
    ORDER BY max("resourceName"), "resourceId", meter, sku`;
  return rows
    .map((r) => {
      const meter = getMeter(r.meter);
      const seconds = new Prisma.Decimal(r.unitSeconds);
      const quantity = seconds.dividedBy(meter?.per === "month" ? monthSeconds : 3_600);
      return {
        resourceType: r.resourceType,
        resourceId: r.resourceId,
        resourceName: r.resourceName,
        meter: r.meter,
        meterLabel: meter?.label ?? r.meter,
        region: r.region,
        sku: r.sku,
        quantity: quantity.toDecimalPlaces(6).toString(),
        unit: meter?.unit ?? "",
      };
    })
    .filter((r) => r.quantity !== "0");
}
