import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, chmodSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { initialiseDataDirectory, postgresBinaries, postgresUser } from "./postgres-binaries.ts";

export type RunningPostgres = {
  url: string;
  stop: () => Promise<void>;
  /** A fast shutdown and a start on the same port, as `pg_ctl restart -m fast` does: every session is ended. */
  restart: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A `kill -9` of node leaves postgres running and start() then fails on postmaster.pid: stop the orphan first.
async function stopOrphan(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier crash`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && existsSync(pidFile); i++) await sleep(100);
}

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Starts PostgreSQL from `dataDir` (initialising it on first use) and makes sure `database` exists. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log?: (m: string) => void;
}): Promise<RunningPostgres> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root the server runs as the `postgres` user, which must be able to traverse to the data directory.
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (dir.endsWith(".data")) chmodSync(dir, 0o755);
  }
  const password = "postgres";
  await stopOrphan(dataDir, log);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log("initialising PostgreSQL data directory");
    await initialiseDataDirectory(dataDir, password);
  }
  const base = `postgresql://postgres:${password}@127.0.0.1:${opts.port}`;
  let postmaster = await startPostmaster(dataDir, opts.port, `${base}/postgres`);
  await ensureDatabase(`${base}/postgres`, opts.database);
  return {
    url: `${base}/${opts.database}`,
    stop: () => stopPostmaster(postmaster),
    restart: async () => {
      await stopPostmaster(postmaster);
      postmaster = await startPostmaster(dataDir, opts.port, `${base}/postgres`);
    },
  };
}

/**
 * Starts the postmaster in its own session (detached), so a Ctrl-C in the terminal reaches only our starter, which
 * then stops web, worker and emulator before the database, instead of PostgreSQL shutting down under them.
 */
async function startPostmaster(dataDir: string, port: number, adminUrl: string): Promise<ChildProcess> {
  const proc = spawn((await postgresBinaries()).postgres, ["-D", dataDir, "-p", String(port)], {
    ...postgresUser(),
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let output = "";
  proc.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  for (let waited = 0; ; waited += 200) {
    if (proc.exitCode !== null || proc.signalCode !== null)
      throw new Error(`PostgreSQL exited while starting:\n${output.trim()}`);
    if (await accepts(adminUrl)) break;
    if (waited > 60_000) {
      proc.kill("SIGINT");
      throw new Error(`PostgreSQL did not accept connections within a minute:\n${output.trim()}`);
    }
    await sleep(200);
  }
  proc.unref();
  (proc.stderr as { unref?: () => void }).unref?.();
  return proc;
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Fast shutdown (SIGINT): open sessions are ended, committed work is safe. */
async function stopPostmaster(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.ref(); // keep this process alive until the server has gone
  proc.kill("SIGINT");
  await exited;
}
