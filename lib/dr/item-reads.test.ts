import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "./jobs";

// The jobs that read a protected VM from Azure (an action's last step, the follow, the scheduled refresh) and how
// their reads meet: issue 12 review points 3, 4 and 8.
process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };

const { db } = await import("@/lib/db/client");
const { getProtectedItem } = await import("@/lib/azure");
const { loadAzureAccess } = await import("@/lib/jobs/azure-access");
const { enqueueOperation } = await import("@/lib/jobs/enqueue");
const { runOperation } = await import("@/lib/jobs/runner");
const { protectedVm01 } = await import("@/test/dr");
const { followWhileMoving } = await import("./follow-jobs");
const { loadItemForJob } = await import("./load");
const { refreshProtection, runDrAction } = await import("./protection-service");

let vm: Awaited<ReturnType<typeof protectedVm01>>;
const FOLLOW = "dr.followReplication";
const item = () => db.protectedItem.findUniqueOrThrow({ where: { id: vm.itemId } });
const succeeded = async (p: Promise<{ id: string }> | { id: string }) => {
  const op = await waitForOperation((await p).id);
  if (op.state !== "succeeded") throw new Error(`${op.kind} ${op.state}: ${op.errorMessage}`);
  return op;
};
/** What Azure says about VM01 now, read as the jobs read it. */
const readVm01 = async () => {
  const { ref, vault } = await loadItemForJob(vm.itemId);
  return (await getProtectedItem(await loadAzureAccess(vault.azureSubscriptionId), ref))!;
};
/** GETs of VM01's protected item the emulator answered since `since` (an ISO time). */
const itemGets = async (since: string) =>
  (await emu.control.requests({ since })).value.filter(
    (r) =>
      r.method === "GET" && r.path.toLowerCase().endsWith(`/replicationprotecteditems/${vm.armName.toLowerCase()}`),
  ).length;
