import type { PgBoss } from "pg-boss";
import { startWorkers } from "@/lib/jobs/worker";
// Every domain with operations registers its handlers by being imported here.
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import "@/lib/dr/jobs";
import "@/lib/network/jobs";

export async function registerHandlers(boss: PgBoss) {
  await startWorkers(boss, { concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8) });
}
