/**
 * `npm run chaos`: 50 VM creates (one bulk submit) while worker processes are killed with SIGKILL 20 times at random
 * moments spread over the creates; then every operation must end, and the database must agree with the emulator's
 * inventory: no VM lost, none duplicated, no orphaned NIC / public IP / disk, every operation succeeded or failed with
 * a reason. Exits non-zero otherwise.
 *
 * Runs on a throwaway stack (scripts/bench/stack.ts): embedded PostgreSQL, the ARM emulator over HTTPS with Azure's
 * throttling on, real worker processes. A small pool of workers runs the jobs; each kill takes the longest-running
 * ready worker and a replacement is started at the same moment, so kills are not held up by worker start-up (seconds
 * on a busy machine). A killed job is retried by pg-boss once its heartbeat (10 s, lib/jobs/queues.ts) has expired and
 * a supervising worker notices (every 5 s, lib/jobs/boss.ts).
 *
 * Flags (env in brackets): --time-scale (EMU_TIME_SCALE, 1: a VM create takes 60 s, as modelled for Azure) --vms (50)
 *   --kills (20) --workers (3, the pool) --min-up-s (2: a worker is killed only after this long ready) --window-s (the kills are spread over this many seconds after the submit;
 *   default 0.8 × the modelled create chain, 52 s at time scale 1) --concurrency (WORKER_CONCURRENCY, 8)
 *   --poll-min-ms (JOBS_POLL_MIN_MS, 2000 ms × time scale) --timeout-s (180, the wait for the operations after the last kill)
 * A kill counts as landing during the creates when some of the 50 operations had not ended yet; all 20 must.
 * Then every other VM created is deleted (issue 18: one DELETE takes its NIC, public IP and disks) while workers are
 * killed again: --delete-kills (5) spread over --delete-window-s (0.8 × the modelled 30 s delete); every delete must
 * succeed, and the comparison with Azure after finds nothing of a deleted VM left (orphaned). --put-latency-ms (10000)
 * holds each VM PUT's and DELETE's answer back after Azure accepted it, and --aimed-kills (3) per window and phase are
 * aimed at the worker that sent one (scripts/chaos/aim.ts): killed while its accepted request's answer is held ("lost":
 * Azure creates or deletes the VM, the portal never hears), and killed once the answer arrived but before the worker
 * stored it ("unstored"). Each window must see at least one kill land, counted from evidence.
 */
import path from "node:path";
import type { Child } from "./lib/children.ts";
import { compareWithAzure } from "./chaos/compare.ts";
import { numberFlag, printTable, type Row } from "./bench/report.ts";
import { lowerBound } from "./bench/provision.ts";
import { setupTenantSubscriptions, submitBulk } from "./bench/setup.ts";
import { logProgress, repoRoot, sleep, startStack, waitForOperations } from "./bench/stack.ts";
import { RequestRecorder } from "./bench/requests.ts";
import { Aimer, answersLost, settle, type KillWindow } from "./chaos/aim.ts";
import { kinds } from "@/lib/operations/kinds";

const log = (m: string) => console.log(`[chaos] ${m}`);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0);

