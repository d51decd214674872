// Vitest global setup: one embedded PostgreSQL for the whole run, with the migrations applied once to a template
// database. Each test file then gets its own database cloned from the template (see setupTestDatabase), which is
// much cheaper than an initdb, a server start and the migrations per file.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/scripts/lib/postgres";
import { freePort } from "@/scripts/lib/ports";
import { migrateDeploy } from "@/scripts/migrate";

export const TEMPLATE_DATABASE = "portal_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the shared test server, without a database name. */
    testPostgresBase: string;
  }
}

/** Runs `run` on a superuser session to the server's `postgres` database. */
export async function admin<T>(base: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${base}/postgres` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const dataDir = path.resolve(import.meta.dirname, "..", ".data", `test-pg-${randomBytes(4).toString("hex")}`);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: TEMPLATE_DATABASE });
  await migrateDeploy(server.url);
  const base = server.url.slice(0, server.url.lastIndexOf("/"));
  // No one connects to the template from now on (autovacuum included), so cloning it never finds it "in use".
  await admin(base, async (client) => {
    await client.query(`alter database ${TEMPLATE_DATABASE} with is_template true allow_connections false`);
    // The migration engine may keep its pool open: close those sessions.
    await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [
      TEMPLATE_DATABASE,
    ]);
  });
  project.provide("testPostgresBase", base);
  return async () => {
    try {
      await server.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
