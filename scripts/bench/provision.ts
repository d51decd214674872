/**
 * Figure 1: provision N VMs across the tenant subscriptions through `createVms` (bulk, one submit per tenant
 * subscription), served by the real worker processes against the throttled emulator.
 */
import { db } from "@/lib/db/client";
import { createVms } from "@/lib/vms/create-vms";
import type { CreateVmInput } from "@/lib/vms/schema";
import { DURATIONS } from "@/emulator/providers/compute/constants";
import { DEFAULT_LIMITS } from "@/emulator/core/throttling";
import { COMPUTE_POLICIES } from "@/emulator/providers/compute/throttle";
import { breakdown, isArm, RequestRecorder, subscriptionOf, type LoggedRequest } from "./requests.ts";
import { bulkLinuxVms, type TenantSetup } from "./setup.ts";
import { logProgress, waitForOperations, type Stack } from "./stack.ts";
import { kinds } from "@/lib/operations/kinds";
import { vmPhases, type Phase, type VmTimes } from "./timeline.ts";

/**
 * Modelled durations (seconds) of the LROs in a VM create, as the emulator models them: Microsoft.Network PUTs in
 * emulator/providers/network/{vnets,public-ips,nics}.ts (PUT_SECONDS 3, 3, 2) and the VM create in
 * emulator/providers/compute/constants.ts (DURATIONS.create).
 */
export const MODELLED_SECONDS = { vnet: 3, publicIp: 3, nic: 2, vm: DURATIONS.create };

export type LowerBound = {
  seconds: number;
  chainSeconds: number;
  throttleSeconds: number;
  perSubscription: { writes: number; statusReads: number; putVm: number }[];
  formula: string;
};

/**
 * The fastest the emulator allows a correct client (one that uses a resource only once Azure reports its PUT
 * Succeeded — the VM, whose one PUT creates its NIC and public IP (issue 18), needs its subnet), whatever else the
 * portal does:
 *
 *   chain    = (vnet + vm) × timeScale
 *              — every VM of a subscription needs its vnet (the resource group exists: it was created when the tenant
 *                subscribed); the NIC and public IP are created inside the VM's PUT.
 *   throttle = max over subscriptions and ARM buckets b of  max(0, needed_b − capacity_b) ÷ refill_b
 *              — the fewest requests per subscription for V VMs: one PUT and one status read per LRO, no final GET:
 *                  writes = 1 (vnet) + V,  reads = 1 + V
 *                and Compute's PutVM windows (V ≤ 240 per 3 min per subscription). Buckets refill in real time.
 *   bound    = max(chain, throttle)
 * The submit (the web tier writing 50 VMs and their jobs in one transaction) is not in the bound but is in the wall time.
 */
export function lowerBound(vmsPerSubscription: number[], timeScale: number): LowerBound {
  const chainSeconds = (MODELLED_SECONDS.vnet + MODELLED_SECONDS.vm) * timeScale;
  const over = (needed: number, b: { capacity: number; refillPerSecond: number }) =>
    Math.max(0, needed - b.capacity) / b.refillPerSecond;
  const perSubscription = vmsPerSubscription.map((v) => ({ writes: 1 + v, statusReads: 1 + v, putVm: v }));
  const throttleSeconds = Math.max(
    0,
    ...perSubscription.map((n) =>
      Math.max(
        over(n.writes, DEFAULT_LIMITS.writes),
        over(n.statusReads, DEFAULT_LIMITS.reads),
        ...COMPUTE_POLICIES.putVm.map((p) => over(n.putVm, p)),
      ),
    ),
  );
  const m = MODELLED_SECONDS;
  return {
    seconds: Math.max(chainSeconds, throttleSeconds),
    chainSeconds,
    throttleSeconds,
    perSubscription,
    formula:
      `max((vnet ${m.vnet} s + VM ${m.vm} s, its NIC and public IP inside its PUT) × timeScale ${timeScale}, ` +
      "max over subscriptions·buckets of max(0, needed − capacity) ÷ refill, with writes = reads = 1 + VMs per subscription)",
  };
}

