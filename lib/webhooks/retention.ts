import { db } from "@/lib/db/client";

/** How long events, their deliveries and delivery logs are kept (WEBHOOKS_RETENTION_DAYS, default 30). */
export const retentionDays = () => Number(process.env.WEBHOOKS_RETENTION_DAYS ?? 30);

const batch = 2_000;

/**
 * Deletes fanned-out events older than the retention, with their deliveries and attempts (cascade). A delivery is
 * retried for 24 hours at most, so nothing older than a few days is still being sent; without this the outbox grows
 * by every operation and every drift the inventory sync finds. Short batches keep each statement's locks brief.
 */
export async function pruneWebhookHistory(now = new Date()) {
  const before = new Date(now.getTime() - Math.max(retentionDays(), 2) * 86_400_000);
  let deleted = 0;
  for (;;) {
    const old = await db.outboxEvent.findMany({
      where: { fannedOutAt: { not: null }, createdAt: { lt: before } },
      orderBy: { seq: "asc" },
      take: batch,
      select: { seq: true },
    });
    if (old.length === 0) return deleted;
    const { count } = await db.outboxEvent.deleteMany({ where: { seq: { in: old.map((o) => o.seq) } } });
    deleted += count;
    if (old.length < batch) return deleted;
  }
}
