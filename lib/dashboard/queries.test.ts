import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import type { OperationState } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/context";

setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { getProviderDashboard } = await import("./queries");

const ctx: StaffContext = {
  user: { id: "u", email: "admin@dashboard.test", name: "Admin", staffRole: "admin" },
  staffRole: "admin",
};
const minute = 60_000;

async function operation(opts: {
  kind: string;
  state: OperationState;
  targetId: string;
  minutesAgo: number;
  errorCode?: string;
}) {
  const at = new Date(Date.now() - opts.minutesAgo * minute);
  const row = await db.operation.create({
    data: {
      kind: opts.kind,
      state: opts.state,
      targetType: "AzureSubscription",
      targetId: opts.targetId,
      targetName: opts.targetId,
      createdAt: at,
      startedAt: at,
      heartbeatAt: new Date(),
      errorCode: opts.errorCode,
    },
  });
  return row.id;
}

describe("provider dashboard: needs attention (issue 12)", () => {
  it("drops a failure that a later success of the same kind on the same target has superseded, and lists overdue operations", async () => {
    const fixed = `sub-${randomBytes(3).toString("hex")}`;
    const broken = `sub-${randomBytes(3).toString("hex")}`;
    // A wrong secret, then a validation that passed once the secret was rotated.
    const superseded = await operation({
      kind: "subscription.validate",
      state: "failed",
      targetId: fixed,
      minutesAgo: 30,
      errorCode: "AADSTS7000215",
    });
    await operation({ kind: "subscription.validate", state: "succeeded", targetId: fixed, minutesAgo: 10 });
    const standing = await operation({
      kind: "subscription.validate",
      state: "failed",
      targetId: broken,
      minutesAgo: 20,
      errorCode: "AADSTS7000215",
    });
    // A registration of the same target succeeding does not make its failed validation go away.
    await operation({ kind: "subscription.registerProviders", state: "succeeded", targetId: broken, minutesAgo: 5 });
    const overdue = await operation({
      kind: "subscription.registerProviders",
      state: "running",
      targetId: broken,
      minutesAgo: 48,
    });

    const dashboard = await getProviderDashboard(ctx);
    const { attention } = dashboard;
    // The single figures, read in one statement, are the counts they stand for.
    expect(dashboard).toMatchObject({
      failed24h: 2,
      plans: await db.plan.count(),
      tenants: await db.tenant.count(),
      suspended: await db.tenant.count({ where: { state: "suspended" } }),
      protectedVms: await db.protectedItem.count(),
    });
    const failures = attention.recentFailures.map((o) => o.id);
    expect(failures).toContain(standing);
    expect(failures).not.toContain(superseded);
    expect(attention.overdue.map((o) => o.id)).toEqual([overdue]);
    expect(attention.stuck.map((o) => o.id)).not.toContain(overdue);
  });
});
