// Test-only: the real worker (pg-boss + handlers) in the test process, against the test database.
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/worker";

export async function startTestWorker() {
  process.env.JOBS_POLL_MIN_MS ??= "200";
  // The test emulator's clock (emulator/testing.ts): a 60 s VM create takes 0.6 s, so its first poll comes then.
  process.env.JOBS_LRO_TIME_SCALE ??= "0.01";
  const boss = await getBoss("worker");
  // Tests run a few operations at a time: 8 loops per kind are plenty, and each idle loop polls the database.
  await startWorkers(boss, { concurrency: 8, max: 8 });
  return { stop: stopBoss };
}

/**
 * Waits until the operation has finished (succeeded, failed or cancelled) and the worker is done with it — its
 * follow-up (onSucceeded/onFailed, which settles the VM or load balancer) runs just after the operation is marked
 * ended, and the job completes after that — then returns it with its steps.
 */
export async function waitForOperation(id: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  const isEnded = (state: string) => ["succeeded", "failed", "cancelled"].includes(state);
  for (;;) {
    // Its state alone while it runs (one light query a poll: the operation with its steps costs 2-3 times the CPU),
    // then, once it has ended and its job is done, the operation with its steps.
    const { state, kind } = await db.operation.findUniqueOrThrow({
      where: { id },
      select: { state: true, kind: true },
    });
    if (
      isEnded(state) &&
      !(await (await getBoss()).findJobs(kind, { key: id })).some((job) => job.state === "active")
    ) {
      const op = await db.operation.findUniqueOrThrow({
        where: { id },
        include: { steps: { orderBy: { position: "asc" } } },
      });
      if (isEnded(op.state)) return op;
    }
    if (Date.now() > deadline) throw new Error(`Operation ${kind} ${id} still ${state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
