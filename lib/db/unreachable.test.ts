// What a page sees from Prisma when the database is away, against a query's own failure on a live database.
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { freePort } from "@/scripts/lib/ports";
import { setupTestDatabase } from "@/test/db";
import { isDatabaseUnreachable } from "./unreachable";

const database = setupTestDatabase();

async function failureOf(url: string, run: (client: PrismaClient) => Promise<unknown>) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2000 }) });
  try {
    await run(client);
    throw new Error("expected the query to fail");
  } catch (error) {
    return error;
  } finally {
    await client.$disconnect().catch(() => {});
  }
}

describe("isDatabaseUnreachable", () => {
  it("is true when nothing listens where the database should be", async () => {
    const url = `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/portal`;
    const error = await failureOf(url, (c) => c.user.findUnique({ where: { id: "x" } }));
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it("is false for a query's own error on a database that answers", async () => {
    const error = await failureOf(database.url(), (c) => c.$queryRawUnsafe("select 1/0"));
    expect(isDatabaseUnreachable(error)).toBe(false);
    const duplicate = await failureOf(database.url(), async (c) => {
      const user = { email: "same@example.test", name: "Same", passwordHash: "x" };
      await c.user.create({ data: user });
      await c.user.create({ data: user });
    });
    expect(isDatabaseUnreachable(duplicate)).toBe(false);
  });
});
