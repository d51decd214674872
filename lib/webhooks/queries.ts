import { db, type WebhookDeliveryState } from "@/lib/db/client";
import type { WebhookOwner } from "./owner";

const endpointFields = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  disabledReason: true,
  disabledAt: true,
  consecutiveFailures: true,
  previousSecretExpiresAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type EndpointListFilter = { q?: string; skip?: number; take?: number };

/** The owner's endpoints, newest first, with how many deliveries wait or failed; `q` searches URL and description. */
export async function listEndpoints(owner: WebhookOwner, filter: EndpointListFilter = {}) {
  const where = {
    tenantId: owner.tenantId,
    ...(filter.q
      ? {
          OR: [
            { url: { contains: filter.q, mode: "insensitive" as const } },
            { description: { contains: filter.q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const [total, endpoints] = await Promise.all([
    db.webhookEndpoint.count({ where }),
    db.webhookEndpoint.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: filter.skip,
      take: filter.take,
      select: endpointFields,
    }),
  ]);
  const counts = await db.webhookDelivery.groupBy({
    by: ["endpointId", "state"],
    where: { tenantId: owner.tenantId, endpointId: { in: endpoints.map((e) => e.id) }, state: { not: "succeeded" } },
    _count: true,
  });
  const rows = endpoints.map((e) => ({
    ...e,
    pending: counts.find((c) => c.endpointId === e.id && c.state === "pending")?._count ?? 0,
    failed: counts.find((c) => c.endpointId === e.id && c.state === "failed")?._count ?? 0,
  }));
  return { total, rows };
}

/** The owner's endpoints the portal disabled after repeated failed deliveries (the list page's notice). */
export function listAutoDisabled(owner: WebhookOwner) {
  return db.webhookEndpoint.findMany({
    where: { tenantId: owner.tenantId, enabled: false, disabledReason: { not: null } },
    orderBy: { disabledAt: "desc" },
    select: { id: true, url: true, disabledReason: true },
    take: 5,
  });
}

export type WebhookEndpointView = Awaited<ReturnType<typeof listEndpoints>>["rows"][number];

export async function getEndpoint(owner: WebhookOwner, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id, tenantId: owner.tenantId },
    select: endpointFields,
  });
  if (!endpoint) throw owner.notFound("Webhook endpoint", { type: "WebhookEndpoint", id });
  return endpoint;
}

/** The delivery log, newest first, each delivery with its attempts. */
export async function listDeliveries(
  owner: WebhookOwner,
  endpointId: string,
  opts: { skip: number; take: number; state?: WebhookDeliveryState },
) {
  const where = { endpointId, tenantId: owner.tenantId, ...(opts.state ? { state: opts.state } : {}) };
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { eventSeq: "desc" }],
      skip: opts.skip,
      take: opts.take,
      select: {
        id: true,
        eventId: true,
        eventType: true,
        lane: true,
        state: true,
        attempts: true,
        nextAttemptAt: true,
        giveUpAt: true,
        lastStatus: true,
        lastError: true,
        createdAt: true,
        endedAt: true,
        attemptLog: {
          orderBy: { at: "desc" },
          take: 20,
          select: { id: true, attempt: true, manual: true, at: true, statusCode: true, durationMs: true, error: true },
        },
      },
    }),
  ]);
  return { total, rows };
}

export type WebhookDeliveryView = Awaited<ReturnType<typeof listDeliveries>>["rows"][number];

export function listAllowEntries() {
  return db.webhookAllowEntry.findMany({ orderBy: { createdAt: "asc" } });
}