async function main() {
  const timeScale = numberFlag("time-scale", "EMU_TIME_SCALE", 1);
  const vms = Math.min(50, Math.max(1, Math.round(numberFlag("vms", undefined, 50))));
  const kills = Math.round(numberFlag("kills", undefined, 20));
  const poolSize = Math.max(2, Math.round(numberFlag("workers", undefined, 3)));
  const minUpMs = numberFlag("min-up-s", undefined, 2) * 1000;
  const windowMs = numberFlag("window-s", undefined, 0.8 * lowerBound([vms], timeScale).chainSeconds) * 1000;
  const concurrency = Math.max(1, Math.round(numberFlag("concurrency", "WORKER_CONCURRENCY", 8)));
  const pollMinMs = Math.round(
    numberFlag("poll-min-ms", "JOBS_POLL_MIN_MS", Math.max(20, Math.round(2000 * timeScale))),
  );
  const timeoutMs = numberFlag("timeout-s", undefined, 180) * 1000;
  const deleteKills = Math.round(numberFlag("delete-kills", undefined, 5));
  const putLatencyMs = numberFlag("put-latency-ms", undefined, 10_000);
  const aimedKills = Math.max(0, Math.round(numberFlag("aimed-kills", undefined, 3)));
  // A VM delete is modelled at 30 s (emulator/providers/compute/constants.ts DURATIONS.delete).
  const deleteWindowMs = numberFlag("delete-window-s", undefined, 0.8 * 30 * timeScale) * 1000;
  log(
    `settings: ${JSON.stringify({ timeScale, vms, kills, workerPool: poolSize, killWindowSeconds: windowMs / 1000, workerConcurrency: concurrency, pollMinMs, timeoutSeconds: timeoutMs / 1000 })}`,
  );

  const started = Date.now();
  const stack = await startStack({
    name: "chaos",
    timeScale,
    pageSize: 100,
    retryAfterSeconds: 1,
    workerConcurrency: concurrency,
    pollMinMs,
    log,
  });
  let exitCode = 0;
  try {
    log(`stack up in ${path.relative(repoRoot, stack.dataDir)}; starting ${poolSize} workers…`);
    type PoolWorker = { child: Child; ready: boolean; readyAt: number };
    const pool: PoolWorker[] = [];
    const startTimes: number[] = [];
    const spawn = () => {
      const s0 = Date.now();
      const { child, ready } = stack.spawnWorker();
      const w: PoolWorker = { child, ready: false, readyAt: 0 };
      ready.then(
        () => {
          w.ready = true;
          w.readyAt = Date.now();
          startTimes.push((w.readyAt - s0) / 1000);
        },
        () => {},
      );
      pool.push(w);
      return ready;
    };
    await Promise.all(Array.from({ length: poolSize }, spawn));
    const [t] = await setupTenantSubscriptions(stack, { count: 1, vmsEach: vms, label: "Chaos" });
    const recorder = new RequestRecorder(stack.control);
    await recorder.start();
    // Azure's answer to each VM PUT and DELETE comes putLatencyMs after Azure accepted it, so kills land between the
    // request and the run storing its continuation: the next run's PUT finds Azure creating the VM and follows it
    // (issue 18), the next run's DELETE finds it deleting.
    if (putLatencyMs > 0)
      for (const method of ["PUT", "DELETE"])
        await stack.control.addFault({
          method,
          path: "/providers/Microsoft\\.Compute/virtualMachines/[^/]+$",
          when: "after",
          latencyMs: putLatencyMs,
        });

    const t0 = Date.now();
    const { created, failures: submitFailures } = await submitBulk(t, "chaos", vms, log);
    const ids = created.map((c) => c.operationId);
    log(`submitted ${ids.length} vm.create operations; ${kills} kills spread over ${(windowMs / 1000).toFixed(0)} s…`);

    const { db } = await import("@/lib/db/client");
    const isAlive = (w: PoolWorker) => w.child.proc.exitCode === null && w.child.proc.signalCode === null;
    const killWorker = async (victim: PoolWorker) => {
      void spawn(); // the replacement starts now, while the others keep working
      victim.child.proc.kill("SIGKILL");
      await victim.child.exited;
    };
    const aimer = new Aimer({
      control: stack.control,
      databaseUrl: stack.databaseUrl,
      workerPids: () => pool.filter(isAlive).map((w) => w.child.proc.pid!),
      kill: async (pid) => {
        const victim = pool.find((w) => w.child.proc.pid === pid);
        if (victim && isAlive(victim)) await killWorker(victim);
      },
      stepOf: async (name, method) => {
        const vm = await db.virtualMachine.findFirst({
          where: { tenantSubscriptionId: t.tenantSubscriptionId, name: { equals: name, mode: "insensitive" } },
          select: { id: true },
        });
        const op =
          vm &&
          (await db.operation.findFirst({
            where: { targetId: vm.id, kind: method === "PUT" ? kinds.vm.create : kinds.vm.delete },
            orderBy: { createdAt: "desc" },
            select: { id: true, steps: { select: { name: true, position: true } } },
          }));
        // The create's answer is stored by its "Create VM" step; the delete's by its first (and only long) step.
        const step = op?.steps.find((x) => (method === "PUT" ? x.name === "Create VM" : x.position === 0));
        return op && step ? { operationId: op.id, position: step.position } : null;
      },
      log,
    });
    // Aimed kills run beside the random ones, each at a different worker.
    const aim = (phase: string, method: string, untilMs: number) =>
      Promise.all(
        Array.from({ length: aimedKills }).flatMap(() => [
          aimer.lost(phase, method, Math.max(0, untilMs - Date.now())),
          aimer.unstored(phase, method, Math.max(0, untilMs - Date.now()), putLatencyMs),
        ]),
      );
    // One kill per slot of the window, at a random moment inside it, while `ids` run.
    const killDuring = async (phase: string, phaseIds: string[], from: number, window: number, count: number) => {
      const out: { at: number; running: number; ended: number }[] = [];
      const slot = window / Math.max(1, count);
      for (let k = 1; k <= count; k++) {
        await sleep(Math.max(0, from + slot * (k - 1) + Math.random() * slot - Date.now()));
        // Counted before the victim is chosen: no await between choosing it and the kill, so an aim cannot reserve it
        // in between.
        const [running, ended] = await Promise.all([
          db.operation.count({ where: { id: { in: phaseIds }, state: "running" } }),
          db.operation.count({
            where: { id: { in: phaseIds }, state: { in: ["succeeded", "failed", "cancelled"] } },
          }),
        ]);
        // The victim has been up long enough to have claimed jobs, so the kill lands in the middle of its work.
        let victim: PoolWorker | undefined;
        for (;;) {
          const up = pool.filter(
            (w) => w.ready && isAlive(w) && !aimer.reserved.has(w.child.proc.pid!) && Date.now() - w.readyAt >= minUpMs,
          );
          victim = up.sort((a, b) => a.readyAt - b.readyAt)[0];
          if (victim) break;
          await sleep(100);
        }
        await killWorker(victim);
        out.push({ at: (Date.now() - from) / 1000, running, ended });
        log(
          `${phase} kill ${k}/${count} at ${((Date.now() - from) / 1000).toFixed(1)} s (pid ${victim.child.proc.pid}; ${running} operations running, ${ended}/${phaseIds.length} ended)`,
        );
      }
      return out;
    };
    // The aims look for targets until the phase's operations have ended (a busy machine sends the PUTs late).
    const createAims = aim("create", "PUT", t0 + windowMs + timeoutMs);
    const killLog = await killDuring("create", ids, t0, windowMs, kills);
    const lastKill = Date.now();
    log(
      `all kills done after ${((lastKill - t0) / 1000).toFixed(1)} s; waiting (at most ${timeoutMs / 1000} s) for every operation to end…`,
    );
    const { timedOut } = await waitForOperations(ids, {
      timeoutMs,
      onProgress: logProgress(log, t0, 10_000),
    });
    const endedAt = (Date.now() - t0) / 1000;
    aimer.stop();
    await createAims;
    aimer.resume();

    // Issue 18: every other VM created is deleted (one DELETE each, its NIC, public IP and disks with it) while
    // workers are killed again.
    const { runVmAction } = await import("@/lib/vms/change-vms");
    const createdVms = await db.virtualMachine.findMany({
      where: { tenantSubscriptionId: t.tenantSubscriptionId, provisioningState: "Succeeded" },
      select: { id: true },
      orderBy: { name: "asc" },
    });
    const d0 = Date.now();
    const deleteIds: string[] = [];
    for (const vm of createdVms.filter((_, i) => i % 2 === 0))
      deleteIds.push((await runVmAction(t.ctx, vm.id, "delete")).id);
    log(
      `submitted ${deleteIds.length} vm.delete operations; ${deleteKills} kills spread over ${(deleteWindowMs / 1000).toFixed(0)} s…`,
    );
    const deleteAims = aim("delete", "DELETE", d0 + deleteWindowMs + timeoutMs);
    const deleteKillLog = deleteIds.length
      ? await killDuring("delete", deleteIds, d0, deleteWindowMs, deleteKills)
      : [];
    const deletion = await waitForOperations(deleteIds, { timeoutMs });
    aimer.stop();
    await deleteAims;
    const deleteStates: Record<string, number> = {};
    for (const o of deletion.ops) deleteStates[o.state] = (deleteStates[o.state] ?? 0) + 1;
    log(`deletes ended ${((Date.now() - d0) / 1000).toFixed(1)} s after their submit: ${JSON.stringify(deleteStates)}`);

    // Let in-flight ARM operations settle before reading the inventory (nothing should still be running).
    await sleep(Math.max(1000, 60_000 * timeScale * 1.5));
    const requests = await recorder.stop();
    settle(aimer.kills, requests);
    const aimedIn = (phase: string, window: KillWindow) => {
      const tried = aimer.kills.filter((k) => k.phase === phase && k.window === window);
      return { landed: tried.filter((k) => k.landed).length, tried: tried.length };
    };
    for (const k of aimer.kills)
      log(
        `  aimed ${k.phase} ${k.window}: ${k.method} ${k.vm}, pid ${k.pid}: ${k.landed ? "landed" : "missed"} (${k.evidence})`,
      );
    const lostPuts = answersLost(requests, "PUT").length;
    const lostDeletes = answersLost(requests, "DELETE").length;
    const c = await compareWithAzure(stack.control, t, ids);
    const vmPuts = new Map<string, number>();
    for (const r of requests.filter(
      (e) => e.method === "PUT" && /\/virtualMachines\/[^/]+$/i.test(e.path) && e.status < 300,
    )) {
      const name = r.path.split("/").pop()!.toLowerCase();
      vmPuts.set(name, (vmPuts.get(name) ?? 0) + 1);
    }
    const resent = [...vmPuts.values()].filter((n) => n > 1).length;
    // A run killed between the VM PUT and storing its continuation: the next run's PUT found Azure creating the VM.
    const followed = await db.operationStep.count({
      where: {
        operationId: { in: ids },
        name: "Create VM",
        OR: [{ detail: { contains: "already creating" } }, { detail: { contains: "Azure already has this VM" } }],
      },
    });
    const attempts = await db.operation.aggregate({
      where: { id: { in: ids } },
      _sum: { attempts: true },
      _max: { attempts: true },
    });

    log(
      `portal VMs ${c.portalVms}, Azure VMs ${c.azureVms}; operations ended ${endedAt.toFixed(1)} s after submit${timedOut ? " (TIMED OUT)" : ""}`,
    );
    log(
      `job runs per operation: total ${attempts._sum.attempts}, max ${attempts._max.attempts}; VMs whose PUT reached Azure more than once: ${resent} (found in flight and followed: ${followed}); 429s: ${requests.filter((e) => e.status === 429).length}`,
    );
    for (const x of c.lost) log(`  lost: ${x}`);
    for (const x of c.duplicated) log(`  duplicated: ${x}`);
    for (const x of c.orphaned) log(`  orphaned: ${x}`);
    for (const x of c.unfinished) log(`  unfinished: ${x}`);
    for (const x of c.failed.slice(0, 10)) log(`  failed: ${x.name}: ${x.reason}`);

    const landed = killLog.filter((k) => k.ended < ids.length).length;
    const deleteLanded = deleteKillLog.filter((k) => k.ended < deleteIds.length).length;
    const deletesNotSucceeded = deleteIds.length - (deleteStates.succeeded ?? 0);
    const rows: Row[] = [
      {
        figure: "Worker kills (SIGKILL)",
        value: String(killLog.length),
        target: String(kills),
        pass: killLog.length === kills,
      },
      {
        figure: "Kills while creates were unfinished",
        value: String(landed),
        target: String(kills),
        pass: landed === kills,
      },
      {
        figure: "Worker start → ready (median)",
        value: `${median(startTimes).toFixed(1)} s`,
        target: "(report)",
        pass: null,
      },
      {
        figure: "Kills that hit running operations",
        value: String(killLog.filter((k) => k.running > 0).length),
        target: "(report)",
        pass: null,
      },
      {
        figure: "Bulk submits that failed (sent again)",
        value: String(submitFailures.length),
        target: "0",
        pass: null,
      },
      {
        figure: "Kills while deletes were unfinished",
        value: `${deleteLanded} of ${deleteKillLog.length}`,
        target: String(deleteKills),
        pass: deleteLanded === deleteKills,
      },
      {
        figure: `Deletes (every other VM created) not succeeded`,
        value: `${deletesNotSucceeded} of ${deleteIds.length}`,
        target: "0",
        pass: deletesNotSucceeded === 0 && !deletion.timedOut,
      },
      ...(["create", "delete"] as const).flatMap((phase) =>
        (["lost", "unstored"] as const).map((window) => {
          const a = aimedIn(phase, window);
          return {
            figure: `Aimed ${phase} kills: ${window === "lost" ? "accepted by Azure, answer not received" : "answer received, not stored"}`,
            value: `${a.landed} of ${a.tried}`,
            target: aimedKills ? "≥ 1" : "(off)",
            pass: aimedKills ? a.landed >= 1 : null,
          };
        }),
      ),
      {
        figure: "VM PUT / DELETE answers lost to a killed caller (all kills)",
        value: `${lostPuts} / ${lostDeletes}`,
        target: "(report)",
        pass: null,
      },
      {
        figure: "VM PUTs found in flight by a later run (followed)",
        value: String(followed),
        target: "(report)",
        pass: null,
      },
      { figure: "VMs lost", value: String(c.lost.length), target: "0", pass: c.lost.length === 0 },
      {
        figure: "VMs duplicated / unknown in Azure",
        value: String(c.duplicated.length),
        target: "0",
        pass: c.duplicated.length === 0,
      },
      {
        figure: "Orphaned Azure resources",
        value: String(c.orphaned.length),
        target: "0",
        pass: c.orphaned.length === 0,
      },
      ...Object.entries(c.operationsByState).map(([state, n]) => ({
        figure: `Operations ${state}`,
        value: String(n),
        target: state === "succeeded" ? `${ids.length}` : "(report)",
        pass: null,
      })),
      {
        figure: "Operations unfinished",
        value: String(c.unfinished.length),
        target: "0",
        pass: c.unfinished.length === 0,
      },
      {
        figure: "Operations failed without a reason",
        value: String(c.failedWithoutReason.length),
        target: "0",
        pass: c.failedWithoutReason.length === 0,
      },
      {
        figure: "Time to end all operations",
        value: `${endedAt.toFixed(1)} s`,
        target: `≤ ${((lastKill - t0 + timeoutMs) / 1000).toFixed(0)} s`,
        pass: !timedOut,
      },
    ];
    printTable(rows);
    if (
      c.lost.length ||
      c.duplicated.length ||
      c.orphaned.length ||
      c.unfinished.length ||
      c.failedWithoutReason.length ||
      timedOut ||
      landed < kills ||
      deleteLanded < deleteKills ||
      deletesNotSucceeded > 0 ||
      deletion.timedOut ||
      (aimedKills > 0 &&
        (["create", "delete"] as const).some((p) =>
          (["lost", "unstored"] as const).some((w) => aimedIn(p, w).landed === 0),
        ))
    )
      exitCode = 2;
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
