import { db, type Tx } from "@/lib/db/client";
import { deliveryWindowMs } from "./backoff";
import { queueLanes } from "./queue";

type OutboxRow = {
  seq: bigint;
  id: string;
  type: string;
  tenantId: string | null;
  resourceType: string;
  resourceId: string;
  data: unknown;
};
type Target = { id: string; tenantId: string | null; eventTypes: string[] };

const batchSize = 500;

/** Whether an endpoint receives an event: a provider endpoint every event, a tenant's only that tenant's. */
export function endpointMatches(endpoint: Target, event: Pick<OutboxRow, "type" | "tenantId" | "data">) {
  if (event.type === "webhook.test") return (event.data as { endpointId?: string }).endpointId === endpoint.id;
  if (endpoint.tenantId !== null && endpoint.tenantId !== event.tenantId) return false;
  return endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type);
}

/**
 * Turns outbox events into deliveries, one per matching enabled endpoint, and queues a run of each lane they land in,
 * all in one transaction with the events marked done: a crash before the commit leaves the events to the next pass,
 * so nothing is lost or fanned out twice. One pass at a time across all workers (an advisory lock), taking events
 * in seq order, so deliveries inherit the order of their events. Returns how many events it took.
 */
export async function fanOutEvents(): Promise<number> {
  return db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
      select pg_try_advisory_xact_lock(hashtext('portal.webhooks.fan-out')) as locked`;
    if (!locked) return 0;
    const events = await tx.$queryRaw<OutboxRow[]>`
      select seq, id, type, "tenantId", "resourceType", "resourceId", data from "OutboxEvent"
      where "fannedOutAt" is null order by seq limit ${batchSize}`;
    if (events.length === 0) return 0;
    const endpoints = await tx.webhookEndpoint.findMany({
      where: { enabled: true },
      select: { id: true, tenantId: true, eventTypes: true },
    });
    await createDeliveries(tx, events, endpoints);
    await tx.outboxEvent.updateMany({
      where: { seq: { in: events.map((e) => e.seq) } },
      data: { fannedOutAt: new Date() },
    });
    return events.length;
  });
}

async function createDeliveries(tx: Tx, events: OutboxRow[], endpoints: Target[]) {
  const giveUpAt = new Date(Date.now() + deliveryWindowMs());
  const rows = events.flatMap((event) =>
    endpoints
      .filter((endpoint) => endpointMatches(endpoint, event))
      .map((endpoint) => ({
        endpointId: endpoint.id,
        tenantId: endpoint.tenantId,
        eventId: event.id,
        eventSeq: event.seq,
        eventType: event.type,
        lane: `${event.resourceType}:${event.resourceId}`,
        giveUpAt,
      })),
  );
  if (rows.length === 0) return;
  await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
  const lanes = new Map(rows.map((r) => [`${r.endpointId}|${r.lane}`, { endpointId: r.endpointId, lane: r.lane }]));
  await queueLanes(tx, [...lanes.values()]);
}
