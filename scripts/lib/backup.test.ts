// The backup's round trip on its own embedded PostgreSQL: rows written before, during and after an online backup,
// a restore over the changed data directory, and what the restored server holds.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDeploy, migrationStatus } from "../migrate.ts";
import { backupDatabase, DatabaseRunning, restoreDatabase, type BackupResult } from "./backup.ts";
import { readTarGz } from "./backup-tar.ts";
import { freePort } from "./ports.ts";
import { startEmbeddedPostgres, type RunningPostgres } from "./postgres.ts";

const root = path.resolve(import.meta.dirname, "../../.data", `test-backup-${randomBytes(4).toString("hex")}`);
const pgDir = path.join(root, "pg");
const archive = path.join(root, "backups", "portal.tar.gz");
const secretsFile = path.join(root, "secrets.json");
const secrets = JSON.stringify({ authSecret: "a", portalSecretKey: randomBytes(32).toString("base64") });

let server: RunningPostgres;
let port: number;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  mkdirSync(root, { recursive: true });
  writeFileSync(secretsFile, secrets, { mode: 0o600 });
  port = await freePort();
  server = await startEmbeddedPostgres({ dataDir: pgDir, port, database: "portal" });
  await migrateDeploy(server.url);
  await query(server.url, "create table backup_probe (seq int primary key, batch text not null)");
});

afterAll(async () => {
  await server?.stop().catch(() => {});
  rmSync(root, { recursive: true, force: true });
});

describe("db:backup / db:restore", () => {
  it("restores the rows committed up to the online backup, none after it, on a healthy server", async () => {
    await query(server.url, "insert into backup_probe select g, 'before' from generate_series(1, 200) g");

    // A writer keeps committing one row at a time while the backup copies the files.
    const writer = new pg.Client({ connectionString: server.url });
    await writer.connect();
    let committed = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        await writer.query("insert into backup_probe values ($1, 'during')", [1000 + committed + 1]);
        committed++;
      }
    })();
    while (committed < 20) await new Promise((r) => setTimeout(r, 5));
    let committedAtStart = -1;
    const adminUrl = `${server.url.slice(0, server.url.lastIndexOf("/"))}/postgres`;
    const result: BackupResult = await backupDatabase({
      adminUrl,
      pgDir,
      out: archive,
      secretsFile,
      log: (m) => {
        if (m.startsWith("backup started")) committedAtStart = committed;
      },
    });
    writing = false;
    await writes;
    await writer.end();
    expect(committedAtStart).toBeGreaterThanOrEqual(20);
    expect(result).toMatchObject({ secrets: true, databases: expect.arrayContaining(["portal", "postgres"]) });
    expect(result.walSegments.length).toBeGreaterThan(0);

    await query(server.url, "insert into backup_probe select g, 'after' from generate_series(5001, 5100) g");
    await query(server.url, "create table created_after_backup (id int)");

    // While the server runs, a restore is refused and changes nothing.
    await expect(restoreDatabase({ archive, pgDir, port: await freePort() })).rejects.toThrow(DatabaseRunning);
    await server.stop();

    const verified: string[] = [];
    const restored = await restoreDatabase({
      archive,
      pgDir,
      port: await freePort(),
      verify: async (base) => {
        const status = await migrationStatus(`${base}/portal`);
        expect(status).toEqual({ pending: [], divergence: null, failedMigrationNames: [], editedMigrationNames: [] });
        verified.push(base);
      },
    });
    expect(verified).toHaveLength(1);
    expect(restored.secrets?.toString("utf8")).toBe(secrets);
    // The previous data directory was removed once the restored server had answered.
    expect(readdirSync(root).filter((f) => f.startsWith("pg."))).toEqual([]);

    server = await startEmbeddedPostgres({ dataDir: pgDir, port, database: "portal" });
    const rows = await query<{ batch: string; n: number; max: number | null }>(
      server.url,
      "select batch, count(*)::int as n, max(seq) as max from backup_probe group by batch",
    );
    const byBatch = Object.fromEntries(rows.map((r) => [r.batch, r]));
    expect(byBatch.before?.n).toBe(200);
    expect(byBatch.after).toBeUndefined();
    // The rows written during the copy are a gapless prefix (a consistent state) that holds every row committed
    // before the backup started and none the writer had not committed when it stopped.
    const during = byBatch.during!;
    expect(during.n).toBeGreaterThanOrEqual(committedAtStart);
    expect(during.n).toBeLessThanOrEqual(committed);
    expect(during.max).toBe(1000 + during.n);
    expect(
      await query(server.url, "select to_regclass('created_after_backup') is null as gone, pg_is_in_recovery() as r"),
    ).toEqual([{ gone: true, r: false }]);
    await query(server.url, "insert into backup_probe values (9999, 'after restore')");
    expect(existsSync(path.join(pgDir, "backup_label"))).toBe(false);
  });

  it("writes an archive that any tar reads: the data directory, its WAL, the label, the secrets, a manifest", async () => {
    const names: string[] = [];
    for await (const entry of readTarGz(archive)) names.push(entry.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "pg/PG_VERSION",
        "pg/backup_label",
        "pg/global/pg_control",
        "secrets.json",
        "manifest.json",
      ]),
    );
    expect(names.some((n) => /^pg\/pg_wal\/[0-9A-F]{24}$/.test(n))).toBe(true);
    expect(names).not.toContain("pg/postmaster.pid");
  });
});
