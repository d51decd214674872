/**
 * `npm run db:restore -- <backup.tar.gz>`: replaces the embedded database (`.data/pg`) with a backup made by
 * `npm run db:backup`, and `.data/secrets.json` with the one in it. Refuses while the portal runs. The previous data
 * directory is kept until the restored server has started, replayed its WAL and answered; then it is removed.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseRunning, restoreDatabase } from "./lib/backup.ts";
import { freePort } from "./lib/ports.ts";
import { dataDir } from "./lib/stack.ts";
import { migrationStatus } from "./migrate.ts";

const log = (m: string) => console.log(`[restore] ${m}`);

async function main() {
  const archive = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!archive || !existsSync(archive)) {
    console.error("usage: npm run db:restore -- <backup.tar.gz>   (made by npm run db:backup)");
    process.exit(2);
  }
  if (process.env.DATABASE_URL) {
    console.error("[restore] DATABASE_URL is set: this command restores the embedded database only.");
    process.exit(2);
  }
  const pgDir = path.join(dataDir, "pg");
  let pending = "";
  const result = await restoreDatabase({
    archive,
    pgDir,
    // A port of its own, so nothing connects to the database while it is checked.
    port: await freePort(),
    log,
    verify: async (base) => {
      const status = await migrationStatus(`${base}/portal`);
      if (status.failedMigrationNames.length)
        throw new Error(`failed migrations in the backup: ${status.failedMigrationNames.join(", ")}`);
      if (status.pending.length) pending = status.pending.join(", ");
    },
  });
  log(`restored the databases ${result.databases.join(", ")} in ${result.seconds.toFixed(1)} s`);
  if (pending) log(`migrations newer than the backup (npm start applies them): ${pending}`);

  const secretsFile = path.join(dataDir, "secrets.json");
  if (result.secrets) {
    const current = existsSync(secretsFile) ? readFileSync(secretsFile) : null;
    if (current && !current.equals(result.secrets)) {
      const kept = path.join(dataDir, `secrets.before-restore-${randomBytes(3).toString("hex")}.json`);
      renameSync(secretsFile, kept);
      log(
        `.data/secrets.json differed from the backup's: the previous one is now ${path.relative(process.cwd(), kept)}`,
      );
    }
    writeFileSync(secretsFile, result.secrets, { mode: 0o600 });
    const backupKey = (JSON.parse(result.secrets.toString("utf8")) as { portalSecretKey?: string }).portalSecretKey;
    if (process.env.PORTAL_SECRET_KEY && process.env.PORTAL_SECRET_KEY !== backupKey)
      log(
        "PORTAL_SECRET_KEY in the environment differs from the backup's key: the stored Azure secrets need the backup's",
      );
  } else {
    log("the backup holds no secrets.json: start the portal with the PORTAL_SECRET_KEY it was made with");
  }
  log("done: start the portal with npm start");
}

main().catch((error) => {
  if (error instanceof DatabaseRunning) console.error(`[restore] ${error.message}`);
  else console.error(`[restore] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
