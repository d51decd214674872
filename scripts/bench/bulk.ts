/**
 * `--only bulk2000` (issue 18 point 2): 2,000 VMs in 4 tenant subscriptions, so that Compute's PutVM windows bind
 * (500 per subscription against 240 per 3 minutes). Each tenant sends ten bulks of 50 one after the other, the four
 * tenants at once; the real workers pace to the windows from x-ms-ratelimit-remaining-resource. Measured: wall time
 * against the windowed lower bound (bound.ts), operations failed, 429s ÷ ARM requests, and the resident memory of
 * every worker process and of the web process, sampled from /proc/<pid>/status every second. The bulks go through a
 * production web process's REST API while the tenants' automation follows its operations there and a helpdesk agent
 * reloads the operations console (web.ts); `via: "service"` sends them through createVms in this process instead.
 */
import { readFileSync } from "node:fs";
import { bulkBound, type BulkBound } from "./bound.ts";
import type { Row } from "./report.ts";
import { setupTenantSubscriptions, submitBulk, type TenantSetup } from "./setup.ts";
import { logProgress, waitForOperations, type Stack } from "./stack.ts";
import { apiBulks, every, helpdeskAgent, startBenchWeb, type BenchWeb } from "./web.ts";

export type BulkResult = {
  vms: number;
  wallSeconds: number;
  submitSeconds: number;
  bound: BulkBound;
  ratio: number;
  failed: number;
  /** The wait ended before every operation did: the unfinished ones are in `failed`. */
  timedOut: boolean;
  failures: { name: string; code: string | null; message: string | null }[];
  armRequests: number;
  throttled429: number;
  throttledShare: number;
  counters: Awaited<ReturnType<Stack["control"]["counters"]>>;
  workerRssMb: { pid: number; maxMb: number }[];
  webRssMb: number | null;
  /** Through the web: the console pages the helpdesk agent loaded (and how many did not answer 200). */
  consoleLoads: { loads: number; failures: number } | null;
};

/** VmRSS of a process in MB, or null when it is gone (or not Linux). */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples the peak resident memory of some processes every `everyMs` until stopped. */
export function sampleRss(pids: number[], everyMs = 1_000) {
  const peak = new Map<number, number>();
  const take = () => {
    for (const pid of pids) {
      const mb = rssMb(pid);
      if (mb !== null) peak.set(pid, Math.max(peak.get(pid) ?? 0, mb));
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return pids.map((pid) => ({ pid, maxMb: Math.round((peak.get(pid) ?? 0) * 10) / 10 }));
    },
  };
}

export async function benchBulk(
  stack: Stack,
  tenants: TenantSetup[],
  opts: {
    vmsEach: number;
    timeScale: number;
    timeoutMs: number;
    log: (m: string) => void;
    web?: BenchWeb;
  },
): Promise<BulkResult> {
  const { control } = stack;
  const { web } = opts;
  await control.resetCounters();
  const workerPids = stack.workers.map((w) => w.proc.pid).filter((p): p is number => p !== undefined);
  const rss = sampleRss([...workerPids, ...(web ? [web.pid] : [])]);
  const api = web ? await apiBulks(web, tenants) : undefined;
  const agent = web ? await helpdeskAgent(web) : undefined;
  const submit = async (t: TenantSetup, prefix: string, count: number) =>
    api ? await api.submit(t, prefix, count, opts.log) : (await submitBulk(t, prefix, count, opts.log)).created;

  const bulks = Math.ceil(opts.vmsEach / 50);
  const t0 = Date.now();
  // Each tenant's automation looks at its operations every 5 s; the agent opens the console every 20 s.
  const watchers = api && agent ? [every(5_000, api.follow), every(20_000, agent.look)] : [];
  const created = await Promise.all(
    tenants.map(async (t) => {
      const ids: string[] = [];
      for (let k = 0; k < bulks; k++) {
        const count = Math.min(50, opts.vmsEach - k * 50);
        const ops = await submit(t, `b${t.index + 1}x${k}`, count);
        ids.push(...ops.map((o) => o.operationId));
      }
      return ids;
    }),
  );
  const ids = created.flat();
  const submitSeconds = (Date.now() - t0) / 1000;
  opts.log(
    `  submitted ${ids.length} vm.create operations in ${submitSeconds.toFixed(1)} s${web ? " through the web's API" : ""}; waiting for the workers…`,
  );
  const { ops, timedOut } = await waitForOperations(ids, {
    timeoutMs: opts.timeoutMs,
    onProgress: logProgress(opts.log, t0, 15_000, 0),
  });
  await Promise.all(watchers.map((w) => w.stop()));
  const peaks = rss.stop();
  const counters = await control.counters();
  const lastEnd = Math.max(...ops.filter((o) => o.endedAt).map((o) => o.endedAt!.getTime()));
  const wallSeconds = (lastEnd - t0) / 1000;
  // Per Azure subscription: the windows are its own, whichever tenant subscriptions share it.
  const perArm = new Map<string, number>();
  for (const t of tenants) perArm.set(t.armSubscriptionId, (perArm.get(t.armSubscriptionId) ?? 0) + opts.vmsEach);
  const bound = bulkBound([...perArm.values()], opts.timeScale);
  const armRequests = counters.reads + counters.writes + counters.deletes + counters.actions + counters.polls;
  const failures = ops
    .filter((o) => o.state !== "succeeded")
    .map((o) => ({ name: o.targetName, code: o.errorCode, message: o.errorMessage }));
  return {
    vms: ids.length,
    wallSeconds,
    submitSeconds,
    bound,
    ratio: wallSeconds / bound.seconds,
    failed: failures.length,
    timedOut,
    failures: failures.slice(0, 10),
    armRequests,
    throttled429: counters.throttled429,
    throttledShare: armRequests ? counters.throttled429 / armRequests : 0,
    counters,
    workerRssMb: peaks.filter((p) => workerPids.includes(p.pid)),
    webRssMb: web ? (peaks.find((p) => p.pid === web.pid)?.maxMb ?? null) : null,
    consoleLoads: agent?.counts() ?? null,
  };
}

