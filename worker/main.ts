/**
 * The worker process: runs pg-boss and registers every lib/<domain>/jobs.ts handler.
 * Run with `npm run worker` (npm start runs it for you): bundled and run by plain node with a bounded heap
 * (scripts/lib/worker-bundle.ts); `npm run worker:dev` runs it through tsx. Scale out by starting more of them.
 */
import { randomUUID } from "node:crypto";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { beat, heartbeatIntervalMs, retire } from "@/lib/jobs/health";
import { registerHandlers } from "./handlers";
import { enqueueInventorySyncs } from "@/lib/vms/sync-service";
import { sweepExpiredSealed } from "@/lib/crypto/sealed-secrets";
import { backfillCertificateFacts } from "@/lib/subscriptions/credential-facts";
import { enqueueDrRefreshes } from "@/lib/dr/schedule";
import { enqueueUsageRollup } from "@/lib/usage/jobs";
import { componentLogger } from "@/lib/observability/logger";
import { serveWorkerMetrics } from "@/lib/observability/metrics-server";
import { startTelemetry, stopTelemetry } from "@/lib/observability/sdk";

const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
const log = componentLogger("worker");

async function main() {
  // Before any job runs: traces (when OTEL_EXPORTER_OTLP_ENDPOINT is set) and the metrics port (when asked for).
  await startTelemetry("portal-worker");
  const metricsPort = process.env.WORKER_METRICS_PORT;
  const metrics = metricsPort
    ? await serveWorkerMetrics(Number(metricsPort), process.env.WORKER_METRICS_HOST ?? "127.0.0.1")
    : undefined;
  const boss = await getBoss("worker");
  await registerHandlers(boss);
  await beat(workerId);
  const timer = setInterval(
    () => beat(workerId).catch((err) => log.error({ err }, "heartbeat failed")),
    heartbeatIntervalMs,
  );
  // The ready line is a handshake for scripts/start.ts and the test harnesses, not a log line.
  console.log(JSON.stringify({ worker: "ready", id: workerId }));
  // Certificate credentials sealed before their thumbprint and expiry were kept get them once; jobs do not wait on it.
  backfillCertificateFacts().catch((err) => log.error({ err }, "certificate facts not backfilled"));

  // Inventory sync of every active subscription (SYNC_INTERVAL_MINUTES, default 5; 0 turns it off). With several
  // workers each may enqueue, but an operation already queued or running for a subscription is not doubled.
  const syncMinutes = Number(process.env.SYNC_INTERVAL_MINUTES ?? 5);
  const sync =
    syncMinutes > 0
      ? setInterval(
          () => enqueueInventorySyncs().catch((err) => log.error({ err }, "inventory sync not enqueued")),
          syncMinutes * 60_000,
        )
      : undefined;
  // DR replication state (health, RPO, last recovery point) of every protected VM (DR_REFRESH_MINUTES, default 15; 0 turns it off).
  const drMinutes = Number(process.env.DR_REFRESH_MINUTES ?? 15);
  const drRefresh =
    drMinutes > 0
      ? setInterval(
          () => enqueueDrRefreshes().catch((err) => log.error({ err }, "DR refresh not enqueued")),
          drMinutes * 60_000,
        )
      : undefined;
  // Usage: the daily rollup and the closing of days (USAGE_ROLLUP_MINUTES, default 60; 0 turns it off).
  const usageMinutes = Number(process.env.USAGE_ROLLUP_MINUTES ?? 60);
  const usageRollup =
    usageMinutes > 0
      ? setInterval(
          () => enqueueUsageRollup().catch((err) => log.error({ err }, "usage rollup not enqueued")),
          usageMinutes * 60_000,
        )
      : undefined;
  const sweep = setInterval(() => sweepExpiredSealed().catch(() => {}), 60 * 60_000);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    clearInterval(sync);
    clearInterval(drRefresh);
    clearInterval(usageRollup);
    clearInterval(sweep);
    await stopBoss();
    await retire(workerId).catch(() => {});
    await metrics?.close();
    await stopTelemetry().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  watchParent(stop);
}

/** Under `npm start`, stop when the starter is gone (even after a kill -9), rather than linger as an orphan. */
function watchParent(stop: () => Promise<void>) {
  const parent = Number(process.env.PORTAL_PARENT_PID);
  if (!parent) return;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      void stop();
    }
  }, 2_000).unref();
}

main().catch((error) => {
  log.fatal({ err: error }, "failed to start");
  process.exit(1);
});
