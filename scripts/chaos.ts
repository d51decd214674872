/**
 * `npm run chaos`: 50 VM creates (one bulk submit) while the worker process is killed with SIGKILL 20 times at random
 * moments and a new one started each time; then every operation must end, and the database must agree with the
 * emulator's inventory: no VM lost, none duplicated, no orphaned NIC / public IP / disk, every operation succeeded or
 * failed with a reason. Exits non-zero otherwise.
 *
 * Runs on a throwaway stack (scripts/bench/stack.ts): embedded PostgreSQL, the ARM emulator over HTTPS with Azure's
 * throttling on, real worker processes. A killed job is retried by pg-boss once its heartbeat (10 s, lib/jobs/queues.ts)
 * has expired and a supervising worker notices; pg-boss supervises every 60 s by default (lib/jobs/boss.ts sets no
 * `superviseIntervalSeconds`, and no environment variable changes it), so recovery can take up to ~70 s after a kill.
 *
 * Flags (env in brackets): --time-scale (EMU_TIME_SCALE, 0.1: a VM create takes 6 s) --vms (50) --kills (20)
 *   --min-gap-s (1) --max-gap-s (6): random wait between a new worker being ready and its kill
 *   --concurrency (WORKER_CONCURRENCY, 8) --poll-min-ms (JOBS_POLL_MIN_MS, 2000 ms × time scale) --timeout-s (240,
 *   the wait for the operations after the last kill) --kill-phase-s (150: no new kill after this; a replacement worker
 *   must be ready before its kill, so on a busy machine with slow worker starts fewer kills fit, and the table says so)
 */
import path from "node:path";
import type { Child } from "./lib/children.ts";
import { compareWithAzure } from "./chaos/compare.ts";
import { numberFlag, printTable, type Row } from "./bench/report.ts";
import { setupTenantSubscriptions, submitBulk } from "./bench/setup.ts";
import { repoRoot, sleep, startStack, waitForOperations } from "./bench/stack.ts";
import { RequestRecorder } from "./bench/requests.ts";

const log = (m: string) => console.log(`[chaos] ${m}`);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0);

