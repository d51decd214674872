/**
 * The scale-out run (issue 19 point 3): 2 web processes behind a round-robin proxy and 3 workers on one PostgreSQL.
 * A tenant owner signs in on one web process and continues on the other; the VMs are submitted as one bulk through
 * the proxy with the REST API (an operator token); then, while they are created, one web process is killed and
 * started again, workers are killed and replaced, PostgreSQL is restarted, and the emulator fails every request
 * for a while (half 503 ServiceUnavailable, half reset connections; wall-clock seconds). Afterwards the database
 * must agree with Azure (scripts/chaos/compare.ts), every operation must have succeeded, and the helpdesk's view
 * of them (GET /api/v1/operations/{id} with a helpdesk token) must show the outage as retried steps.
 */
import { randomBytes } from "node:crypto";
import type { Row } from "../bench/report.ts";
import { bulkLinuxVms, setupTenantSubscriptions } from "../bench/setup.ts";
import { logProgress, sleep, waitForOperations } from "../bench/stack.ts";
import { compareWithAzure } from "../chaos/compare.ts";
import { openPage, signIn } from "./session.ts";
import { startScaleOutStack, type ScaleOutStack } from "./stack.ts";

export type ScaleOutOptions = {
  vms: number;
  /** Emulator clock: 1 = Azure's modelled durations (a VM create takes 60 s). */
  timeScale: number;
  /** Wall-clock seconds the emulator fails every request. */
  outageSeconds: number;
  /** Seconds after the submit between one fault and the next (web kill, worker kill, PostgreSQL restart, outage). */
  stepSeconds: number;
  timeoutSeconds: number;
  /** Faults to leave out, to tell which one a problem comes from: "web", "workers", "postgres", "azure". */
  skip?: string[];
  log: (m: string) => void;
};

export type ScaleOutResult = { rows: Row[]; passed: number; failed: number; seconds: number };

type HelpdeskOperation = { state: string; attempts: number; steps: { name: string; attempt: number; state: string }[] };

export async function runScaleOut(o: ScaleOutOptions): Promise<ScaleOutResult> {
  const started = Date.now();
  const log = o.log;
  const stack = await startScaleOutStack({ timeScale: o.timeScale, webs: 2, workers: 3, log });
  try {
    log(`stack up: web ${stack.webs.map((w) => w.port).join(", ")} behind ${stack.proxy.url}, 3 workers`);
    return await scenario(stack, o, started);
  } finally {
    await stack.cleanup();
  }
}

