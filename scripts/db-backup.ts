/**
 * `npm run db:backup [-- --out file.tar.gz]`: an online backup of the embedded PostgreSQL and `.data/secrets.json`
 * into one archive (scripts/lib/backup.ts), while `npm start` runs or not. Default file:
 * `.data/backups/portal-<UTC time>.tar.gz`. With DATABASE_URL set, back up that server with its own tools.
 */
import path from "node:path";
import { backupDatabase, runningPostmaster } from "./lib/backup.ts";
import { dataDir } from "./lib/stack.ts";
import { startEmbeddedPostgres } from "./lib/postgres.ts";

const log = (m: string) => console.log(`[backup] ${m}`);

function flag(name: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  if (process.env.DATABASE_URL) {
    console.error(
      "[backup] DATABASE_URL is set: this command backs up the embedded database only. Use your PostgreSQL " +
        "service's backups (point-in-time restore on a managed server) or pg_dump of the server's version, and keep " +
        "PORTAL_SECRET_KEY with them.",
    );
    process.exit(2);
  }
  const pgDir = path.join(dataDir, "pg");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const out = path.resolve(flag("out") ?? path.join(dataDir, "backups", `portal-${stamp}.tar.gz`));
  const running = runningPostmaster(pgDir);
  // Not running: start it for the backup and stop it after (the same archive either way).
  const server = running
    ? null
    : await startEmbeddedPostgres({
        dataDir: pgDir,
        port: Number(process.env.PGPORT ?? 54329),
        database: "postgres",
        log,
      });
  const adminUrl = server?.url ?? `postgresql://postgres:postgres@127.0.0.1:${running!.port}/postgres`;
  try {
    const result = await backupDatabase({ adminUrl, pgDir, out, secretsFile: path.join(dataDir, "secrets.json"), log });
    log(
      `wrote ${path.relative(process.cwd(), result.file)}: ${result.files} files, ` +
        `${(result.bytes / 1024 / 1024).toFixed(1)} MB before compression, in ${result.seconds.toFixed(1)} s ` +
        `(PostgreSQL ${result.serverVersion}; databases ${result.databases.join(", ")})`,
    );
    if (result.secrets)
      log(
        "the archive holds .data/secrets.json (the key to the stored Azure secrets and the session signing key): " +
          "keep it as safe as the secrets themselves, and off this machine",
      );
    else
      log(
        "no .data/secrets.json here (PORTAL_SECRET_KEY and AUTH_SECRET come from the environment): keep " +
          "PORTAL_SECRET_KEY with this backup, or the stored Azure secrets cannot be read after a restore",
      );
  } finally {
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(`[backup] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
