import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

// One pool and one client per process; Next's dev server reloads modules, so keep them on globalThis.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient; portalPool?: pg.Pool };

/** The process's connection pool, shared by Prisma and the few hot-path statements that skip it (see `sql`). */
function pool() {
  if (globalForDb.portalPool && !globalForDb.portalPool.ended) return globalForDb.portalPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the portal with `npm start`.");
  const created = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection the server dropped (a restart, a failover) is replaced at the next checkout; without a
  // listener its error would end the process.
  created.on("error", () => {});
  globalForDb.portalPool = created;
  return created;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    // A transaction waits up to 15 s for a connection of the pool (Prisma's default is 2 s): a worker running a bulk's
    // 100 vm.create jobs on 10 connections failed and retried 50 runs on P2028 "Unable to start a transaction in the
    // given time" when the bulk's polls came due together on a loaded machine (issue 18, npm run bench).
    globalForDb.portalDb ??= new PrismaClient({
      adapter: new PrismaPg(pool(), { disposeExternalPool: true }),
      transactionOptions: { maxWait: 15_000 },
    });
    return Reflect.get(globalForDb.portalDb, prop, globalForDb.portalDb);
  },
});

/**
 * A named prepared statement on the shared pool, for a statement on every request's path (the API token check): it
 * is parsed and planned once per connection, and skips Prisma's query pipeline — about a third of the time of
 * `db.$queryRaw` for the same statement. Columns come back as pg parses them: select timestamps `at time zone 'UTC'`
 * (Prisma's columns are UTC without a zone).
 */
export async function sql<Row extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) {
  return (await pool().query<Row>({ name, text, values })).rows;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { Prisma } from "@/generated/prisma/client";
export type * from "@/generated/prisma/client";
