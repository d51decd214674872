import { PgBoss } from "pg-boss";
import { componentLogger } from "@/lib/observability/logger";

const log = componentLogger("jobs");

const globalForBoss = globalThis as unknown as {
  portalBoss?: Promise<PgBoss>;
  portalBossStopping?: (() => Promise<void>)[];
};

/**
 * The process's pg-boss instance. The web process only sends jobs (inside the transaction that writes the Operation)
 * and reads queue stats; the worker also supervises and schedules (its dispatchers, lib/jobs/worker.ts, claim the jobs).
 */
export function getBoss(role: "web" | "worker" = "web"): Promise<PgBoss> {
  globalForBoss.portalBoss ??= (async () => {
    const boss = new PgBoss({
      connectionString: process.env.DATABASE_URL,
      application_name: `portal-${role}`,
      max: role === "worker" ? 10 : 3,
      supervise: role === "worker",
      // How soon a job whose worker died (heartbeat lost) is handed to another worker. pg-boss fails such jobs in its
      // per-queue monitor pass, which runs only every monitorIntervalSeconds (60 by default) whatever the supervise
      // interval: the scale-out run saw a killed worker's jobs wait 40 s past their heartbeat. Both at one interval.
      superviseIntervalSeconds: Number(process.env.JOBS_SUPERVISE_SECONDS ?? 5),
      monitorIntervalSeconds: Number(process.env.JOBS_SUPERVISE_SECONDS ?? 5),
      schedule: role === "worker",
      migrate: true,
    });
    boss.on("error", (error) => {
      // 57P01: the database is shutting down (Ctrl-C stops PostgreSQL too); the process is about to stop anyway.
      if ((error as { code?: string }).code === "57P01") return;
      log.error({ err: error }, "pg-boss error");
    });
    await boss.start();
    return boss;
  })();
  return globalForBoss.portalBoss;
}

/** Runs before pg-boss stops: the dispatchers finish (or hand back) the jobs they hold while the queue still answers. */
export function onBossStopping(hook: () => Promise<void>) {
  (globalForBoss.portalBossStopping ??= []).push(hook);
}

export async function stopBoss() {
  const hooks = globalForBoss.portalBossStopping ?? [];
  globalForBoss.portalBossStopping = [];
  await Promise.all(hooks.map((hook) => hook().catch((error) => log.error({ err: error }, "stopping failed"))));
  const pending = globalForBoss.portalBoss;
  globalForBoss.portalBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000 });
}
