import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./postgres.ts";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const dataDir = path.resolve(process.env.PORTAL_DATA_DIR ?? path.join(repoRoot, ".data"));

type LocalSecrets = { authSecret: string; portalSecretKey: string };

/** AUTH_SECRET and PORTAL_SECRET_KEY: taken from the environment, else generated once into .data/ (never committed). */
export function loadLocalSecrets(): LocalSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    portalSecretKey: stored.portalSecretKey ?? randomBytes(32).toString("base64"),
  };
  if (!stored.authSecret || !stored.portalSecretKey)
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return {
    authSecret: process.env.AUTH_SECRET ?? secrets.authSecret,
    portalSecretKey: process.env.PORTAL_SECRET_KEY ?? secrets.portalSecretKey,
  };
}

export type DataStores = { databaseUrl: string; embedded: boolean; stop: () => Promise<void> };

/** The database in DATABASE_URL, or an embedded PostgreSQL under .data/pg. */
export async function startDataStores(opts: {
  log: (m: string) => void;
  pgDir?: string;
  port?: number;
  database?: string;
}): Promise<DataStores> {
  if (process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const pg = await startEmbeddedPostgres({
    dataDir: opts.pgDir ?? path.join(dataDir, "pg"),
    port: opts.port ?? Number(process.env.PGPORT ?? 54329),
    database: opts.database ?? "portal",
    log: opts.log,
  });
  return { databaseUrl: pg.url, embedded: true, stop: pg.stop };
}
