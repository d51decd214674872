/**
 * A throwaway copy of the real stack for the measurement scripts (`npm run bench`, `npm run chaos`):
 * embedded PostgreSQL in `.data/<name>-<random>` on a free port with the migrations applied, the in-repo ARM
 * emulator in this process over HTTPS (Azure's throttling on, modelled durations × time scale), and real worker
 * processes (`worker/main.ts`, pg-boss) started as children, run as the product runs them (the bundle of
 * scripts/lib/worker-bundle.ts with its heap bound). Everything is stopped and removed by `cleanup()`,
 * also on Ctrl-C / SIGTERM and on failure.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { EmulatorControl } from "@/emulator/client";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/postgres.ts";
import { startChild, stopChild, type Child } from "../lib/children.ts";
import { buildWorker, workerArgs, workerEnv as workerProcessEnv } from "../lib/worker-bundle.ts";
import { migrateDeploy } from "../migrate.ts";
import { freePort } from "../lib/ports.ts";

export { freePort };

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type StackOptions = {
  /** Folder prefix under .data/ ("bench" → .data/bench-1a2b3c4d). */
  name: string;
  timeScale: number;
  pageSize: number;
  /** Retry-After on LRO responses (seconds); null = no header. */
  retryAfterSeconds: number | null;
  workerConcurrency: number;
  /** JOBS_POLL_MIN_MS for the workers: the floor of the poll back-off for running ARM operations. */
  pollMinMs: number;
  log: (m: string) => void;
};

export type Stack = {
  dataDir: string;
  databaseUrl: string;
  emulator: RunningEmulator;
  control: EmulatorControl;
  workers: Child[];
  startWorker(): Promise<Child>;
  /** Starts a worker without waiting: `ready` resolves when it has registered its handlers. */
  spawnWorker(): { child: Child; ready: Promise<void> };
  /** Stops another child process (a web) first on cleanup, before the workers. */
  adopt(child: Child): void;
  cleanup(): Promise<void>;
};

/**
 * Starts the stack and sets DATABASE_URL / PORTAL_SECRET_KEY in this process (the product's db client connects lazily,
 * so lib/ modules imported earlier use this database). Installs SIGINT/SIGTERM handlers that clean up and exit.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const dataDir = path.join(repoRoot, ".data", `${opts.name}-${randomBytes(4).toString("hex")}`);
  let pg: RunningPostgres | undefined;
  let emulator: RunningEmulator | undefined;
  const workers: Child[] = [];
  const adopted: Child[] = [];
  let cleaned: Promise<void> | undefined;

  const cleanup = () =>
    (cleaned ??= (async () => {
      for (const c of adopted) await stopChild(c, 5_000).catch(() => {});
      for (const w of workers) await stopChild(w, 5_000).catch(() => {});
      try {
        const { stopBoss } = await import("@/lib/jobs/boss");
        await stopBoss();
      } catch {
        // the queue may never have started
      }
      try {
        const { db } = await import("@/lib/db/client");
        if (process.env.DATABASE_URL) await db.$disconnect();
      } catch {
        // nothing connected
      }
      await emulator?.close().catch(() => {});
      await pg?.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    })());

  let interrupted = false;
  const onSignal = (signal: string) => {
    if (interrupted) return;
    interrupted = true;
    opts.log(`${signal}: stopping workers, emulator and PostgreSQL, removing ${path.relative(repoRoot, dataDir)}…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));

  try {
    pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pg"),
      port: await freePort(),
      database: "portal",
      log: opts.log,
    });
    process.env.DATABASE_URL = pg.url;
    process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    process.env.NEXT_TELEMETRY_DISABLED = "1";
    // The scripts enqueue like the web app does; the poll floor matters only in the workers.
    process.env.JOBS_POLL_MIN_MS = String(opts.pollMinMs);
    await migrateDeploy(pg.url);

    emulator = await startEmulator({
      port: 0,
      dataDir: path.join(dataDir, "emulator"),
      timeScale: opts.timeScale,
      retryAfterSeconds: opts.retryAfterSeconds,
      pageSize: opts.pageSize,
      throttling: true, // Azure's buckets (AZURE-FACTS §3), refilled in real time
      persist: false,
      seed: "demo",
    });
    const control = new EmulatorControl(emulator.url, emulator.caPem, emulator.controlToken);
    await buildWorker(repoRoot);

    const workerEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: pg.url,
      PORTAL_DATA_DIR: dataDir,
      WORKER_CONCURRENCY: String(opts.workerConcurrency),
      JOBS_POLL_MIN_MS: String(opts.pollMinMs),
      // The workers time their first polls by Azure's typical durations on the emulator's clock.
      JOBS_LRO_TIME_SCALE: String(opts.timeScale),
      SYNC_INTERVAL_MINUTES: "0", // no background syncs in the middle of a measurement
      // A line per job run would bury the figures; warnings and errors still show (LOG_LEVEL=info to see them all).
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    };
    let n = 0;
    const spawnWorker = () => {
      const started = startChild({
        name: `worker-${++n}`,
        cwd: repoRoot,
        args: workerArgs(repoRoot, workerEnv),
        env: workerProcessEnv(workerEnv),
        ready: (line) => line.includes('"worker":"ready"'),
      });
      workers.push(started.child);
      return started;
    };
    const startWorker = async () => {
      const { child, ready } = spawnWorker();
      await ready;
      return child;
    };
    const adopt = (child: Child) => void adopted.push(child);
    return { dataDir, databaseUrl: pg.url, emulator, control, workers, startWorker, spawnWorker, adopt, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * A waitForOperations progress callback that logs "  done/total ended after N s" at most every `everyMs`, and when all
 * have ended.
 */
export function logProgress(log: (m: string) => void, startedAt: number, everyMs: number, digits = 1) {
  let last = 0;
  return (done: number, total: number) => {
    if (Date.now() - last > everyMs || done === total) {
      last = Date.now();
      log(`  ${done}/${total} ended after ${((Date.now() - startedAt) / 1000).toFixed(digits)} s`);
    }
  };
}

/** Polls the database until every operation has ended (or the deadline passes); returns the rows. */
export async function waitForOperations(
  ids: string[],
  opts: { timeoutMs: number; onProgress?: (done: number, total: number) => void },
) {
  const { db } = await import("@/lib/db/client");
  const deadline = Date.now() + opts.timeoutMs;
  let lastDone = -1;
  for (;;) {
    const ops = await db.operation.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        kind: true,
        state: true,
        endedAt: true,
        createdAt: true,
        errorCode: true,
        errorMessage: true,
        attempts: true,
        targetName: true,
      },
    });
    const done = ops.filter((o) => ["succeeded", "failed", "cancelled"].includes(o.state)).length;
    if (done !== lastDone) opts.onProgress?.(done, ids.length);
    lastDone = done;
    if (done === ids.length || Date.now() > deadline) return { ops, timedOut: done !== ids.length };
    await sleep(250);
  }
}