async function scenario(stack: ScaleOutStack, o: ScaleOutOptions, started: number): Promise<ScaleOutResult> {
  const log = o.log;
  const rows: Row[] = [];
  const row = (figure: string, value: string | number, target: string, pass: boolean | null) =>
    rows.push({ figure, value: String(value), target, pass });
  const web = (i: number) => `http://127.0.0.1:${stack.webs[i].port}`;

  const [t] = await setupTenantSubscriptions(stack, { count: 1, vmsEach: o.vms, label: "Scaleout" });
  const { db } = await import("@/lib/db/client");
  const { hashPassword } = await import("@/lib/crypto/password");
  const { createTenantApiToken, issueApiToken } = await import("@/lib/api-tokens/service");
  const password = `Scale-${randomBytes(6).toString("hex")}-Out!`;
  await db.user.update({ where: { id: t.ctx.user.id }, data: { passwordHash: await hashPassword(password) } });
  const helpdesk = await db.user.create({
    data: {
      email: `helpdesk@${t.ctx.tenantSlug}.test`,
      name: "Helpdesk",
      passwordHash: await hashPassword(password),
      staffRole: "helpdesk",
    },
  });
  const helpdeskToken = (
    await issueApiToken(
      { id: helpdesk.id, email: helpdesk.email },
      { name: "scale-out", scope: "helpdesk", expiresInDays: 1 },
    )
  ).token;
  const tenantToken = (await createTenantApiToken(t.ctx, { name: "scale-out", role: "operator", expiresInDays: 1 }))
    .token;
  const vmsPage = `/tenant/${t.ctx.tenantSlug}/vms`;
  const servesSession = async (base: string, cookie: string) => {
    const page = await openPage(base, cookie, vmsPage).catch(() => null);
    return page?.status === 200 && page.text.includes(t.ctx.tenantName);
  };

  // A browser signs in through web 1 and goes on with the same cookie on web 2 (one AUTH_SECRET, no sticky sessions).
  const cookie = await signIn(web(0), t.ctx.user.email, password);
  const onOther = await servesSession(web(1), cookie);
  row("Signed in on web 1, same session on web 2", onOther ? "yes" : "no", "yes", onOther);

  // Traffic through the proxy during the whole run, as the tenant's pages would poll.
  const traffic = { ok: 0, errors: 0, signedOut: 0, byStatus: new Map<number, number>() };
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const res = await fetch(`${stack.proxy.url}${vmsPage}`, { headers: { cookie }, redirect: "manual" }).catch(
        (e: Error) => ({ status: 0, statusText: e.message }),
      );
      if (res.status === 200) traffic.ok++;
      else {
        traffic.errors++;
        traffic.byStatus.set(res.status, (traffic.byStatus.get(res.status) ?? 0) + 1);
        // A redirect to the sign-in page: the session was dropped (by a database restart, say), not just a failed page.
        if ("headers" in res && /\/login/.test(res.headers.get("location") ?? "")) traffic.signedOut++;
      }
      await sleep(250);
    }
  })();

  const submit = await fetch(`${stack.proxy.url}/api/v1/tenants/${t.ctx.tenantSlug}/vms`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${tenantToken}`,
      "Content-Type": "application/json",
      "Idempotency-Key": `scale-out-${randomBytes(4).toString("hex")}`,
    },
    body: JSON.stringify(bulkLinuxVms(t.tenantSubscriptionId, "so", o.vms)),
  });
  const submitted = submit.status === 202 ? ((await submit.json()) as { operations: { id: string }[] }).operations : [];
  const ids = submitted.map((op) => op.id);
  row(
    "Bulk submit through the proxy (REST API)",
    `${submit.status}, ${ids.length} operations`,
    `202, ${o.vms}`,
    ids.length === o.vms,
  );
  const t0 = Date.now();
  log(`submitted ${ids.length} vm.create operations`);
  const at = (step: number) => sleep(Math.max(0, t0 + step * o.stepSeconds * 1000 - Date.now()));
  const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const skip = new Set(o.skip ?? []);
  const killWorker = async () => {
    if (skip.has("workers")) return;
    const w = stack.workers.find((c) => c.proc.exitCode === null && c.proc.signalCode === null)!;
    void stack.spawnWorker().ready.catch(() => {}); // the replacement starts at once, as an orchestrator's would
    w.proc.kill("SIGKILL");
    await w.exited;
    log(`${since()}: killed ${w.name}`);
  };

  // Azure is unreachable from the submit on, so the creates' first requests fail: every ARM and token request, half
  // with 503 ServiceUnavailable, half with a reset connection. Meanwhile the portal's own processes fail (below).
  const outage = (async () => {
    const running = await db.operation.count({ where: { id: { in: ids }, state: { in: ["queued", "running"] } } });
    if (skip.has("azure")) return { running, fired: [0, 0] };
    await stack.control.addFault({
      path: ".",
      rate: 0.5,
      status: 503,
      code: "ServiceUnavailable",
      message: "The service is unavailable (scale-out outage).",
    });
    await stack.control.addFault({ path: ".", dropConnection: true });
    log(`${since()}: Azure outage for ${o.outageSeconds} s (${running} operations not ended yet)`);
    await sleep(o.outageSeconds * 1000);
    // An outage no request met proves nothing (on a busy machine the workers may not have picked the jobs up yet):
    // it lasts until a request has met each fault, for at most a minute more.
    const fired = async () => (await stack.control.listFaults()).value.map((f) => f.fired);
    const longest = Date.now() + 60_000;
    let counts = await fired();
    while ((counts[0] === 0 || counts[1] === 0) && Date.now() < longest) {
      await sleep(500);
      counts = await fired();
    }
    await stack.control.clearFaults();
    log(`${since()}: outage over (${counts[0]} × 503, ${counts[1]} resets)`);
    return { running, fired: counts };
  })();

  // A web process dies: the proxy routes around it; it is started again and serves the same session.
  const webKill = (async () => {
    await at(1);
    if (skip.has("web")) return { during: [200], back: true };
    const victim = stack.webs[0].child!;
    victim.proc.kill("SIGKILL");
    await victim.exited;
    const during = await Promise.all(
      Array.from({ length: 4 }, () =>
        fetch(`${stack.proxy.url}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );
    log(`${since()}: killed web 1; health through the proxy meanwhile: ${during.join(", ")}`);
    const restartStarted = Date.now();
    await stack.startWeb(0);
    // PostgreSQL may be restarting right now (the faults overlap on a slow machine): its pages answer 500 meanwhile.
    const deadline = Date.now() + 30_000;
    let back = await servesSession(web(0), cookie);
    while (!back && Date.now() < deadline) {
      await sleep(250);
      back = await servesSession(web(0), cookie);
    }
    log(`${since()}: web 1 started again in ${((Date.now() - restartStarted) / 1000).toFixed(1)} s`);
    return { during, back };
  })();

  // Workers die, and PostgreSQL restarts (fast shutdown, start): web and workers reconnect by themselves.
  const backEnd = (async () => {
    await at(2);
    await killWorker();
    await at(3);
    const pgStarted = Date.now();
    if (!skip.has("postgres")) await stack.pg.restart();
    const pgDown = (Date.now() - pgStarted) / 1000;
    let reconnected = false;
    const reconnectDeadline = Date.now() + 30_000;
    while (!reconnected && Date.now() < reconnectDeadline) {
      reconnected = (await servesSession(web(1), cookie)) && (await servesSession(stack.proxy.url, cookie));
      if (!reconnected) await sleep(250);
    }
    const reconnectS = (Date.now() - pgStarted) / 1000;
    log(
      `${since()}: PostgreSQL restarted (${pgDown.toFixed(1)} s); the webs serve again after ${reconnectS.toFixed(1)} s`,
    );
    await at(4);
    await killWorker();
    return { reconnected, reconnectS };
  })();

  const [{ running, fired }, { during, back }, { reconnected, reconnectS }] = await Promise.all([
    outage,
    webKill,
    backEnd,
  ]);
  row(
    "Web 1 killed: a web process answers through the proxy",
    during.join(" "),
    "no 502",
    during.every((s) => s !== 502 && s !== 0),
  );
  row("Web 1 restarted, serves the session", back ? "yes" : "no", "yes", back);
  row("Workers killed (SIGKILL) and replaced", 2, "2", null);
  row(
    "PostgreSQL restarted: webs serve again",
    reconnected ? `${reconnectS.toFixed(1)} s` : "no",
    "≤ 30 s",
    reconnected,
  );
  row("Operations not ended when the outage began", running, "> 0", running > 0);
  row(
    `Azure outage (≥ ${o.outageSeconds} s wall clock, until met): requests failed`,
    `${fired[0]} × 503, ${fired[1]} resets`,
    "> 0 each",
    fired[0] > 0 && fired[1] > 0,
  );
  const { timedOut } = await waitForOperations(ids, {
    timeoutMs: o.timeoutSeconds * 1000,
    onProgress: logProgress(log, t0, 10_000),
  });
  const endedAfter = (Date.now() - t0) / 1000;
  polling = false;
  await poller;
  await sleep(Math.max(1000, 60_000 * o.timeScale)); // anything still in flight in Azure settles
  const c = await compareWithAzure(stack.control, t, ids);
  for (const x of [...c.lost, ...c.duplicated, ...c.orphaned, ...c.unfinished]) log(`  ${x}`);
  for (const x of c.failed.slice(0, 5)) log(`  failed: ${x.name}: ${x.reason}`);
  row(
    "VMs lost / duplicated / orphaned",
    `${c.lost.length} / ${c.duplicated.length} / ${c.orphaned.length}`,
    "0 / 0 / 0",
    !c.lost.length && !c.duplicated.length && !c.orphaned.length,
  );
  const succeeded = c.operationsByState.succeeded ?? 0;
  row("Operations succeeded", `${succeeded} of ${ids.length}`, `${o.vms}`, succeeded === o.vms && ids.length === o.vms);
  row("Operations unfinished", c.unfinished.length, "0", c.unfinished.length === 0 && !timedOut);
  row("Time from submit to the last operation's end", `${endedAfter.toFixed(1)} s`, "(report)", null);

  // The helpdesk's view: every operation succeeded; the outage shows as steps that took more than one attempt.
  const views = await Promise.all(
    ids.map(async (id) => {
      const res = await fetch(`${stack.proxy.url}/api/v1/operations/${id}`, {
        headers: { Authorization: `Bearer ${helpdeskToken}` },
      });
      return res.status === 200 ? ((await res.json()) as HelpdeskOperation) : null;
    }),
  );
  const seen = views.filter((v): v is HelpdeskOperation => v !== null);
  const retried = seen.filter((v) => v.steps.some((s) => s.attempt > 1));
  const failedInView = seen.filter((v) => v.state !== "succeeded").length;
  row(
    "Helpdesk: operations shown, failed",
    `${seen.length}, ${failedInView}`,
    `${ids.length}, 0`,
    seen.length === ids.length && failedInView === 0,
  );
  row("Helpdesk: operations with retried steps (attempt > 1)", retried.length, "≥ 1", retried.length > 0);
  // The same in the helpdesk console a person reads: the operation's page marks the retried step "attempt N".
  const retriedId = ids[views.findIndex((v) => v !== null && v.steps.some((s) => s.attempt > 1))];
  let consolePage = "not opened";
  let consoleShows = false;
  if (retriedId) {
    const staffCookie = await signIn(stack.proxy.url, helpdesk.email, password).catch(() => "");
    const page = staffCookie
      ? await openPage(stack.proxy.url, staffCookie, `/helpdesk/operations/${retriedId}`).catch(() => null)
      : null;
    const attempt = /attempt (?:<!-- -->)?(\d+)/.exec(page?.text ?? "");
    consoleShows = page?.status === 200 && !!attempt && page.text.includes("Succeeded");
    consolePage = page ? `${page.status}, ${attempt ? `"attempt ${attempt[1]}"` : "no attempt mark"}` : "no session";
  }
  row("Helpdesk console: a retried operation's page", consolePage, '200, "attempt N", Succeeded', consoleShows);
  const attempts = seen.flatMap((v) => v.steps.map((s) => s.attempt));
  row("Most attempts of one step", Math.max(0, ...attempts), "(report)", null);

  const health = await Promise.all(
    [0, 1].map((i) =>
      fetch(`${web(i)}/api/health`, { headers: { Authorization: `Bearer ${stack.healthToken}` } }).then(
        async (r) => ({
          status: r.status,
          body: (await r.json()) as { database?: { ok: boolean }; worker?: { ok: boolean } },
        }),
        () => ({ status: 0, body: {} as { database?: { ok: boolean }; worker?: { ok: boolean } } }),
      ),
    ),
  );
  const healthy = health.every((h) => h.status === 200 && h.body.database?.ok && h.body.worker?.ok);
  row(
    "Health on both webs afterwards (database, workers)",
    health.map((h) => h.status).join(" "),
    "200 200, ok",
    healthy,
  );
  row(
    "Proxy: requests rerouted / unanswered",
    `${stack.proxy.stats.rerouted} / ${stack.proxy.stats.failed}`,
    "(report)",
    null,
  );
  const statuses = [...traffic.byStatus].map(([status, n]) => `${status || "no answer"} ×${n}`).join(", ");
  row(
    "Tenant page polls through the proxy: ok / errors",
    `${traffic.ok} / ${traffic.errors}${statuses ? ` (${statuses})` : ""}`,
    "(report)",
    null,
  );
  row("Tenant page polls sent to sign in again", traffic.signedOut, "0", traffic.signedOut === 0);

  const passed = rows.filter((r) => r.pass === true).length;
  const failed = rows.filter((r) => r.pass === false).length;
  return { rows, passed, failed, seconds: (Date.now() - started) / 1000 };
}
