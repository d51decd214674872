import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import type { OperationState } from "@/lib/db/client";

setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { checkHealth } = await import("./health");
const { stopBoss } = await import("./boss");

afterAll(async () => {
  await stopBoss();
});

const minute = 60_000;

async function operation(kind: string, state: OperationState, startedMinutesAgo: number, heartbeatMinutesAgo = 0) {
  const name = `${kind}-${randomBytes(3).toString("hex")}`;
  const row = await db.operation.create({
    data: {
      kind,
      state,
      targetType: "Test",
      targetId: name,
      targetName: name,
      startedAt: new Date(Date.now() - startedMinutesAgo * minute),
      heartbeatAt: new Date(Date.now() - heartbeatMinutesAgo * minute),
      createdAt: new Date(Date.now() - startedMinutesAgo * minute),
    },
  });
  return row.id;
}

describe("health: overdue operations (issue 12)", () => {
  it("lists operations running far past their kind's expected duration, besides stuck ones, without failing the check", async () => {
    // A provider registration polled for 48 minutes, its heartbeat fresh all along (the case from the issue).
    const registration = await operation("subscription.registerProviders", "running", 48);
    const longCreate = await operation("vm.create", "running", 120);
    const unknownKind = await operation("test.unlisted", "running", 45);
    // Within their kinds' expectations: a VM create of 5 minutes, an initial replication of 2 hours.
    const freshCreate = await operation("vm.create", "running", 5);
    const replication = await operation("dr.enableProtection", "running", 120);
    const finished = await operation("vm.create", "succeeded", 120);
    const stuck = await operation("vm.start", "running", 5, 10);

    const health = await checkHealth();
    const ours = (ids: string[]) =>
      ids.filter((id) =>
        [registration, longCreate, unknownKind, freshCreate, replication, finished, stuck].includes(id),
      );
    expect(ours(health.operations.overdueIds).sort()).toEqual([registration, longCreate, unknownKind].sort());
    expect(health.operations.overdue).toBe(3);
    expect(ours(health.operations.stuckIds)).toEqual([stuck]);
    expect(health.operations.ok).toBe(false);

    await db.operation.update({ where: { id: stuck }, data: { state: "failed" } });
    const again = await checkHealth();
    // Overdue operations still make progress: they are listed, the check stays ok.
    expect(again.operations.ok).toBe(true);
    expect(again.operations.overdue).toBe(3);
  });
});
