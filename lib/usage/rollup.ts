/**
 * The daily rollup (issue 15): UsageInterval → UsageDaily per tenant subscription × meter × region × sku × UTC day, in
 * SQL. One statement computes every day of a batch from the intervals (each interval is cut into its UTC days with
 * generate_series, so the work is linear in the history), into a temporary table; three set-based statements then
 * write it, all in one transaction: a crash loses the whole batch and a re-run writes the same rows (upsert by key).
 *
 * - An open day's row (seq 0) is upserted; a row whose usage vanished (an interval corrected) drops to 0.
 * - A closed day is never edited: a difference between what is booked (its rows, adjustments included) and what the
 *   intervals say now is a new adjustment row (seq + 1) posted on today's open day.
 * Quantities follow lib/usage/meters.ts: hours, or months pro-rated by the days of the calendar month.
 */
import { db, Prisma, type Tx } from "@/lib/db/client";
import { meterIds, meters } from "./meters";

export const DAY_MS = 86_400_000;
export const utcDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const catalogue = () => ({
  ids: [...meterIds],
  units: meterIds.map((id) => meters[id].unit),
  per: meterIds.map((id) => meters[id].per),
});

/** Every (tenant subscription, meter, region, sku, day) of [from, to) with its quantity, open intervals counted to `now`. */
function computedDays(from: Date, to: Date, now: Date) {
  const c = catalogue();
  return Prisma.sql`
    WITH catalogue AS (
      SELECT * FROM unnest(${c.ids}::text[], ${c.units}::text[], ${c.per}::text[]) AS c(meter, unit, per)
    ), spans AS (
      SELECT i."tenantId", i."tenantSubscriptionId", i."planId", i.meter, i.region, i.sku, i.units,
             GREATEST(i."startAt", ${from}::timestamptz) AS s,
             LEAST(COALESCE(i."endAt", ${now}::timestamptz), ${to}::timestamptz) AS e
      FROM "UsageInterval" i
      WHERE i."startAt" < ${to}::timestamptz AND (i."endAt" IS NULL OR i."endAt" > ${from}::timestamptz)
    ), pieces AS (
      -- 24 hours, not '1 day': timestamptz arithmetic by days would follow the session's time zone (DST).
      SELECT sp.*, d AS day_start
      FROM spans sp,
           generate_series(date_bin('24 hours', sp.s, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
                           sp.e - interval '1 microsecond', interval '24 hours') AS d
      WHERE sp.e > sp.s
    )
    SELECT p."tenantId", p."tenantSubscriptionId", p."planId", p.meter, p.region, p.sku,
           (p.day_start AT TIME ZONE 'UTC')::date AS day, c.unit,
           round(sum(
             extract(epoch FROM LEAST(p.e, p.day_start + interval '24 hours') - GREATEST(p.s, p.day_start)) * p.units
             / CASE c.per WHEN 'hour' THEN 3600
               ELSE 86400 * extract(day FROM date_trunc('month', p.day_start AT TIME ZONE 'UTC')
                                             + interval '1 month' - interval '1 day') END
           ), 10) AS quantity
    FROM pieces p JOIN catalogue c USING (meter)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

export type RollupResult = { days: number; rows: number; zeroed: number; adjustments: number };

/** Rolls up the UTC days [from, to) as of `now`, in one transaction. */
export async function rollupDays(from: Date, to: Date, now = new Date()): Promise<RollupResult> {
  const [start, end] = [utcDay(from), utcDay(new Date(to.getTime() + DAY_MS - 1))];
  const today = utcDay(now);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        CREATE TEMP TABLE usage_computed ("tenantId" text, "tenantSubscriptionId" text, "planId" text, meter text,
          region text, sku text, day date, unit text, quantity numeric) ON COMMIT DROP`;
      await tx.$executeRaw`INSERT INTO usage_computed ${computedDays(start, end, now)}`;
      const rows = await upsertOpenDays(tx);
      const zeroed = await zeroVanished(tx, start, end);
      const adjustments = await adjustClosedDays(tx, start, end, today);
      return { days: Math.round((end.getTime() - start.getTime()) / DAY_MS), rows, zeroed, adjustments };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

const closedDay = Prisma.sql`EXISTS (SELECT 1 FROM "UsagePeriodClose" pc WHERE pc.kind = 'day' AND pc.start = c.day)`;

function upsertOpenDays(tx: Tx) {
  return tx.$executeRaw`
    INSERT INTO "UsageDaily" (id, "tenantId", "tenantSubscriptionId", "planId", meter, region, sku, day, seq,
                              quantity, unit, closed, "postedOn", "computedAt")
    SELECT gen_random_uuid()::text, c."tenantId", c."tenantSubscriptionId", c."planId", c.meter, c.region, c.sku,
           c.day, 0, c.quantity, c.unit, false, c.day, now()
    FROM usage_computed c
    WHERE NOT ${closedDay}
    ON CONFLICT ("tenantSubscriptionId", meter, region, sku, day, seq) DO UPDATE
      SET quantity = EXCLUDED.quantity, "computedAt" = EXCLUDED."computedAt"
      WHERE NOT "UsageDaily".closed AND "UsageDaily".quantity <> EXCLUDED.quantity`;
}

function zeroVanished(tx: Tx, start: Date, end: Date) {
  return tx.$executeRaw`
    UPDATE "UsageDaily" u SET quantity = 0, "computedAt" = now()
    WHERE u.day >= ${start}::date AND u.day < ${end}::date AND u.seq = 0 AND NOT u.closed AND u.quantity <> 0
      AND NOT EXISTS (SELECT 1 FROM usage_computed c
                      WHERE c."tenantSubscriptionId" = u."tenantSubscriptionId" AND c.meter = u.meter
                        AND c.region = u.region AND c.sku = u.sku AND c.day = u.day)`;
}

function adjustClosedDays(tx: Tx, start: Date, end: Date, today: Date) {
  return tx.$executeRaw`
    WITH closed_days AS (
      SELECT start AS day FROM "UsagePeriodClose" WHERE kind = 'day' AND start >= ${start}::date AND start < ${end}::date
    ), booked AS (
      SELECT "tenantId", "tenantSubscriptionId", "planId", meter, region, sku, day, unit,
             sum(quantity) AS quantity, max(seq) AS seq
      FROM "UsageDaily" WHERE day IN (SELECT day FROM closed_days)
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ), now_says AS (
      SELECT * FROM usage_computed c WHERE c.day IN (SELECT day FROM closed_days)
    )
    INSERT INTO "UsageDaily" (id, "tenantId", "tenantSubscriptionId", "planId", meter, region, sku, day, seq,
                              quantity, unit, closed, "postedOn", "computedAt")
    SELECT gen_random_uuid()::text, COALESCE(n."tenantId", b."tenantId"), "tenantSubscriptionId",
           COALESCE(n."planId", b."planId"), meter, region, sku, day, COALESCE(b.seq, 0) + 1,
           COALESCE(n.quantity, 0) - COALESCE(b.quantity, 0), COALESCE(n.unit, b.unit), false, ${today}::date, now()
    FROM now_says n FULL JOIN booked b USING ("tenantSubscriptionId", meter, region, sku, day)
    WHERE COALESCE(n.quantity, 0) <> COALESCE(b.quantity, 0)`;
}
