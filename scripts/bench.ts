/**
 * `npm run bench`: measures the real product on a throwaway stack (embedded PostgreSQL, the ARM emulator over HTTPS
 * with Azure's throttling on, real worker processes via pg-boss) and prints the figures the VM issue asks for:
 *   1. provisioning 200 VMs across 4 tenant subscriptions: wall time vs the emulator's lower bound, 429s, failures,
 *      ARM requests per VM (polls included);
 *   2. the VM list page's server time for a tenant with 20 VMs vs one with 2,000;
 *   3. ARM reads for one inventory sync of 2,000 VMs vs the page count;
 *   1b. deleting the VMs of every tenant subscription but the first: ARM requests per VM deleted (polls included) and
 *      the NICs, public IPs and disks left behind (issue 18), after figures 2 and 3.
 * Figure 3 runs before figure 2: figure 2's directly inserted rows sit on the first plan's subscription and would
 * otherwise be part of the sync's portal side.
 * The figures are also written to bench-results/bench-<timestamp>.json.
 *
 * Flags (env in brackets): --time-scale (EMU_TIME_SCALE, 1: Azure's modelled durations, a VM create takes 60 s)
 *   --workers (2) --concurrency (WORKER_CONCURRENCY, 8)
 *   --poll-min-ms (JOBS_POLL_MIN_MS; default 2000 ms × time scale, the product's floor on the scaled clock)
 *   --tenants (4) --vms-each (50) --page-size (EMU_PAGE_SIZE, 100) --runs (60, list page samples) --sync-vms (2000)
 *   --retry-after (EMU_RETRY_AFTER, seconds or "none"; 1 = the emulator's default) --timeout-s (300, figure 1 wait)
 *   --via api (figure 1's bulks through POST /api/v1/tenants/{tenant}/vms with an operator token, issue 14)
 *   --only usage (only the usage rollup's figures, issue 15: no workers, no VMs) --usage-tenants (500)
 *   --usage-vms (20) --usage-days (31; the second run rolls up twice as many) --usage-page-tenants (50; the Usage page
 *   figure: one tenant's month read with 1, then 12 months of every tenant's history)
 *   --only consoles (issue 18 point 3: the consoles with 1,000,000 operations; scripts/bench/consoles.ts)
 *   --console-operations (1000000) --console-tenants (1000) --console-vms (20 per tenant) --console-runs (40)
 *   --only bulk2000 (issue 18 point 2: 2,000 VMs in 4 subscriptions, Compute's PutVM windows binding: wall ÷ the
 *   windowed bound, failures, 429s ÷ requests, worker and web RSS; ≈ 5 minutes at time scale 1; scripts/bench/bulk.ts)
 *   --bulk-vms-each (500) --bulk-via (api: the bulks through a production web process's REST API while the console
 *   is polled, and its RSS sampled; service: through createVms in this process, no web) --no-build (start that web on
 *   the existing .next build even when sources are newer)
 *   --only peers (issue 18 point 5: figure 1, then the same VMs by a plain SDK script with parallelism 10 and
 *   unbounded on the same emulator; wall, ARM requests, 429s, failures and portal ÷ peer; scripts/bench/peers.ts;
 *   time scale 0.1 unless given: at 1 the parallelism-10 script alone takes over 20 minutes)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { apiBulkSubmitter, benchApiList } from "./bench/api-list.ts";
import { runBulkSection } from "./bench/bulk.ts";
import { runPeersSection } from "./bench/peers.ts";
import { benchConsoles, consolesRows } from "./bench/consoles.ts";
import { benchDelete } from "./bench/delete.ts";
import { benchListPage } from "./bench/list-page.ts";
import { benchProvision } from "./bench/provision.ts";
import { flag, hasFlag, numberFlag, printTable, type Row } from "./bench/report.ts";
import { setupTenantSubscriptions } from "./bench/setup.ts";
import { repoRoot, startStack } from "./bench/stack.ts";
import { benchSyncReads } from "./bench/sync-reads.ts";
import { benchUsagePage, usagePageRows } from "./bench/usage-page.ts";
import { benchUsageRollup, usageRollupRows } from "./bench/usage-rollup.ts";

const log = (m: string) => console.log(`[bench] ${m}`);

async function main() {
  const timeScale = numberFlag("time-scale", "EMU_TIME_SCALE", flag("only", undefined) === "peers" ? 0.1 : 1);
  const workers = Math.max(1, Math.round(numberFlag("workers", undefined, 2)));
  const concurrency = Math.max(1, Math.round(numberFlag("concurrency", "WORKER_CONCURRENCY", 8)));
  const pollMinMs = Math.round(
    numberFlag("poll-min-ms", "JOBS_POLL_MIN_MS", Math.max(20, Math.round(2000 * timeScale))),
  );
  const tenantCount = Math.max(1, Math.round(numberFlag("tenants", undefined, 4)));
  const vmsEach = Math.min(50, Math.max(1, Math.round(numberFlag("vms-each", undefined, 50))));
  const pageSize = Math.max(1, Math.round(numberFlag("page-size", "EMU_PAGE_SIZE", 100)));
  const runs = Math.max(3, Math.round(numberFlag("runs", undefined, 60)));
  const syncVms = Math.max(1, Math.round(numberFlag("sync-vms", undefined, 2000)));
  const timeoutMs = numberFlag("timeout-s", undefined, 300) * 1000;
  const via = flag("via", undefined) === "api" ? "api" : "ui";
  const only = flag("only", undefined);
  if (only !== undefined && !["usage", "consoles", "bulk2000", "peers"].includes(only))
    throw new Error(`--only: unknown section ${only} (sections: usage, consoles, bulk2000, peers)`);
  const consoleScale = {
    operations: Math.max(1, Math.round(numberFlag("console-operations", undefined, 1_000_000))),
    tenants: Math.max(1, Math.round(numberFlag("console-tenants", undefined, 1000))),
    vmsEach: Math.max(1, Math.round(numberFlag("console-vms", undefined, 20))),
    auditEvents: Math.max(1, Math.round(numberFlag("console-operations", undefined, 1_000_000))),
  };
  const consoleRuns = Math.max(3, Math.round(numberFlag("console-runs", undefined, 40)));
  const usageScale = {
    tenants: Math.max(1, Math.round(numberFlag("usage-tenants", undefined, 500))),
    vmsEach: Math.max(1, Math.round(numberFlag("usage-vms", undefined, 20))),
    days: Math.max(1, Math.round(numberFlag("usage-days", undefined, 31))),
  };
  const usagePageScale = {
    tenants: Math.max(1, Math.round(numberFlag("usage-page-tenants", undefined, 50))),
    vmsEach: usageScale.vmsEach,
  };
  const retryRaw = flag("retry-after", process.env.EMU_RETRY_AFTER);
  const retryAfterSeconds =
    retryRaw === undefined || retryRaw === "" ? 1 : /^(none|null)$/i.test(retryRaw) ? null : Number(retryRaw);
  const settings = {
    timeScale,
    workers,
    workerConcurrency: concurrency,
    pollMinMs,
    tenants: tenantCount,
    vmsEach,
    pageSize,
    listRuns: runs,
    syncVms,
    retryAfterSeconds,
    submitVia: via === "api" ? "REST API (POST /api/v1/tenants/{tenant}/vms)" : "the page's service (createVms)",
    ...(only === "bulk2000"
      ? { bulkVia: flag("bulk-via", undefined) === "service" ? "createVms in the bench" : "a web process's REST API" }
      : {}),
    throttling: "on (Azure's limits, real-time refill)",
    usage: usageScale,
    usagePage: usagePageScale,
    only: only ?? "all",
  };
  log(`settings: ${JSON.stringify(settings)}`);
  // Wall times depend on what else the machine runs: the load is printed and saved with the figures.
  const machine = {
    cpus: cpus().length,
    loadAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
    loadAtEnd: [] as number[],
  };
  log(`machine: ${machine.cpus} CPUs, load average ${machine.loadAtStart.join(" ")}`);

  const started = Date.now();
  const stack = await startStack({
    name: "bench",
    timeScale,
    pageSize,
    retryAfterSeconds,
    workerConcurrency: concurrency,
    pollMinMs,
    log,
  });
  let exitCode = 0;
  const usageFigures = async () => {
    log(
      `usage rollup: ${usageScale.tenants} tenants × ${usageScale.vmsEach} VMs × ${usageScale.days} days of history, then ${usageScale.days * 2} days…`,
    );
    const rollup = await benchUsageRollup({ ...usageScale, log });
    log(`  ratio (twice the history ÷ once) ${rollup.ratio.toFixed(2)}`);
    log(`usage page: ${usagePageScale.tenants} tenants × ${usagePageScale.vmsEach} VMs, 1 then 12 months of history…`);
    const page = await benchUsagePage({ ...usagePageScale, log });
    log(`  ratio (12 months ÷ 1) ${page.ratio.toFixed(2)}`);
    return { rollup, page };
  };
  const usageFigureRows = (u: Awaited<ReturnType<typeof usageFigures>>) => [
    ...usageRollupRows(u.rollup),
    ...usagePageRows(u.page),
  ];
  const writeFigures = (figures: object) => {
    const outDir = path.join(repoRoot, "bench-results");
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const at = new Date().toISOString();
    writeFileSync(file, JSON.stringify({ at, settings, machine, ...figures }, null, 2));
    log(`figures written to ${path.relative(repoRoot, file)} (total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  };
  try {
    if (only === "bulk2000") {
      const vmsEach = Math.max(1, Math.round(numberFlag("bulk-vms-each", undefined, 500)));
      const { bulk, rows } = await runBulkSection(stack, {
        workers,
        tenants: tenantCount,
        vmsEach,
        timeScale,
        timeoutMs: Math.max(timeoutMs, 1_800_000),
        via: flag("bulk-via", undefined) === "service" ? "service" : "api",
        build: !hasFlag("no-build"),
        log,
      });
      machine.loadAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
      printTable(rows);
      writeFigures({ bulk, table: rows, totalSeconds: (Date.now() - started) / 1000 });
      await stack.cleanup();
      process.exit(0);
    }
    if (only === "peers") {
      const peers = await runPeersSection(stack, { workers, tenants: tenantCount, vmsEach, timeScale, timeoutMs, log });
      machine.loadAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
      printTable(peers.rows);
      writeFigures({ peers, table: peers.rows, totalSeconds: (Date.now() - started) / 1000 });
      await stack.cleanup();
      process.exit(0);
    }
    if (only === "consoles") {
      log(`consoles: ${JSON.stringify(consoleScale)}, p95 of ${consoleRuns} runs…`);
      const consoles = await benchConsoles({ scale: consoleScale, runs: consoleRuns, log });
      const rows = consolesRows(consoles);
      machine.loadAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
      printTable(rows);
      writeFigures({ consoles, table: rows, totalSeconds: (Date.now() - started) / 1000 });
      await stack.cleanup();
      process.exit(0);
    }
    if (only === "usage") {
      const usage = await usageFigures();
      const rows = usageFigureRows(usage);
      machine.loadAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
      printTable(rows);
      writeFigures({ usage, table: rows, totalSeconds: (Date.now() - started) / 1000 });
      await stack.cleanup();
      process.exit(0);
    }
    log(
      `stack up in ${path.relative(repoRoot, stack.dataDir)} (emulator ${stack.emulator.url}); starting ${workers} worker process(es)…`,
    );
    await Promise.all(Array.from({ length: workers }, () => stack.startWorker()));
    const tenants = await setupTenantSubscriptions(stack, { count: tenantCount, vmsEach, label: "Bench" });
    log(
      `${tenants.length} emulator subscriptions onboarded and validated, ${tenants.length} tenants subscribed to a plan each`,
    );

    log(`figure 1: provisioning ${tenantCount * vmsEach} VMs (${vmsEach} per tenant subscription, bulk)…`);
    const create = via === "api" ? await apiBulkSubmitter(tenants.map((t) => t.ctx)) : undefined;
    const provision = await benchProvision(stack, tenants, {
      vmsEach,
      timeScale,
      timeoutMs,
      log,
      create: create && ((t, input) => create(t.ctx, input)),
    });
    log(
      `  wall ${provision.wallSeconds.toFixed(2)} s (of which the bulk submits ${provision.submitSeconds.toFixed(2)} s) · bound ${provision.bound.seconds.toFixed(2)} s (chain ${provision.bound.chainSeconds.toFixed(2)} s, throttle ${provision.bound.throttleSeconds.toFixed(2)} s) · ratio ${provision.ratio.toFixed(2)}`,
    );
    log(`  bound = ${provision.bound.formula}`);
    log(
      `  ARM requests ${provision.armRequests} (${provision.armPerVm.toFixed(2)} per VM; polls ${provision.counters.polls}, reads ${provision.counters.reads}, writes ${provision.counters.writes}) · tokens ${provision.tokens} · 429s ${provision.throttled429}`,
    );
    log("  requests by kind:");
    for (const [kind, n] of provision.breakdown)
      log(`    ${String(n).padStart(6)}  ${(n / provision.vms).toFixed(2).padStart(6)}/VM  ${kind}`);
    const tl = provision.timeline;
    log(
      `  operations started (s after first submit): median ${tl.operationStart.median}, last ${tl.operationStart.max}; ended: median ${tl.operationEnd.median}, last ${tl.operationEnd.max}; attempts (fresh runs, not polls) per operation: median ${tl.attempts.median}, max ${tl.attempts.max}`,
    );
    log(
      `  pg-boss jobs for vm.create (first run + every poll/retry): ${provision.jobRuns.pgBossJobs ?? "?"} (${provision.jobRuns.perVm?.toFixed(2) ?? "?"} per VM)`,
    );
    log("  steps (s after first submit: start median/max → end median/max; duration median/max; steps retried):");
    for (const s of tl.steps)
      log(
        `    ${s.name.padEnd(26)} ${s.startMedian}/${s.startMax} → ${s.endMedian}/${s.endMax}; took ${s.tookMedian}/${s.tookMax}; retried ${s.retried}`,
      );
    for (const f of provision.failed.slice(0, 5)) log(`  failed: ${f.name}: ${f.code ?? ""} ${f.message ?? ""}`);

    log(`figure 3: ARM reads for one sync of ${syncVms} VMs…`);
    const sync = await benchSyncReads(stack, tenants[0], { vms: syncVms, pageSize, log });
    log(
      `  ${sync.state} in ${sync.seconds.toFixed(2)} s · reads ${sync.reads} for ${sync.pages} pages · ${JSON.stringify(sync.readsByKind)} · ${sync.detail}`,
    );

    log(`figure 2: VM list page, 20 vs 2,000 VMs (median of ${runs})…`);
    const list = await benchListPage(tenants[0], { runs });
    log(
      `  listVms+countVmsByState: 20 VMs ${list.small.listAndCountMs.toFixed(2)} ms, 2,000 VMs ${list.large.listAndCountMs.toFixed(2)} ms, ratio ${list.ratio.toFixed(2)}`,
    );
    log(
      `  whole page data (regions, subscriptions with usage, then the list and its count): ${list.small.fullPageMs.toFixed(2)} ms vs ${list.large.fullPageMs.toFixed(2)} ms, ratio ${list.fullPageRatio.toFixed(2)}`,
    );

    log(`figure 2b: the API's GET /vms, 20 vs 2,000 VMs, and its token check (median of ${runs})…`);
    const api = await benchApiList(list.tenants.small, list.tenants.large, { runs });
    log(
      `  GET /api/v1/tenants/{tenant}/vms?top=20: ${api.smallMs.toFixed(2)} ms vs ${api.largeMs.toFixed(2)} ms, ratio ${api.ratio.toFixed(2)}; token check p95 ${api.tokenCheckP95Ms.toFixed(2)} ms`,
    );

    // After figures 2 and 3, which add VMs to the first tenant's subscription: the other tenants' VMs are deleted.
    const deleteTenants = tenants.slice(1);
    log(`figure 1b: deleting the VMs of ${deleteTenants.length} tenant subscriptions (one DELETE per VM)…`);
    const deletion = deleteTenants.length ? await benchDelete(stack, deleteTenants, { timeoutMs, log }) : null;
    if (deletion) {
      log(
        `  ${deletion.vms} VMs in ${deletion.wallSeconds.toFixed(2)} s · ARM requests ${deletion.armRequests} (${deletion.armPerVm.toFixed(2)} per VM) · orphaned ${deletion.orphaned.length} · failed ${deletion.failed.length + deletion.unfinished}`,
      );
      for (const [kind, n] of deletion.breakdown)
        log(`    ${String(n).padStart(6)}  ${(n / deletion.vms).toFixed(2).padStart(6)}/VM  ${kind}`);
      for (const o of deletion.orphaned.slice(0, 5)) log(`  orphaned: ${o}`);
    }

    const usage = await usageFigures();

    const rows: Row[] = [
      {
        figure: `Provision ${provision.vms} VMs${via === "api" ? " (via the API)" : ""}: wall time`,
        value: `${provision.wallSeconds.toFixed(2)} s`,
        target: "",
        pass: null,
      },
      {
        figure: "Provision: lower bound (throttling + LROs)",
        value: `${provision.bound.seconds.toFixed(2)} s`,
        target: "",
        pass: null,
      },
      {
        figure: "Provision: wall ÷ bound",
        value: provision.ratio.toFixed(2),
        target: "≤ 1.15",
        pass: provision.ratio <= 1.15,
      },
      { figure: "Provision: 429s received", value: String(provision.throttled429), target: "(report)", pass: null },
      {
        figure: "Provision: bulk submits that failed (retried)",
        value: String(provision.submits.filter((s) => !s.ok).length),
        target: "0",
        pass: provision.submits.every((s) => s.ok),
      },
      {
        figure: "Provision: operations failed",
        value: String(provision.failed.length + provision.unfinished),
        target: "0",
        pass: provision.failed.length + provision.unfinished === 0,
      },
      {
        figure: "Provision: ARM requests per VM (incl. polls)",
        value: provision.armPerVm.toFixed(2),
        target: "≤ 3.0",
        pass: provision.armPerVm <= 3,
      },
      ...(deletion
        ? [
            {
              figure: `Delete ${deletion.vms} VMs: ARM requests per VM (incl. polls)`,
              value: deletion.armPerVm.toFixed(2),
              target: "≤ 2.0",
              pass: deletion.armPerVm <= 2,
            },
            {
              figure: "Delete: orphaned NICs / public IPs / disks; operations failed",
              value: `${deletion.orphaned.length}; ${deletion.failed.length + deletion.unfinished}`,
              target: "0; 0",
              pass: deletion.orphaned.length === 0 && deletion.failed.length + deletion.unfinished === 0,
            },
          ]
        : []),
      {
        figure: "List page: 20 VMs (median)",
        value: `${list.small.listAndCountMs.toFixed(2)} ms`,
        target: "",
        pass: null,
      },
      {
        figure: "List page: 2,000 VMs (median)",
        value: `${list.large.listAndCountMs.toFixed(2)} ms`,
        target: "",
        pass: null,
      },
      { figure: "List page: 2,000 ÷ 20", value: list.ratio.toFixed(2), target: "≤ 1.5", pass: list.ratio <= 1.5 },
      {
        figure: "VM page data (whole page): 2,000 ÷ 20",
        value: list.fullPageRatio.toFixed(2),
        target: "≤ 1.3",
        pass: list.fullPageRatio <= 1.3,
      },
      { figure: "API GET /vms: 2,000 ÷ 20", value: api.ratio.toFixed(2), target: "≤ 1.5", pass: api.ratio <= 1.5 },
      {
        figure: "API token check (p95)",
        value: `${api.tokenCheckP95Ms.toFixed(2)} ms`,
        target: "< 2 ms",
        pass: api.tokenCheckP95Ms < 2,
      },
      {
        figure: `Sync of ${sync.vms} VMs: ARM reads`,
        value: String(sync.reads),
        target: `≈ pages (${sync.pages})`,
        pass: sync.reads <= sync.pages + 2 && sync.state.startsWith("succeeded"),
      },
      ...usageFigureRows(usage),
    ];
    machine.loadAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
    printTable(rows);
    log(
      `load average at the end: ${machine.loadAtEnd.join(" ")} on ${machine.cpus} CPUs (wall times are inflated when it is well above the CPU count)`,
    );

    writeFigures({
      provision,
      deletion,
      list: { ...list, tenants: undefined },
      api,
      sync,
      usage,
      table: rows,
      totalSeconds: (Date.now() - started) / 1000,
    });
  } catch (error) {
    console.error("[bench] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    exitCode = 1;
  } finally {
    await stack.cleanup();
  }
  process.exit(exitCode);
}

void main();
