import { randomUUID } from "node:crypto";
import type { Prisma, Tx } from "@/lib/db/client";
import { eventSchemas, type EventData, type EventType } from "./types";

export type PortalEvent<T extends EventType = EventType> = {
  type: T;
  /** The tenant whose event it is (its webhooks receive it); null for provider-only events. */
  tenantId: string | null;
  /** What it is about: deliveries to one endpoint keep the order of events about one resource. */
  resource: { type: string; id: string };
  data: EventData<T>;
};

/** The channel the worker's fan-out listens on; the notice goes out when the publishing transaction commits. */
export const eventsChannel = "portal_events";

export const newEventId = () => `evt_${randomUUID().replaceAll("-", "")}`;

/**
 * Publishes an event in the caller's transaction (the outbox pattern): it exists iff the change it describes committed,
 * and the worker delivers it to every matching webhook endpoint afterwards. Returns the event id (the webhook-id).
 * The data is checked against its schema here, so a wrong shape fails the change's transaction in tests, not a
 * receiver later.
 */
export async function publishEvent<T extends EventType>(tx: Tx, event: PortalEvent<T>): Promise<string> {
  const [id] = await publishEvents(tx, [event]);
  return id;
}

/** Many events in one insert (an inventory sync's drift, a day's close for every tenant subscription). */
export async function publishEvents(tx: Tx, events: PortalEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    id: newEventId(),
    type: e.type,
    tenantId: e.tenantId,
    resourceType: e.resource.type,
    resourceId: e.resource.id,
    data: eventSchemas[e.type].parse(e.data) as Prisma.InputJsonValue,
  }));
  await tx.outboxEvent.createMany({ data: rows });
  await tx.$executeRaw`select pg_notify(${eventsChannel}, '')`;
  return rows.map((r) => r.id);
}
