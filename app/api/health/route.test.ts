import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";

// The session is the one thing outside Prisma the context reads; everything below it is the real code and database.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { stopBoss } = await import("@/lib/jobs/boss");
const { GET } = await import("./route");

afterAll(() => stopBoss());
beforeEach(() => {
  session.userId = null;
  delete process.env.PORTAL_HEALTH_TOKEN;
});

const get = (headers: Record<string, string> = {}) => GET(new Request("http://portal.test/api/health", { headers }));
const user = (staffRole: "admin" | "helpdesk" | null) =>
  db.user.create({
    data: {
      email: `${staffRole ?? "tenant"}-${Math.random().toString(36).slice(2)}@health.test`,
      name: "H",
      passwordHash: "x",
      staffRole,
    },
  });

describe("/api/health", () => {
  it("tells an anonymous caller only up or down", async () => {
    const res = await get();
    expect([200, 503]).toContain(res.status);
    expect(Object.keys(await res.json()).sort()).toEqual(["checkedAt", "status"]);
  });

  it("tells a tenant user no more, and staff everything", async () => {
    session.userId = (await user(null)).id;
    expect(Object.keys(await (await get()).json()).sort()).toEqual(["checkedAt", "status"]);
    session.userId = (await user("helpdesk")).id;
    const details = await (await get()).json();
    expect(details).toMatchObject({
      database: { ok: true },
      queue: expect.any(Object),
      operations: expect.any(Object),
    });
  });

  it("gives details for the PORTAL_HEALTH_TOKEN bearer, and not for a wrong one", async () => {
    process.env.PORTAL_HEALTH_TOKEN = "monitor-secret-1234";
    expect(await (await get({ authorization: "Bearer monitor-secret-1234" })).json()).toHaveProperty("operations");
    expect(await (await get({ authorization: "Bearer guess" })).json()).not.toHaveProperty("operations");
  });
});