async function main() {
  const timeScale = numberFlag("time-scale", "EMU_TIME_SCALE", 0.1);
  const vms = Math.min(50, Math.max(1, Math.round(numberFlag("vms", undefined, 50))));
  const kills = Math.round(numberFlag("kills", undefined, 20));
  const minGap = numberFlag("min-gap-s", undefined, 1) * 1000;
  const maxGap = Math.max(minGap, numberFlag("max-gap-s", undefined, 6) * 1000);
  const concurrency = Math.max(1, Math.round(numberFlag("concurrency", "WORKER_CONCURRENCY", 8)));
  const pollMinMs = Math.round(numberFlag("poll-min-ms", "JOBS_POLL_MIN_MS", Math.max(20, Math.round(2000 * timeScale))));
  const timeoutMs = numberFlag("timeout-s", undefined, 180) * 1000;
  const killPhaseMs = numberFlag("kill-phase-s", undefined, 150) * 1000;
  log(`settings: ${JSON.stringify({ timeScale, vms, kills, gapSeconds: [minGap / 1000, maxGap / 1000], workerConcurrency: concurrency, pollMinMs, timeoutSeconds: timeoutMs / 1000, killPhaseSeconds: killPhaseMs / 1000 })}`);

  const started = Date.now();
  const stack = await startStack({ name: "chaos", timeScale, pageSize: 100, retryAfterSeconds: 1, workerConcurrency: concurrency, pollMinMs, log });
  let exitCode = 0;
  try {
    log(`stack up in ${path.relative(repoRoot, stack.dataDir)}; starting the worker…`);
    let worker: Child = await stack.startWorker();
    const [t] = await setupTenantSubscriptions(stack, { count: 1, vmsEach: vms, label: "Chaos" });
    const recorder = new RequestRecorder(stack.control);
    await recorder.start();

    const t0 = Date.now();
    const { created, failures: submitFailures } = await submitBulk(t, "chaos", vms, log);
    const ids = created.map((c) => c.operationId);
    log(`submitted ${ids.length} vm.create operations; killing the worker ${kills} times…`);

    const { db } = await import("@/lib/db/client");
    const killLog: { at: number; running: number; ended: number }[] = [];
    const startTimes: number[] = [];
    for (let k = 1; k <= kills; k++) {
      if (Date.now() - t0 > killPhaseMs) {
        log(`kill phase over after ${((Date.now() - t0) / 1000).toFixed(0)} s with ${k - 1} kills (worker starts take ${median(startTimes).toFixed(1)} s here)`);
        break;
      }
      await sleep(minGap + Math.random() * (maxGap - minGap));
      const [running, ended] = await Promise.all([
        db.operation.count({ where: { id: { in: ids }, state: "running" } }),
        db.operation.count({ where: { id: { in: ids }, state: { in: ["succeeded", "failed", "cancelled"] } } }),
      ]);
      worker.proc.kill("SIGKILL");
      await worker.exited;
      killLog.push({ at: (Date.now() - t0) / 1000, running, ended });
      log(`kill ${k}/${kills} at ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${worker.proc.pid}; ${running} operations running, ${ended}/${ids.length} ended)`);
      const s0 = Date.now();
      worker = await stack.startWorker();
      startTimes.push((Date.now() - s0) / 1000);
    }
    const lastKill = Date.now();
    log(`all kills done after ${((lastKill - t0) / 1000).toFixed(1)} s; waiting (at most ${timeoutMs / 1000} s) for every operation to end…`);
    let lastLog = 0;
    const { timedOut } = await waitForOperations(ids, {
      timeoutMs,
      onProgress: (done, total) => {
        if (Date.now() - lastLog > 10_000 || done === total) {
          lastLog = Date.now();
          log(`  ${done}/${total} ended after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        }
      },
    });
    const endedAt = (Date.now() - t0) / 1000;
    // Let in-flight ARM operations settle before reading the inventory (nothing should still be running).
    await sleep(Math.max(1000, 60_000 * timeScale * 1.5));
    const requests = await recorder.stop();
    const c = await compareWithAzure(stack.control, t, ids);
    const vmPuts = new Map<string, number>();
    for (const r of requests.filter((e) => e.method === "PUT" && /\/virtualMachines\/[^/]+$/i.test(e.path) && e.status < 300)) {
      const name = r.path.split("/").pop()!.toLowerCase();
      vmPuts.set(name, (vmPuts.get(name) ?? 0) + 1);
    }
    const resent = [...vmPuts.values()].filter((n) => n > 1).length;
    const attempts = await db.operation.aggregate({ where: { id: { in: ids } }, _sum: { attempts: true }, _max: { attempts: true } });

    log(`portal VMs ${c.portalVms}, Azure VMs ${c.azureVms}; operations ended ${endedAt.toFixed(1)} s after submit${timedOut ? " (TIMED OUT)" : ""}`);
    log(`job runs per operation: total ${attempts._sum.attempts}, max ${attempts._max.attempts}; VMs whose PUT reached Azure more than once: ${resent}; 429s: ${requests.filter((e) => e.status === 429).length}`);
    for (const x of c.lost) log(`  lost: ${x}`);
    for (const x of c.duplicated) log(`  duplicated: ${x}`);
    for (const x of c.orphaned) log(`  orphaned: ${x}`);
    for (const x of c.unfinished) log(`  unfinished: ${x}`);
    for (const x of c.failed.slice(0, 10)) log(`  failed: ${x.name}: ${x.reason}`);

    const rows: Row[] = [
      { figure: "Worker kills (SIGKILL)", value: String(killLog.length), target: String(kills), pass: killLog.length === kills },
      { figure: "Worker start → ready (median)", value: `${median(startTimes).toFixed(1)} s`, target: "(report)", pass: null },
      { figure: "Kills that hit running operations", value: String(killLog.filter((k) => k.running > 0).length), target: "(report)", pass: null },
      { figure: "Bulk submits that failed (sent again)", value: String(submitFailures.length), target: "0", pass: null },
      { figure: "VMs lost", value: String(c.lost.length), target: "0", pass: c.lost.length === 0 },
      { figure: "VMs duplicated / unknown in Azure", value: String(c.duplicated.length), target: "0", pass: c.duplicated.length === 0 },
      { figure: "Orphaned Azure resources", value: String(c.orphaned.length), target: "0", pass: c.orphaned.length === 0 },
      ...Object.entries(c.operationsByState).map(([state, n]) => ({ figure: `Operations ${state}`, value: String(n), target: state === "succeeded" ? `${ids.length}` : "(report)", pass: null })),
      { figure: "Operations unfinished", value: String(c.unfinished.length), target: "0", pass: c.unfinished.length === 0 },
      { figure: "Operations failed without a reason", value: String(c.failedWithoutReason.length), target: "0", pass: c.failedWithoutReason.length === 0 },
      { figure: "Time to end all operations", value: `${endedAt.toFixed(1)} s`, target: `≤ ${((lastKill - t0 + timeoutMs) / 1000).toFixed(0)} s`, pass: !timedOut },
    ];
    printTable(rows);
    if (c.lost.length || c.duplicated.length || c.orphaned.length || c.unfinished.length || c.failedWithoutReason.length || timedOut) exitCode = 2;
    log(`${exitCode ? "FAILED" : "passed"} (total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } catch (error) {
    console.error("[chaos] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    exitCode = 1;
  } finally {
    await stack.cleanup();
  }
  process.exit(exitCode);
}

void main();
