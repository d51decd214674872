/**
 * The scale-out run's stack: one embedded PostgreSQL (restartable), the ARM emulator in this process, N `next start`
 * web processes sharing one AUTH_SECRET behind a round-robin proxy, and M worker processes — all on free ports under
 * `.data/scaleout-<random>`, removed by `cleanup()` (also on Ctrl-C).
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { EmulatorControl } from "@/emulator/client";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { nextCli, startChild, stopChild, tsArgs, type Child } from "../lib/children.ts";
import { freePort } from "../lib/ports.ts";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/postgres.ts";
import { startRoundRobinProxy, type RoundRobinProxy } from "../lib/round-robin-proxy.ts";
import { repoRoot } from "../lib/stack.ts";
import { migrateDeploy } from "../migrate.ts";

export type WebSlot = { port: number; child: Child | null };

export type ScaleOutStack = {
  dataDir: string;
  pg: RunningPostgres;
  emulator: RunningEmulator;
  control: EmulatorControl;
  proxy: RoundRobinProxy;
  webs: WebSlot[];
  workers: Child[];
  healthToken: string;
  /** Starts (or starts again) web process `i` on its port; resolves once it is ready. */
  startWeb(i: number): Promise<void>;
  spawnWorker(): { child: Child; ready: Promise<void> };
  cleanup(): Promise<void>;
};

export async function startScaleOutStack(opts: {
  timeScale: number;
  webs: number;
  workers: number;
  log: (m: string) => void;
}): Promise<ScaleOutStack> {
  const dataDir = path.join(repoRoot, ".data", `scaleout-${randomBytes(4).toString("hex")}`);
  const children: Child[] = [];
  let pg: RunningPostgres | undefined;
  let emulator: RunningEmulator | undefined;
  let proxy: RoundRobinProxy | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await proxy?.close().catch(() => {});
      await Promise.all(children.map((c) => stopChild(c, 5_000).catch(() => {})));
      try {
        const { db } = await import("@/lib/db/client");
        await db.$disconnect();
      } catch {
        // never connected
      }
      await emulator?.close().catch(() => {});
      await pg?.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    })());
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await freePort(), database: "portal" });
    await migrateDeploy(pg.url);
    const healthToken = randomBytes(16).toString("hex");
    // This process enqueues nothing itself but reads the database (setup, checks) like the web tier does.
    Object.assign(process.env, {
      DATABASE_URL: pg.url,
      PORTAL_SECRET_KEY: process.env.PORTAL_SECRET_KEY ?? randomBytes(32).toString("base64"),
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
    });
    emulator = await startEmulator({
      port: 0,
      dataDir: path.join(dataDir, "emulator"),
      timeScale: opts.timeScale,
      retryAfterSeconds: 1,
      pageSize: 100,
      throttling: true,
      persist: false,
      seed: "demo",
    });
    const control = new EmulatorControl(emulator.url, emulator.caPem, emulator.controlToken);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORTAL_DATA_DIR: dataDir,
      PORTAL_DEMO: "0",
      PORTAL_REQUIRE_MFA_STAFF: "0",
      PORTAL_HEALTH_TOKEN: healthToken,
      // One proxy appends the client's address; the web process trusts exactly that hop.
      PORTAL_TRUSTED_PROXIES: "1",
      JOBS_LRO_TIME_SCALE: String(opts.timeScale),
      JOBS_POLL_MIN_MS: String(Math.max(20, Math.round(2000 * opts.timeScale))),
      SYNC_INTERVAL_MINUTES: "0",
      DR_REFRESH_MINUTES: "0",
    };

    const webs: WebSlot[] = [];
    for (let i = 0; i < opts.webs; i++) webs.push({ port: await freePort(), child: null });
    const startWeb = async (i: number) => {
      const { child, ready } = startChild({
        name: `web-${i + 1}`,
        cwd: repoRoot,
        args: [
          "--import",
          path.join(repoRoot, "scripts/lib/forwarded-for.mjs"),
          nextCli,
          "start",
          "-H",
          "127.0.0.1",
          "-p",
          String(webs[i].port),
        ],
        env: { ...env, NODE_ENV: "production", PORT: String(webs[i].port) },
        ready: (l) => /Ready in|✓ Ready/.test(l),
        quiet: (l) => /^\s*$|▲ Next\.js|- Local:|- Network:|Starting\.\.\./.test(l),
      });
      children.push(child);
      webs[i].child = child;
      await ready;
      // Ready means listening; a missing or half-written .next build shows only on the first request.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const status = await fetch(`http://127.0.0.1:${webs[i].port}/api/health`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) break;
        if (child.proc.exitCode !== null || Date.now() > deadline)
          throw new Error(`web-${i + 1} does not answer /api/health (${status}): is the .next build complete?`);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    let n = 0;
    const workers: Child[] = [];
    const spawnWorker = () => {
      const started = startChild({
        name: `worker-${++n}`,
        cwd: repoRoot,
        args: tsArgs("worker/main.ts"),
        env,
        ready: (line) => line.includes('"worker":"ready"'),
      });
      children.push(started.child);
      workers.push(started.child);
      return started;
    };
    await Promise.all([
      ...webs.map((_, i) => startWeb(i)),
      ...Array.from({ length: opts.workers }, () => spawnWorker().ready),
    ]);
    proxy = await startRoundRobinProxy(webs.map((w) => ({ host: "127.0.0.1", port: w.port })));
    return {
      dataDir,
      pg,
      emulator,
      control,
      proxy,
      webs,
      workers,
      healthToken,
      startWeb,
      spawnWorker,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
