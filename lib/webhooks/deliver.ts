import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { disableAfterFailedDeliveries, failingWindowMs, nextAttemptAt } from "./backoff";
import { loadAllowList } from "./allow-list";
import { postWebhook } from "./http-post";
import { scheduleLane, runLanesNow, type DeliveryJob } from "./queue";
import { signPayload } from "./secret";

/** Deliveries one lane run sends before handing the lane to a fresh job (so one busy resource cannot hold a slot). */
const perRun = 25;

export type Scheduled = (at: Date) => void;

/** One job of the delivery queue: a lane run, or a person's redelivery of one delivery. */
export async function runDeliveryJob(job: DeliveryJob, scheduled: Scheduled = () => {}) {
  if ("deliveryId" in job) return redeliver(job.deliveryId);
  return runLane(job.endpointId, job.lane, scheduled);
}

/**
 * Sends the lane's pending deliveries in event order. A delivery waits while an earlier one of its lane is pending,
 * so when an attempt fails the run ends and the lane's next run is scheduled for the retry: later events about the
 * same resource are not sent before it (they are after it fails for good, 24 h on).
 */
async function runLane(endpointId: string, lane: string, scheduled: Scheduled) {
  for (let sent = 0; sent < perRun; sent++) {
    const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId } });
    if (!endpoint?.enabled) return; // enabling it again runs its lanes (service.ts)
    const delivery = await db.webhookDelivery.findFirst({
      where: { endpointId, lane, state: "pending" },
      orderBy: { eventSeq: "asc" },
      include: { event: true },
    });
    if (!delivery) return;
    if (delivery.nextAttemptAt > new Date()) {
      await scheduleLane(endpointId, lane, delivery.nextAttemptAt);
      scheduled(delivery.nextAttemptAt);
      return;
    }
    const outcome = await attempt(endpoint, delivery, false);
    if (outcome.retryAt) {
      await scheduleLane(endpointId, lane, outcome.retryAt);
      scheduled(outcome.retryAt);
      return;
    }
  }
  await scheduleLane(endpointId, lane, new Date());
  scheduled(new Date());
}

async function redeliver(deliveryId: string) {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { event: true, endpoint: true },
  });
  if (!delivery) return;
  const outcome = await attempt(delivery.endpoint, delivery, true);
  // The lane may be waiting hours for this delivery's back-off: now that it went through, the next may go.
  if (outcome.ok) await runLanesNow([{ endpointId: delivery.endpointId, lane: delivery.lane }]);
}

type Endpoint = {
  id: string;
  url: string;
  tenantId: string | null;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
};
type Delivery = {
  id: string;
  state: string;
  attempts: number;
  giveUpAt: Date;
  event: {
    id: string;
    type: string;
    tenantId: string | null;
    resourceType: string;
    resourceId: string;
    data: unknown;
    createdAt: Date;
  };
};

/** The body every attempt of an event sends, byte for byte (the signature covers this text). */
export function eventBody(event: Delivery["event"]) {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    tenantId: event.tenantId,
    resource: { type: event.resourceType, id: event.resourceId },
    data: event.data,
  });
}

/** One HTTP attempt, logged; then the delivery is settled or its retry decided. */
async function attempt(endpoint: Endpoint, delivery: Delivery, manual: boolean) {
  const body = eventBody(delivery.event);
  const at = new Date();
  const headers = {
    "webhook-id": delivery.event.id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signPayload(endpoint, delivery.event.id, at, body),
  };
  const result = await postWebhook(endpoint.url, body, headers, await loadAllowList());
  const number = delivery.attempts + 1;
  const now = new Date();
  // A person's redelivery of a delivery that failed for good does not restart its schedule.
  const retryAt =
    result.ok || manual || delivery.state !== "pending" ? null : nextAttemptAt(number, now, delivery.giveUpAt);
  const endsFailed = !result.ok && !manual && delivery.state === "pending" && retryAt === null;
  await db.$transaction([
    db.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        endpointId: endpoint.id,
        attempt: number,
        manual,
        at,
        statusCode: result.status,
        durationMs: result.durationMs,
        error: result.error?.slice(0, 500),
      },
    }),
    db.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: number,
        lastStatus: result.status,
        lastError: result.error?.slice(0, 500) ?? null,
        ...(result.ok ? { state: "succeeded", endedAt: now } : {}),
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
        ...(endsFailed ? { state: "failed", endedAt: now } : {}),
      },
    }),
    result.ok
      ? db.webhookEndpoint.update({
          where: { id: endpoint.id },
          data: { consecutiveFailures: 0, failingSince: null },
        })
      : db.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: at } }),
  ]);
  if (endsFailed) await countFailedDelivery(endpoint.id);
  return { ok: result.ok, retryAt };
}

/**
 * A delivery failed for good: after WEBHOOKS_DISABLE_AFTER of them in a row, or 5 days without a success, the portal
 * disables the endpoint, says why on its page and records it in the audit log. Enabling it again is the owner's call.
 */
async function countFailedDelivery(endpointId: string) {
  const endpoint = await db.webhookEndpoint.update({
    where: { id: endpointId },
    data: { consecutiveFailures: { increment: 1 } },
  });
  const failingFor = endpoint.failingSince ? Date.now() - endpoint.failingSince.getTime() : 0;
  const tooMany = endpoint.consecutiveFailures >= disableAfterFailedDeliveries();
  if (!endpoint.enabled || (!tooMany && failingFor < failingWindowMs())) return;
  const reason = tooMany
    ? `Disabled by the portal: ${endpoint.consecutiveFailures} deliveries in a row failed after retrying for 24 hours.`
    : `Disabled by the portal: no delivery has succeeded since ${endpoint.failingSince!.toISOString()}.`;
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true },
    data: { enabled: false, disabledReason: reason, disabledAt: new Date() },
  });
  if (count)
    await recordAudit({
      action: "webhook.disable",
      outcome: "failure",
      actorEmail: "portal",
      tenantId: endpoint.tenantId,
      target: { type: "WebhookEndpoint", id: endpoint.id, name: endpoint.url },
      detail: { reason },
    });
}
