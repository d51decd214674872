/**
 * Closing usage periods (issue 15): a UTC day closes once USAGE_CLOSE_GRACE_HOURS (default 6) have passed after its
 * end — time for the last operations and syncs of the day to be recorded — and a month once its last day has closed.
 * Closing a day marks the rows posted on it final and publishes usage.day_closed per tenant subscription, in one
 * transaction per day, so a crash between two days leaves each day either wholly closed (event included) or open.
 */
import { db } from "@/lib/db/client";
import { publishEvents } from "@/lib/events/publish";
import { DAY_MS, isoDay, utcDay } from "./rollup";

export const closeGraceHours = () => Number(process.env.USAGE_CLOSE_GRACE_HOURS ?? 6);

/** The first day that is still open: the day after the last closed one, else the first day anything was metered. */
export async function firstOpenDay(): Promise<Date | null> {
  const last = await db.usagePeriodClose.findFirst({ where: { kind: "day" }, orderBy: { start: "desc" } });
  if (last) return new Date(last.start.getTime() + DAY_MS);
  const first = await db.usageInterval.findFirst({ orderBy: { startAt: "asc" }, select: { startAt: true } });
  return first ? utcDay(first.startAt) : null;
}

/** A day closes once its end plus the grace period has passed. */
export const isClosable = (day: Date, now: Date, graceHours = closeGraceHours()) =>
  day.getTime() + DAY_MS + graceHours * 3_600_000 <= now.getTime();

/** Closes every closable day from `from` on, oldest first; returns the days closed. */
export async function closeDays(from: Date, now = new Date(), graceHours = closeGraceHours()): Promise<string[]> {
  const closed: string[] = [];
  for (let day = utcDay(from); isClosable(day, now, graceHours); day = new Date(day.getTime() + DAY_MS)) {
    await closeDay(day);
    closed.push(isoDay(day));
  }
  await closeMonths(now, graceHours);
  return closed;
}

async function closeDay(day: Date) {
  await db.$transaction(async (tx) => {
    // The period row first: a second closer of the same day (two workers) fails here and rolls back whole.
    const inserted = await tx.$executeRaw`
      INSERT INTO "UsagePeriodClose" (kind, start) VALUES ('day', ${day}::date) ON CONFLICT DO NOTHING`;
    if (inserted === 0) return;
    await tx.usageDaily.updateMany({ where: { postedOn: day, closed: false }, data: { closed: true } });
    const perSubscription = await tx.usageDaily.groupBy({
      by: ["tenantId", "tenantSubscriptionId", "planId"],
      where: { postedOn: day },
      _count: { _all: true },
    });
    await publishEvents(
      tx,
      perSubscription.map((s) => ({
        type: "usage.day_closed" as const,
        tenantId: s.tenantId,
        resource: { type: "TenantSubscription", id: s.tenantSubscriptionId },
        data: { day: isoDay(day), tenantSubscriptionId: s.tenantSubscriptionId, planId: s.planId, rows: s._count._all },
      })),
    );
  });
}

/** A month closes when its last day has closed: nothing posted on its days changes any more. */
async function closeMonths(now: Date, graceHours: number) {
  const lastDay = await db.usagePeriodClose.findFirst({ where: { kind: "day" }, orderBy: { start: "desc" } });
  if (!lastDay) return;
  const firstDay = await db.usagePeriodClose.findFirst({ where: { kind: "day" }, orderBy: { start: "asc" } });
  const d = firstDay!.start;
  for (let m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)); ;) {
    const next = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    const lastOfMonth = new Date(next.getTime() - DAY_MS);
    if (lastOfMonth > lastDay.start || !isClosable(lastOfMonth, now, graceHours)) return;
    await db.$executeRaw`INSERT INTO "UsagePeriodClose" (kind, start) VALUES ('month', ${m}::date) ON CONFLICT DO NOTHING`;
    m = next;
  }
}