/** The whole `--only bulk2000` section: workers, four tenant subscriptions with room for 500 VMs each, the run. */
export async function runBulkSection(
  stack: Stack,
  opts: {
    workers: number;
    tenants: number;
    vmsEach: number;
    timeScale: number;
    timeoutMs: number;
    /** "api" (default): through a production web process's REST API; "service": createVms in this process. */
    via?: "api" | "service";
    /** false: start the web on the existing .next build even when sources are newer (`--no-build`). */
    build?: boolean;
    log: (m: string) => void;
  },
) {
  await Promise.all(Array.from({ length: opts.workers }, () => stack.startWorker()));
  const web =
    opts.via === "service" ? undefined : await startBenchWeb(stack, { build: opts.build ?? true, log: opts.log });
  // A tenant subscription's default network is a /24 (about 250 NICs): 500 VMs of one Azure subscription go to two
  // tenants subscribed to its plan, as a provider's plan serves many tenants.
  const tenantsPerPlan = Math.ceil(opts.vmsEach / 250);
  const vmsPerTenant = Math.ceil(opts.vmsEach / tenantsPerPlan);
  const tenants = await setupTenantSubscriptions(stack, {
    count: opts.tenants,
    vmsEach: vmsPerTenant,
    tenantsPerPlan,
    label: "Bulk",
  });
  opts.log(
    `bulk: ${opts.tenants * opts.vmsEach} VMs (${opts.vmsEach} per subscription, bulks of 50), windows binding…`,
  );
  const bulk = await benchBulk(stack, tenants, { ...opts, vmsEach: vmsPerTenant, web });
  opts.log(
    `  wall ${bulk.wallSeconds.toFixed(1)} s · bound ${bulk.bound.seconds.toFixed(1)} s (${bulk.bound.perSubscription[0]?.binding} binds) · ratio ${bulk.ratio.toFixed(2)} · failed ${bulk.failed} · 429s ${bulk.throttled429} of ${bulk.armRequests} ARM requests`,
  );
  opts.log(`  bound = ${bulk.bound.formula}`);
  for (const f of bulk.failures.slice(0, 5)) opts.log(`  failed: ${f.name}: ${f.code ?? ""} ${f.message ?? ""}`);
  const maxWorker = Math.max(0, ...bulk.workerRssMb.map((w) => w.maxMb));
  opts.log(
    `  peak RSS: workers ${bulk.workerRssMb.map((w) => `${w.maxMb.toFixed(0)} MB`).join(", ")}; web ${bulk.webRssMb === null ? "not run" : `${bulk.webRssMb.toFixed(0)} MB`}`,
  );
  if (bulk.consoleLoads)
    opts.log(`  console pages loaded: ${bulk.consoleLoads.loads} (${bulk.consoleLoads.failures} not answered 200)`);
  const rows: Row[] = [
    { figure: `Bulk ${bulk.vms} VMs: wall time`, value: `${bulk.wallSeconds.toFixed(1)} s`, target: "", pass: null },
    {
      figure: "Bulk: lower bound with the PutVM windows",
      value: `${bulk.bound.seconds.toFixed(1)} s`,
      target: "",
      pass: null,
    },
    { figure: "Bulk: wall ÷ bound", value: bulk.ratio.toFixed(2), target: "≤ 1.15", pass: bulk.ratio <= 1.15 },
    { figure: "Bulk: operations failed", value: String(bulk.failed), target: "0", pass: bulk.failed === 0 },
    {
      figure: "Bulk: 429s ÷ ARM requests",
      value: `${bulk.throttled429} ÷ ${bulk.armRequests} = ${(bulk.throttledShare * 100).toFixed(2)} %`,
      target: "≤ 1 %",
      pass: bulk.throttledShare <= 0.01,
    },
    {
      figure: `Bulk: worker RSS, peak of ${bulk.workerRssMb.length} processes`,
      value: `${maxWorker.toFixed(0)} MB`,
      target: "< 300 MB",
      pass: maxWorker < 300,
    },
    {
      figure: "Bulk: web RSS (bulks through its API, console polled)",
      value: bulk.webRssMb === null ? "not run" : `${bulk.webRssMb.toFixed(0)} MB`,
      target: "< 400 MB",
      pass: bulk.webRssMb === null ? null : bulk.webRssMb < 400,
    },
    ...(bulk.consoleLoads
      ? [
          {
            figure: "Bulk: operations console pages loaded meanwhile (not 200)",
            value: `${bulk.consoleLoads.loads} (${bulk.consoleLoads.failures})`,
            target: "(0)",
            pass: bulk.consoleLoads.loads > 0 && bulk.consoleLoads.failures === 0,
          },
        ]
      : []),
  ];
  return { bulk, rows };
}
