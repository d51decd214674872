// Test-only: a real, throwaway PostgreSQL per test file, for queries and services (we never mock Prisma).
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "@/scripts/lib/postgres";
import { migrateDeploy } from "@/scripts/migrate";

const repoRoot = path.resolve(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Call once at the top of a test file: starts an embedded PostgreSQL in `.data/test-pg-<random>` on a free port,
 * applies the migrations and points DATABASE_URL at it before `db` is first used (the client connects lazily).
 * Vitest runs each file in its own process, so every file gets its own database and its own client.
 */
export function setupTestDatabase(): { url: () => string } {
  const dataDir = path.join(repoRoot, ".data", `test-pg-${randomBytes(4).toString("hex")}`);
  let pg: RunningPostgres | undefined;

  beforeAll(async () => {
    pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "portal_test" });
    process.env.DATABASE_URL = pg.url;
    await migrateDeploy(pg.url);
  });

  afterAll(async () => {
    try {
      const { db } = await import("@/lib/db/client");
      if (pg) await db.$disconnect();
      await pg?.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  return {
    url: () => {
      if (!pg) throw new Error("The test database starts in beforeAll: read its URL inside a test or hook.");
      return pg.url;
    },
  };
}