type Submit = { tenant: number; attempt: number; count: number; seconds: number; ok: boolean; error?: string };

export type ProvisionResult = {
  vms: number;
  submits: Submit[];
  wallSeconds: number;
  submitSeconds: number;
  bound: LowerBound;
  ratio: number;
  throttled429: number;
  failed: { name: string; code: string | null; message: string | null }[];
  unfinished: number;
  armRequests: number;
  armPerVm: number;
  tokens: number;
  counters: Awaited<ReturnType<Stack["control"]["counters"]>>;
  breakdown: [string, number][];
  perSubscription: { subscription: string; armRequests: number; throttled: number }[];
  jobRuns: { attemptsTotal: number; pgBossJobs: number | null; perVm: number | null };
  timeline: Awaited<ReturnType<typeof stepTimeline>>;
  /** Seconds per phase of each VM's path (scripts/bench/timeline.ts): median, p95, the VM that ended last. */
  phases: Phase[];
  pollsPerVm: number;
};

export async function benchProvision(
  stack: Stack,
  tenants: TenantSetup[],
  opts: {
    vmsEach: number;
    timeScale: number;
    timeoutMs: number;
    log: (m: string) => void;
    /** How a bulk is submitted: the service the page's action calls (default), or the REST API (`--via api`). */
    create?: (t: TenantSetup, input: CreateVmInput) => Promise<{ operationId: string }[]>;
  },
): Promise<ProvisionResult> {
  const { control } = stack;
  await control.resetCounters();
  const recorder = new RequestRecorder(control);
  await recorder.start();

  // The tenants submit at the same moment, as four users would. A bulk submit is one transaction, so a failed one
  // leaves nothing behind: it is reported and sent again (up to 3 attempts in all, one tenant at a time), as the user
  // would click again. If a tenant's 50 still fail, its VMs go in as 2 × 25 and the result says so.
  const submits: Submit[] = [];
  let firstOk: number | undefined;
  const submitOne = async (t: TenantSetup, attempt: number, prefix: string, count: number) => {
    const s0 = Date.now();
    try {
      const input = bulkLinuxVms(t.tenantSubscriptionId, prefix, count);
      const created = await (opts.create ? opts.create(t, input) : createVms(t.ctx, input));
      firstOk = Math.min(firstOk ?? s0, s0);
      submits.push({ tenant: t.index + 1, attempt, count, seconds: (Date.now() - s0) / 1000, ok: true });
      return created;
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-1)[0] : String(error);
      submits.push({
        tenant: t.index + 1,
        attempt,
        count,
        seconds: (Date.now() - s0) / 1000,
        ok: false,
        error: message,
      });
      opts.log(
        `  submit of ${count} for tenant ${t.index + 1} (attempt ${attempt}) failed after ${((Date.now() - s0) / 1000).toFixed(2)} s: ${message}`,
      );
      return null;
    }
  };
  const t0 = Date.now();
  const first = await Promise.all(tenants.map((t) => submitOne(t, 1, `bench${t.index + 1}`, opts.vmsEach)));
  const created = [];
  for (const [i, c] of first.entries()) {
    const t = tenants[i];
    let ok =
      c ??
      (await submitOne(t, 2, `bench${t.index + 1}`, opts.vmsEach)) ??
      (await submitOne(t, 3, `bench${t.index + 1}`, opts.vmsEach));
    if (!ok && opts.vmsEach > 1) {
      const half = Math.ceil(opts.vmsEach / 2);
      const a = await submitOne(t, 4, `bench${t.index + 1}a`, half);
      const b = a && (await submitOne(t, 5, `bench${t.index + 1}b`, opts.vmsEach - half));
      ok = a && b ? [...a, ...b] : null;
    }
    if (!ok) throw new Error(`the VMs of tenant ${t.index + 1} could not be submitted; see above`);
    created.push(ok);
  }
  const submitSeconds = (Date.now() - t0) / 1000;
  for (const s of submits)
    opts.log(
      `  submit tenant ${s.tenant} attempt ${s.attempt} (${s.count} VMs): ${s.ok ? "ok" : "FAILED"} in ${s.seconds.toFixed(2)} s`,
    );
  const ids = created.flatMap((c) => c.map((x) => x.operationId));
  opts.log(`submitted ${ids.length} vm.create operations in ${submitSeconds.toFixed(2)} s; waiting for the workers…`);
  const { ops, timedOut } = await waitForOperations(ids, {
    timeoutMs: opts.timeoutMs,
    onProgress: logProgress(opts.log, t0, 5_000),
  });
  const lastEnd = Math.max(...ops.filter((o) => o.endedAt).map((o) => o.endedAt!.getTime()));
  const entries = await recorder.stop();
  const counters = await control.counters();

  const arm = entries.filter(isArm);
  const armFromCounters = counters.reads + counters.writes + counters.deletes + counters.actions + counters.polls;
  // From the start of the first submit that went in (failed submits leave nothing behind; they are reported apart).
  const wallSeconds = (lastEnd - (firstOk ?? t0)) / 1000;
  const bound = lowerBound(
    tenants.map(() => opts.vmsEach),
    opts.timeScale,
  );
  const bySub = new Map<string, LoggedRequest[]>();
  for (const e of arm) {
    const s = subscriptionOf(e) ?? "?";
    bySub.set(s, [...(bySub.get(s) ?? []), e]);
  }
  const attempts = await db.operation.aggregate({ where: { id: { in: ids } }, _sum: { attempts: true } });
  const timeline = await stepTimeline(ids, firstOk ?? t0);
  const phases = vmPhases(await vmTimes(ids, entries), DURATIONS.create * 1000 * opts.timeScale);
  opts.log("  each VM's path (s; median / p95 / the VM that ended last):");
  const f = (n: number | null) => (n === null || Number.isNaN(n) ? "?" : n.toFixed(2));
  for (const p of phases) opts.log(`    ${p.name.padEnd(40)} ${f(p.median)} / ${f(p.p95)} / ${f(p.last)}`);
  // Every poll of a running ARM operation is a new pg-boss job: the queue's work per VM.
  const jobs = await db
    .$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from pgboss.job where name = $1`, kinds.vm.create)
    .then((r) => r[0]?.n ?? null)
    .catch(() => null);
  return {
    vms: ids.length,
    submits,
    wallSeconds,
    submitSeconds,
    bound,
    ratio: wallSeconds / bound.seconds,
    throttled429: counters.throttled429,
    failed: ops
      .filter((o) => o.state !== "succeeded" && o.endedAt)
      .map((o) => ({ name: o.targetName, code: o.errorCode, message: o.errorMessage })),
    unfinished: timedOut ? ops.filter((o) => !o.endedAt).length : 0,
    armRequests: armFromCounters,
    armPerVm: armFromCounters / ids.length,
    tokens: counters.tokens,
    counters,
    breakdown: breakdown(entries),
    perSubscription: tenants.map((t) => {
      const list = bySub.get(t.armSubscriptionId.toLowerCase()) ?? [];
      return {
        subscription: t.armSubscriptionId,
        armRequests: list.length,
        throttled: list.filter((e) => e.status === 429).length,
      };
    }),
    jobRuns: {
      attemptsTotal: attempts._sum.attempts ?? 0,
      pgBossJobs: jobs,
      perVm: jobs === null ? null : jobs / ids.length,
    },
    timeline,
    phases,
    pollsPerVm: counters.polls / ids.length,
  };
}

/** Each VM's moments: the operation's own records, and its first accepted VM PUT in the emulator's log. */
async function vmTimes(ids: string[], entries: LoggedRequest[]): Promise<VmTimes[]> {
  const puts = new Map<string, LoggedRequest>();
  for (const e of entries) {
    const name = /\/virtualMachines\/([^/]+)$/i.exec(e.path)?.[1]?.toLowerCase();
    if (e.method === "PUT" && name && e.status < 300 && !puts.has(name)) puts.set(name, e);
  }
  const ops = await db.operation.findMany({
    where: { id: { in: ids } },
    select: {
      targetName: true,
      createdAt: true,
      startedAt: true,
      endedAt: true,
      steps: { where: { name: { in: ["Create VM", "Wait for provisioning"] } }, select: { name: true, endedAt: true } },
    },
  });
  const ms = (d: Date | null | undefined) => d?.getTime() ?? null;
  const iso = (s: string | undefined) => (s ? Date.parse(s) : null);
  return ops.map((o) => {
    const put = puts.get(o.targetName.toLowerCase());
    const step = (name: string) => ms(o.steps.find((s) => s.name === name)?.endedAt);
    return {
      name: o.targetName,
      submittedAt: o.createdAt.getTime(),
      startedAt: ms(o.startedAt),
      putSentAt: iso(put?.time),
      putAcceptedAt: iso(put?.acceptedAt),
      answerStoredAt: step("Create VM"),
      doneSeenAt: step("Wait for provisioning"),
      endedAt: ms(o.endedAt),
    };
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : 0;
};

/**
 * Where the time went, from the operations' own step records: for each step, when it started and ended (seconds after
 * the first submit; median and max) and how many steps needed more than one attempt.
 */
async function stepTimeline(ids: string[], t0: number) {
  const ops = await db.operation.findMany({
    where: { id: { in: ids } },
    select: { startedAt: true, endedAt: true, attempts: true },
  });
  const steps = await db.operationStep.findMany({
    where: { operationId: { in: ids } },
    select: { name: true, position: true, attempt: true, startedAt: true, endedAt: true },
  });
  const at = (d: Date | null) => (d ? (d.getTime() - t0) / 1000 : NaN);
  const byName = new Map<
    string,
    { position: number; start: number[]; end: number[]; took: number[]; retried: number }
  >();
  for (const s of steps) {
    const e = byName.get(s.name) ?? { position: s.position, start: [], end: [], took: [], retried: 0 };
    if (s.startedAt) e.start.push(at(s.startedAt));
    if (s.endedAt) e.end.push(at(s.endedAt));
    if (s.startedAt && s.endedAt) e.took.push((s.endedAt.getTime() - s.startedAt.getTime()) / 1000);
    if (s.attempt > 1) e.retried++;
    byName.set(s.name, e);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    operationStart: {
      median: round(
        pct(
          ops.map((o) => at(o.startedAt)),
          0.5,
        ),
      ),
      max: round(
        pct(
          ops.map((o) => at(o.startedAt)),
          1,
        ),
      ),
    },
    operationEnd: {
      median: round(
        pct(
          ops.map((o) => at(o.endedAt)),
          0.5,
        ),
      ),
      max: round(
        pct(
          ops.map((o) => at(o.endedAt)),
          1,
        ),
      ),
    },
    attempts: {
      median: pct(
        ops.map((o) => o.attempts),
        0.5,
      ),
      max: pct(
        ops.map((o) => o.attempts),
        1,
      ),
    },
    steps: [...byName]
      .sort((a, b) => a[1].position - b[1].position)
      .map(([name, e]) => ({
        name,
        startMedian: round(pct(e.start, 0.5)),
        startMax: round(pct(e.start, 1)),
        endMedian: round(pct(e.end, 0.5)),
        endMax: round(pct(e.end, 1)),
        tookMedian: round(pct(e.took, 0.5)),
        tookMax: round(pct(e.took, 1)),
        retried: e.retried,
      })),
  };
}
