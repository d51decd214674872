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
  for (;;) {
    const op = await db.operation.findUniqueOrThrow({
      where: { id },
      include: { steps: { orderBy: { position: "asc" } } },
    });
    const ended = ["succeeded", "failed", "cancelled"].includes(op.state);
    if (ended && !(await (await getBoss()).findJobs(op.kind, { key: id })).some((job) => job.state === "active"))
      return op;
    if (Date.now() > deadline) throw new Error(`Operation ${op.kind} ${id} still ${op.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
