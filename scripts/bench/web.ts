/**
 * The web side of `--only bulk2000` (issue 18, web RSS): a production `next start` on the bench's stack, the bulks sent
 * to it through the REST API (`POST /api/v1/tenants/{tenant}/vms`, an operator token per tenant), each tenant's
 * automation following its operations (`GET …/operations`), and a helpdesk agent signed in to the operations console
 * reloading it now and then, so the web process's memory is sampled under the load a provider's bulk brings.
 */
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { isBuildStale, markBuiltAsOf } from "../lib/build.ts";
import { nextCli, startChild, type Child } from "../lib/children.ts";
import { webNodeFlags } from "../lib/web-heap.ts";
import { openPage, signIn } from "../scaleout/session.ts";
import { bulkLinuxVms, type TenantSetup } from "./setup.ts";
import { freePort, repoRoot, sleep, type Stack } from "./stack.ts";

export type BenchWeb = { url: string; child: Child; pid: number };

/**
 * Builds the app when the build is missing or older than the sources (as `npm start` does; `build: false` uses the
 * one there is, for a checkout others are editing), then starts it.
 */
export async function startBenchWeb(
  stack: Pick<Stack, "dataDir" | "adopt">,
  opts: { build: boolean; log: (m: string) => void },
) {
  const { log } = opts;
  if (opts.build ? isBuildStale(repoRoot) : !existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) {
    log("web: building the app (missing or older than the sources)…");
    const startedAt = new Date();
    const build = spawnSync(process.execPath, [nextCli, "build"], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("next build failed");
    markBuiltAsOf(repoRoot, startedAt);
  }
  const port = await freePort();
  const { child, ready } = startChild({
    name: "web",
    cwd: repoRoot,
    args: [
      ...webNodeFlags(),
      "--import",
      path.join(repoRoot, "scripts/lib/forwarded-for.mjs"),
      nextCli,
      "start",
      "-H",
      "127.0.0.1",
    ],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      PORTAL_DATA_DIR: stack.dataDir,
      PORTAL_DEMO: "0",
      PORTAL_REQUIRE_MFA_STAFF: "0",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
    ready: (l) => /Ready in|✓ Ready/.test(l),
    quiet: (l) => /^\s*$|▲ Next\.js|- Local:|- Network:|Starting\.\.\./.test(l),
  });
  stack.adopt(child);
  await ready;
  const url = `http://127.0.0.1:${port}`;
  // Listening is not serving: a half-written build shows only on the first request.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200 || status === 503) break;
    if (child.proc.exitCode !== null || Date.now() > deadline)
      throw new Error(`the web process does not answer /api/health (${status}): is the .next build complete?`);
    await sleep(250);
  }
  return { url, child, pid: child.proc.pid! } satisfies BenchWeb;
}

/**
 * The bulks through the API: one operator token per tenant, each bulk sent again (up to 3 attempts) when it fails —
 * a failed POST wrote nothing (one transaction) — as `submitBulk` does for the service.
 */
export async function apiBulks(web: BenchWeb, tenants: TenantSetup[]) {
  const { createTenantApiToken } = await import("@/lib/api-tokens/service");
  const tokens = new Map<number, string>();
  for (const t of tenants)
    tokens.set(
      t.index,
      (await createTenantApiToken(t.ctx, { name: "bench", role: "operator", expiresInDays: 1 })).token,
    );
  const headers = (t: TenantSetup) => ({ Authorization: `Bearer ${tokens.get(t.index)}` });
  return {
    async submit(t: TenantSetup, prefix: string, count: number, log: (m: string) => void) {
      for (let attempt = 1; ; attempt++) {
        const res = await fetch(`${web.url}/api/v1/tenants/${t.ctx.tenantSlug}/vms`, {
          method: "POST",
          headers: { ...headers(t), "Content-Type": "application/json" },
          body: JSON.stringify(bulkLinuxVms(t.tenantSubscriptionId, prefix, count)),
        }).catch((e: Error) => ({ status: 0, text: async () => e.message, json: async () => null }));
        if (res.status === 202) {
          const body = (await res.json()) as { operations: { id: string }[] };
          return body.operations.map((o) => ({ operationId: o.id }));
        }
        const message = `POST /vms ${count} VMs for ${t.ctx.tenantSlug}: ${res.status} ${(await res.text()).slice(0, 300)}`;
        if (attempt >= 3) throw new Error(message);
        log(`  ${message}; sending it again`);
      }
    },
    /** One look by each tenant's automation at its newest operations, as a script following its bulk polls. */
    async follow() {
      await Promise.all(
        tenants.map((t) =>
          fetch(`${web.url}/api/v1/tenants/${t.ctx.tenantSlug}/operations?top=50`, { headers: headers(t) })
            .then((r) => r.arrayBuffer())
            .catch(() => {}),
        ),
      );
    },
  };
}

/** A helpdesk agent signed in to the web (a real password, the credentials sign-in), for the console's pages. */
export async function helpdeskAgent(web: BenchWeb) {
  const { db } = await import("@/lib/db/client");
  const { hashPassword } = await import("@/lib/crypto/password");
  const password = `Bench-${randomBytes(6).toString("hex")}-Desk!`;
  const agent = await db.user.create({
    data: {
      email: `helpdesk-${randomBytes(3).toString("hex")}@bench.test`,
      name: "Bench helpdesk",
      passwordHash: await hashPassword(password),
      staffRole: "helpdesk",
    },
  });
  const cookie = await signIn(web.url, agent.email, password);
  const pages = ["/helpdesk/operations", "/helpdesk/operations?state=running", "/helpdesk/operations?q=b1x"];
  let loads = 0;
  let failures = 0;
  return {
    /** The console's first page, its running filter and a name search, as an agent watching a bulk would open them. */
    async look() {
      for (const page of pages) {
        const res = await openPage(web.url, cookie, page).catch(() => null);
        loads++;
        if (res?.status !== 200) failures++;
      }
    },
    counts: () => ({ loads, failures }),
  };
}

/** Runs `fn` every `everyMs` until stopped (never two at once); `stop` waits for the one under way. */
export function every(everyMs: number, fn: () => Promise<void>) {
  let running = true;
  const loop = (async () => {
    while (running) {
      await fn().catch(() => {});
      for (let waited = 0; running && waited < everyMs; waited += 250) await sleep(250);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}
