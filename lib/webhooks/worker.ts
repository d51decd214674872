import pg from "pg";
import type { PgBoss } from "pg-boss";
import { onBossStopping } from "@/lib/jobs/boss";
import { KindDispatcher } from "@/lib/jobs/dispatcher";
import { eventsChannel } from "@/lib/events/publish";
import { runDeliveryJob } from "./deliver";
import { fanOutEvents } from "./fan-out";
import { deliveryBoss, deliveryChannel, deliveryQueue, type DeliveryJob } from "./queue";
import { pruneWebhookHistory } from "./retention";

/** How often the worker looks for events and due deliveries nobody told it about (WEBHOOKS_POLL_MS). */
const pollMs = () => Number(process.env.WEBHOOKS_POLL_MS ?? 2_000);

/**
 * The worker's webhook side: a fan-out loop (outbox → deliveries, woken by the NOTIFY of every published event) and
 * a dispatcher of the delivery queue. Both also run on a timer, so events published while no worker listened
 * (or a lost notification) are still delivered.
 */
export async function startWebhookDelivery(boss: PgBoss, opts: { concurrency?: number } = {}) {
  await deliveryBoss();
  const dispatcher = new KindDispatcher(
    boss,
    deliveryQueue,
    (job) => runDeliveryJob(job.data as unknown as DeliveryJob, (at) => dispatcher.wakeAt(at)),
    {
      limit: opts.concurrency ?? Number(process.env.WEBHOOKS_CONCURRENCY ?? 16),
      batch: 10,
      idleMs: pollMs(),
      heartbeatMs: 12_000,
    },
  );
  let stopping = false;
  let fanning: Promise<void> | undefined;
  let again = false;
  const fanOut = () => {
    if (fanning) {
      again = true;
      return;
    }
    fanning = (async () => {
      do {
        again = false;
        try {
          while (!stopping && (await fanOutEvents()) > 0) dispatcher.wake();
        } catch (error) {
          if (!stopping) console.error("[webhooks] fan-out failed:", error instanceof Error ? error.message : error);
        }
      } while (again && !stopping);
    })().finally(() => (fanning = undefined));
  };
  const listener = await listen([eventsChannel, deliveryChannel], (channel) =>
    channel === eventsChannel ? fanOut() : dispatcher.wake(),
  );
  const timer = setInterval(fanOut, pollMs());
  const prune = () =>
    void pruneWebhookHistory().catch((error) => {
      if (!stopping)
        console.error("[webhooks] pruning old events failed:", error instanceof Error ? error.message : error);
    });
  const pruning = setInterval(prune, 3_600_000);
  const firstPrune = setTimeout(prune, 60_000);
  dispatcher.start();
  fanOut();
  onBossStopping(async () => {
    stopping = true;
    clearInterval(timer);
    clearInterval(pruning);
    clearTimeout(firstPrune);
    await listener.close();
    await fanning;
    await dispatcher.stop(10_000);
  });
}

/** LISTEN on a connection of its own; reconnects after a pause if it drops (the timers cover the gap). */
async function listen(channels: string[], onMessage: (channel: string) => void) {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "portal-webhooks" });
    next.on("notification", (message) => onMessage(message.channel));
    next.on("error", () => {
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect().catch(() => {}), 1_000);
    });
    await next.connect();
    for (const channel of channels) await next.query(`listen ${channel}`);
    client = next;
  };
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