/** The refresh the worker's timer runs (here from the page's button: the same job). */
const refresh = () => succeeded(refreshProtection(vm.acme.ctx));
/** A follow of VM01 as the worker left it after earlier runs, with no job of its own: the test runs it with runOperation. */
const followAsLeft = async (
  startedAt: Date,
  step: { state: "running" | "failed"; continuation?: string; result?: object },
) => {
  for (const f of await db.operation.findMany({
    where: { kind: FOLLOW, targetId: vm.itemId, state: { in: ["queued", "running"] } },
  }))
    await waitForOperation(f.id);
  return db.operation.create({
    data: {
      kind: FOLLOW,
      tenantId: vm.acme.ctx.tenantId,
      targetType: "ProtectedItem",
      targetId: vm.itemId,
      targetName: "VM01",
      input: { protectedItemId: vm.itemId },
      state: "running",
      attempts: 1,
      stepsTotal: 1,
      startedAt,
      steps: { create: [{ position: 0, name: "Follow replication", attempt: 1, startedAt, ...step }] },
    },
  });
};
const run = (operationId: string, retryCount = 0) =>
  runOperation({ id: randomBytes(8).toString("hex"), retryCount, retryLimit: 2, data: { operationId } });

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  vm = await protectedVm01(emu);
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("reads of a protected VM", () => {
  it("samples RPO on the scheduled refresh only: enabling and following VM01 saved Azure's state but no sample", async () => {
    expect(await item()).toMatchObject({ protectionState: "Protected", rpoSeconds: expect.any(Number) });
    expect(await db.rpoSample.count({ where: { protectedItemId: vm.itemId } })).toBe(0);
    await refresh();
    expect(await db.rpoSample.count({ where: { protectedItemId: vm.itemId } })).toBe(1);
  });

  it("keeps what an action records (test failover time, cleanup notes) when a newer read of the VM was saved first", async () => {
    // A follow or the scheduled refresh saved a read newer than the one each action's last step makes.
    const newerReadSaved = () =>
      db.protectedItem.update({ where: { id: vm.itemId }, data: { lastSyncedAt: new Date(Date.now() + 3_600_000) } });
    const caughtUp = async () => {
      await db.protectedItem.update({ where: { id: vm.itemId }, data: { lastSyncedAt: null } });
      await refresh();
    };
    await newerReadSaved();
    await succeeded(runDrAction(vm.acme.ctx, vm.itemId, { action: "testFailover" }));
    expect((await item()).lastTestFailoverAt).not.toBeNull();
    await caughtUp();
    expect(await item()).toMatchObject({ testFailoverState: "WaitingForCompletion" });

    await newerReadSaved();
    await succeeded(
      runDrAction(vm.acme.ctx, vm.itemId, {
        action: "testFailoverCleanup",
        notes: "Drill 2: booted in the test network",
      }),
    );
    expect((await item()).lastTestFailoverNotes).toBe("Drill 2: booted in the test network");
    await caughtUp();
    expect(await item()).toMatchObject({
      testFailoverState: "None",
      lastTestFailoverNotes: "Drill 2: booted in the test network",
    });
  });

  it("starts one follow when two jobs ask for it at the same moment, and the one that lost the race does not fail", async () => {
    const target = { id: vm.itemId, tenantId: vm.acme.ctx.tenantId, vmName: "VM01" };
    const moving = { ...(await readVm01()), protectionState: "ProtectedStatesBegin" };
    const before = await db.operation.count({ where: { kind: FOLLOW, targetId: vm.itemId } });
    let release!: () => void, inserted!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hasInserted = new Promise<void>((resolve) => (inserted = resolve));
    // One job (the scheduled refresh) has inserted its follow and not committed yet…
    const first = db.$transaction(
      async (tx) => {
        const op = await enqueueOperation(tx, {
          kind: FOLLOW,
          tenantId: target.tenantId,
          actorId: null,
          target: { type: "ProtectedItem", id: target.id, name: target.vmName },
          input: { protectedItemId: target.id },
        });
        inserted();
        await held;
        return op;
      },
      { timeout: 30_000 },
    );
    await hasInserted;
    // …when another (an action's last step) finds no follow and inserts its own, which waits on the unique index.
    const second = followWhileMoving(target, moving).then(
      (r) => ({ r }),
      (e: Error) => ({ e: e.message }),
    );
    for (let n = 0; ; n++) {
      const [{ waiting }] = await db.$queryRaw<
        { waiting: number }[]
      >`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      if (waiting > 0) break;
      if (n > 200) throw new Error("The second enqueue never waited on the first");
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    const won = await first;
    expect(await second).toEqual({ r: null });
    expect(await db.operation.count({ where: { kind: FOLLOW, targetId: vm.itemId } })).toBe(before + 1);
    expect((await succeeded(won)).steps[0].detail).toBe("Protected");
  });

  it("reads Azure only when the follow's own wait is over, though the engine wakes it sooner", async () => {
    const due = Date.now() + 10 * 60_000;
    const op = await followAsLeft(new Date(), {
      state: "running",
      continuation: JSON.stringify({ mark: { percent: 40, at: Date.now() }, readAt: due }),
      result: { polls: 3 },
    });
    const since = new Date().toISOString();
    await run(op.id);
    expect(await itemGets(since)).toBe(0);
    const waiting = await db.operation.findUniqueOrThrow({ where: { id: op.id }, include: { steps: true } });
    expect(waiting.state).toBe("running");
    expect(JSON.parse(waiting.steps[0].continuation!)).toMatchObject({ readAt: due });

    // Once due, one read: VM01 is Protected, so the follow ends.
    await db.operationStep.update({
      where: { id: waiting.steps[0].id },
      data: { continuation: JSON.stringify({ mark: { percent: 40, at: Date.now() }, readAt: Date.now() - 1 }) },
    });
    await run(op.id);
    expect(await itemGets(since)).toBe(1);
    const ended = await db.operation.findUniqueOrThrow({ where: { id: op.id }, include: { steps: true } });
    expect(ended.state).toBe("succeeded");
    expect(ended.steps[0].detail).toBe("Protected");
  });

  it("counts a follow's hours from its operation's start, so a retried follow still ends in time", async () => {
    // Azure: VM01 in a long initial replication again (its modelled timestamps moved; the control API's snapshot).
    const original = (await emu.control.snapshot()) as {
      resources: Record<string, { internal: Record<string, unknown> }>;
    };
    const moved = structuredClone(original);
    const key = Object.keys(moved.resources).find((id) =>
      id.toLowerCase().endsWith(`/replicationprotecteditems/${vm.armName.toLowerCase()}`),
    )!;
    Object.assign(moved.resources[key].internal, { enableEndMs: Date.now() - 60_000, irEndMs: Date.now() + 3_600_000 });
    await emu.control.restore({ state: moved });
    try {
      expect((await readVm01()).protectionState).toBe("ProtectedStatesBegin");
      // Started longer ago than the follow's 4 hours (on the test's clock); its last attempt failed and this is the retry.
      const op = await followAsLeft(new Date(Date.now() - 10 * 60_000), { state: "failed" });
      await run(op.id, 1);
      const ended = await db.operation.findUniqueOrThrow({ where: { id: op.id }, include: { steps: true } });
      expect(ended.state).toBe("succeeded");
      expect(ended.steps[0].detail).toMatch(/still moving after 4 h; the scheduled refresh follows it from here/);
    } finally {
      await emu.control.restore({ state: original });
    }
  });
});
