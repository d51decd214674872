import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { KindDispatcher, type DispatchedJob } from "./dispatcher";

setupTestDatabase();
const { getBoss, stopBoss } = await import("./boss");
const { queueOptions } = await import("./queues");

const kind = "test.dispatch";
// Idle fetches every minute: anything picked up sooner was found because the dispatcher was woken.
const slow = { idleMs: 60_000, heartbeatMs: 4_000 };

beforeAll(async () => {
  // The operation queues' settings, except "stately" (one job per operation id): these jobs have no operation.
  await (await getBoss("worker")).createQueue(kind, { ...queueOptions, policy: "standard" });
});
afterAll(() => stopBoss());

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("KindDispatcher", () => {
  it("runs at most its limit at once and completes every job", async () => {
    const boss = await getBoss("worker");
    const release = gate();
    let active = 0;
    let peak = 0;
    const seen: string[] = [];
    const dispatcher = new KindDispatcher(
      boss,
      kind,
      async (job: DispatchedJob) => {
        seen.push(job.data.operationId);
        peak = Math.max(peak, ++active);
        await release.opened;
        active--;
      },
      { ...slow, limit: 3, batch: 2 },
    );
    await boss.insert(
      kind,
      Array.from({ length: 7 }, (_, i) => ({ data: { operationId: `op-${i}` } })),
    );
    dispatcher.start();
    await until(() => seen.length === 3, "three jobs to start");
    expect(peak).toBe(3);
    release.open();
    await until(() => seen.length === 7, "every job to run");
    await until(
      async () => (await boss.findJobs(kind, { queued: true })).length === 0 && active === 0,
      "the queue to drain",
    );
    await dispatcher.stop(1_000);
    const jobs = await boss.findJobs(kind);
    expect(jobs.map((j) => j.state).sort()).toEqual(Array(7).fill("completed"));
    expect(peak).toBe(3);
  });

  it("claims a job scheduled for later when its time comes, without waiting for the idle fetch", async () => {
    const boss = await getBoss("worker");
    const ran: string[] = [];
    const dispatcher = new KindDispatcher(
      boss,
      kind,
      async (job: DispatchedJob) => void ran.push(job.data.operationId),
      { ...slow, limit: 2, batch: 2 },
    );
    dispatcher.start();
    await new Promise((r) => setTimeout(r, 200)); // its first fetch found nothing; the next idle one is a minute away
    const at = new Date(Date.now() + 500);
    await boss.send(kind, { operationId: "later" }, { startAfter: at });
    dispatcher.wakeAt(at);
    await until(() => ran.includes("later"), "the scheduled job to run");
    await dispatcher.stop(1_000);
  });

  it("hands a failed job to pg-boss with its message, and on stop fails what still runs", async () => {
    const boss = await getBoss("worker");
    const stuck = gate();
    const dispatcher = new KindDispatcher(
      boss,
      kind,
      async (job: DispatchedJob) => {
        if (job.data.operationId === "broken") throw new Error("Azure said no");
        await stuck.opened;
      },
      { ...slow, limit: 2, batch: 2 },
    );
    const [broken] =
      (await boss.insert(kind, [{ data: { operationId: "broken" }, retryLimit: 0 }], { returnId: true })) ?? [];
    const [hanging] =
      (await boss.insert(kind, [{ data: { operationId: "hanging" }, retryLimit: 0 }], { returnId: true })) ?? [];
    dispatcher.start();
    await until(
      async () => (await boss.findJobs(kind, { id: broken }))[0]?.state === "failed",
      "the broken job to fail",
    );
    const [failed] = await boss.findJobs(kind, { id: broken });
    expect(failed.output).toMatchObject({ message: "Azure said no" });
    await until(
      async () => (await boss.findJobs(kind, { id: hanging }))[0]?.state === "active",
      "the hanging job to run",
    );
    await dispatcher.stop(200);
    expect((await boss.findJobs(kind, { id: hanging }))[0].state).toBe("failed");
    stuck.open();
  });
});
