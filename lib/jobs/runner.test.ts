import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setupTestDatabase } from "@/lib/db/testing";
import { ArmError } from "@/lib/azure";
import { defineJob } from "./define-job";
import { startTestWorker, waitForOperation } from "./testing";
import { staffContext } from "./fixtures";
import { operationTimings } from "./timings";

setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { enqueueOperationNow } = await import("./enqueue");
const { cancelOperation, retryOperation } = await import("./control");
const { maxAttempts } = await import("./runner");

const input = z.object({ name: z.string() });
const followUps = new Map<string, string>();

// Azure keeps answering 429 with Retry-After: the operation must give up after its attempts, not loop for ever.
defineJob({
  kind: "test.throttled",
  input,
  async run(_input, op) {
    await op.plan(["Call Azure"]);
    await op.step("Call Azure", async () => {
      throw new ArmError({ status: 429, code: "SubscriptionRequestsThrottled", message: "Too many requests.", retryAfterMs: 20 });
    });
  },
  onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
});

// An Azure operation that never finishes: each run polls and reschedules, so only the kind's time limit ends it.
defineJob({
  kind: "test.endless",
  input,
  async run(_input, op) {
    await op.plan(["Wait for Azure"]);
    await op.lroStep("Wait for Azure", {
      start: async () => ({ done: false, continuation: "c", retryAfterMs: 50 }),
      poll: async () => ({ done: false, continuation: "c", retryAfterMs: 50 }),
    });
  },
  onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
});
operationTimings["test.endless"] = { expectedMs: 100, maxMs: 1_500 };

// Three steps; the first waits for the test to let it finish, so a cancel can arrive while it runs.
const gates = new Map<string, () => void>();
const stepsRun: string[] = [];
defineJob({
  kind: "test.cancellable",
  input,
  async run({ name }, op) {
    await op.plan(["Create the network", "Create the VM", "Wait for provisioning"]);
    await op.step("Create the network", () => new Promise<void>((resolve) => gates.set(name, resolve)));
    await op.step("Create the VM", async () => void stepsRun.push(`${name}: Create the VM`));
    await op.step("Wait for provisioning", async () => void stepsRun.push(`${name}: Wait for provisioning`));
  },
  onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
});

let worker: { stop: () => Promise<void> };
beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker?.stop();
});

function enqueue(kind: string) {
  const name = `${kind}-${randomBytes(3).toString("hex")}`;
  return enqueueOperationNow({ kind, tenantId: null, actorId: null, target: { type: "Test", id: name, name }, input: { name } }).then((op) => ({ ...op, name }));
}

async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (isDone(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("bounded retries and time limits (issue 12)", () => {
  it("ends a Retry-After loop at the attempt limit, the operation and its step counting the same attempts", async () => {
    const { id } = await enqueue("test.throttled");
    const op = await waitForOperation(id, 60_000);
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("SubscriptionRequestsThrottled");
    expect(op.errorMessage).toContain(`Gave up after ${maxAttempts} attempts`);
    expect(op.attempts).toBe(maxAttempts);
    expect(op.steps[0]).toMatchObject({ state: "failed", attempt: maxAttempts });
    expect(followUps.get(id)).toContain("Too many requests.");
  });

  it("ends an operation that outlives its kind's maximum duration with OperationTimedOut", async () => {
    const { id } = await enqueue("test.endless");
    const op = await waitForOperation(id, 60_000);
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("OperationTimedOut");
    expect(op.errorMessage).toMatch(/given at most 2 s\. It was at "Wait for Azure"\./);
    // Polling is waiting, not retrying.
    expect(op.attempts).toBe(1);
    expect(followUps.get(id)).toContain("Stopped after");
  });

  it("gives an admin's retry its full attempts and time again", async () => {
    const { id } = await enqueue("test.throttled");
    await waitForOperation(id, 60_000);
    await retryOperation(await staffContext(), id);
    const queued = await db.operation.findUniqueOrThrow({ where: { id } });
    expect(queued).toMatchObject({ state: "queued", startedAt: null, cancelRequestedAt: null });
    const op = await waitForOperation(id, 60_000);
    expect(op.state).toBe("failed");
    expect(op.attempts).toBe(2 * maxAttempts);
    expect(op.steps[0].attempt).toBe(2 * maxAttempts);
  });
});

describe("cancelling a running operation (issue 12)", () => {
  it("stops at the next step boundary, says where and who, and runs the follow-up", async () => {
    const { id, name } = await enqueue("test.cancellable");
    await until(() => db.operationStep.findFirst({ where: { operationId: id, position: 0 } }), (s) => s?.state === "running", "the first step to run");

    const ctx = await staffContext("cancel@jobs.test");
    await cancelOperation(ctx, id);
    const requested = await db.operation.findUniqueOrThrow({ where: { id } });
    expect(requested).toMatchObject({ state: "running", cancelRequestedBy: "cancel@jobs.test" });
    await expect(cancelOperation(ctx, id)).rejects.toThrow(/already asked to cancel/);

    gates.get(name)!();
    const op = await waitForOperation(id);
    expect(op.state).toBe("cancelled");
    expect(op.errorCode).toBe("OperationCancelled");
    expect(op.errorMessage).toBe("Cancelled by cancel@jobs.test before step 2 of 3 (Create the VM); the steps before it had finished.");
    expect(op.steps.map((s) => s.state)).toEqual(["succeeded", "pending", "pending"]);
    expect(stepsRun.filter((s) => s.startsWith(name))).toEqual([]);
    expect(followUps.get(id)).toBe(op.errorMessage);
    await expect(cancelOperation(ctx, id)).rejects.toThrow(/already cancelled/);
    const audit = await db.auditEvent.findFirst({ where: { action: "operation.cancel", targetId: id } });
    expect(audit?.actorEmail).toBe("cancel@jobs.test");
  });
});
