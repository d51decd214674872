// Test-only: a real, throwaway PostgreSQL database per test file, for queries and services (we never mock Prisma).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { admin, TEMPLATE_DATABASE } from "./db-server";

const CLONE_LOCK = 7_301_2026;

/**
 * Call once at the top of a test file: creates a database of its own on the run's shared PostgreSQL (started by
 * the vitest global setup in test/db-server.ts), cloned from the migrated template, and points DATABASE_URL at
 * it before `db` is first used (the client connects lazily). Vitest runs each file in its own process, so every
 * file gets its own database and its own client; the database is dropped when the file ends.
 */
export function setupTestDatabase(): { url: () => string } {
  const name = `portal_test_${randomBytes(4).toString("hex")}`;
  let url: string | undefined;

  beforeAll(async () => {
    const base = inject("testPostgresBase");
    // PostgreSQL copies a template for one CREATE DATABASE at a time: files starting together take turns.
    await admin(base, async (c) => {
      await c.query("select pg_advisory_lock($1)", [CLONE_LOCK]);
      for (let attempt = 1; ; attempt++) {
        try {
          await c.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
          return;
        } catch (e) {
          // 55006 "being accessed by other users": a session on the template has not quite ended yet.
          if ((e as { code?: string }).code !== "55006" || attempt === 20) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    });
    url = `${base}/${name}`;
    process.env.DATABASE_URL = url;
  });

  afterAll(async () => {
    if (!url) return;
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
    await admin(inject("testPostgresBase"), (c) => c.query(`drop database if exists ${name} with (force)`));
  });

  return {
    url: () => {
      if (!url) throw new Error("The test database is created in beforeAll: read its URL inside a test or hook.");
      return url;
    },
  };
}
