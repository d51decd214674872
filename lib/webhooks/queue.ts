import { fromPrisma, type PgBoss } from "pg-boss";
import { db, type Tx } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";

/**
 * Webhook deliveries run on a pg-boss queue of their own, not as Operations (the helpdesk's operations list must not
 * fill with them). A job is a lane run: the deliveries of one (endpoint, resource) in event order, so "stately" with
 * the lane as singleton key keeps at most one run per lane active and one queued. A redelivery asked for by a person
 * is a job of its own (key manual:<delivery id>).
 */
export const deliveryQueue = "webhook.deliver";
/** Tells the worker's delivery loop a job is due now (a redelivery, a test event, an endpoint enabled again). */
export const deliveryChannel = "portal_webhooks";

export type DeliveryJob = { endpointId: string; lane: string } | { deliveryId: string; manual: true };

const queueOptions = {
  policy: "stately" as const,
  // Failures are retried by the delivery's own schedule (backoff.ts); pg-boss retries only a crashed run.
  retryLimit: 20,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 300,
  heartbeatSeconds: 30,
  expireInSeconds: 15 * 60,
  notify: false,
};

const ensured = new WeakSet<PgBoss>();

export async function deliveryBoss() {
  const boss = await getBoss();
  if (!ensured.has(boss)) {
    if (!(await boss.getQueue(deliveryQueue))) {
      try {
        await boss.createQueue(deliveryQueue, queueOptions);
      } catch (error) {
        if (!(await boss.getQueue(deliveryQueue))) throw error;
      }
    }
    ensured.add(boss);
  }
  return boss;
}

export const laneKey = (endpointId: string, lane: string) => `${endpointId}|${lane}`;

/** Queues a run of each lane in the caller's transaction; a lane with a run already queued keeps that one. */
export async function queueLanes(tx: Tx, lanes: { endpointId: string; lane: string }[], startAfter?: Date) {
  if (lanes.length === 0) return;
  const boss = await deliveryBoss();
  await boss.insert(
    deliveryQueue,
    lanes.map((l) => ({ data: l, singletonKey: laneKey(l.endpointId, l.lane), startAfter })),
    { db: fromPrisma(tx) },
  );
}

/** The lane's next run at `at` (after a failed attempt). */
export async function scheduleLane(endpointId: string, lane: string, at: Date) {
  const boss = await deliveryBoss();
  await boss.send(deliveryQueue, { endpointId, lane }, { singletonKey: laneKey(endpointId, lane), startAfter: at });
}

/**
 * Runs the lanes now, even those whose run waits for a back-off (an endpoint enabled again, a redelivery that
 * succeeded): the waiting run is dropped and a due one queued.
 */
export async function runLanesNow(lanes: { endpointId: string; lane: string }[]) {
  const boss = await deliveryBoss();
  for (const { endpointId, lane } of lanes) {
    const key = laneKey(endpointId, lane);
    const waiting = (await boss.findJobs(deliveryQueue, { key })).filter((j) => j.state === "created");
    if (waiting.length)
      await boss.deleteJob(
        deliveryQueue,
        waiting.map((j) => j.id),
      );
    await boss.send(deliveryQueue, { endpointId, lane }, { singletonKey: key });
  }
  await notifyDelivery();
}

export async function queueRedelivery(deliveryId: string) {
  const boss = await deliveryBoss();
  await boss.send(deliveryQueue, { deliveryId, manual: true }, { singletonKey: `manual:${deliveryId}` });
  await notifyDelivery();
}

export function notifyDelivery() {
  return db.$executeRaw`select pg_notify(${deliveryChannel}, '')`;
}
