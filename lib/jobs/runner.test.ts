import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setupTestDatabase } from "@/test/db";
import { ArmError, type AzureAccess } from "@/lib/azure";
import type { Sent } from "./wait-step";
import type { OperationRequest } from "./enqueue";
import { registerJob } from "./define-job";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { staffContext } from "@/test/tenants";
import { operationTimings } from "./timings";
import { cancelPolicies } from "./cancel-policy";

setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { enqueueOperationNow } = await import("./enqueue");
const { cancelOperation, retryOperation } = await import("./control");
const { attemptsOf, retryPolicies } = await import("./retry-policy");
const maxAttempts = attemptsOf("test.throttled");
retryPolicies["test.throttledRefresh"] = { attempts: 2 };

const input = z.object({ name: z.string() });
const followUps = new Map<string, string>();

// Azure keeps answering 429 with Retry-After: the operation must give up after its attempts, not loop for ever.
registerJob({
  kind: "test.throttled",
  input,
  async run(_input, op) {
    await op.plan(["Call Azure"]);
    await op.step("Call Azure", async () => {
      throw new ArmError({
        status: 429,
        code: "SubscriptionRequestsThrottled",
        message: "Too many requests.",
        retryAfterMs: 20,
      });
    });
  },
  onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
});

// The same, for a kind whose catalogue entry gives it fewer attempts (a refresh the schedule runs again anyway).
registerJob({
  kind: "test.throttledRefresh",
  input,
  async run(_input, op) {
    await op.plan(["Read Azure"]);
    await op.step("Read Azure", async () => {
      throw new ArmError({ status: 503, code: "ServiceUnavailable", message: "Try again.", retryAfterMs: 20 });
    });
  },
});

// An Azure operation that never finishes: each run polls and reschedules, so only the kind's time limit ends it.
registerJob({
  kind: "test.endless",
  input,
  async run(_input, op) {
    await op.plan(["Wait for Azure"]);
    await op.wait("Wait for Azure", {
      begin: async () => ({ done: false, continuation: "c", retryAfterMs: 50 }),
      look: async () => ({ done: false, continuation: "c", retryAfterMs: 50 }),
    });
  },
  onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
});
operationTimings["test.endless"] = { expectedMs: 100, maxMs: 1_500 };

// Three steps; the first waits for the test to let it finish, so a cancel can arrive while it runs.
const gates = new Map<string, () => void>();
const stepsRun: string[] = [];
registerJob({
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

// Waits that never end, one of each kind: on another operation (nothing sent to Azure), on Azure with only GETs (a
// provider registration: "anytime"), and on Azure in general. Each records its looks so a test can wait for one more.
const looks = new Map<string, number>();
const look = (name: string) => looks.set(name, (looks.get(name) ?? 0) + 1);
registerJob({
  kind: "test.waitsForOther",
  input,
  async run({ name }, op) {
    await op.plan(["Wait for the network", "Create the VM"]);
    // Longer than the tests' inline wait (50 ms), so each look ends the run.
    await op.wait("Wait for the network", {
      begin: async () => (
        look(name),
        { done: false, reason: "network being created by another operation", waitMs: 60 }
      ),
    });
    await op.step("Create the VM", async () => void stepsRun.push(`${name}: Create the VM`));
  },
  onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
});
const endlessWait = (kind: string) =>
  registerJob({
    kind,
    input,
    async run({ name }, op) {
      await op.plan(["Register Microsoft.Compute", "Queue validation"]);
      const watch = async () => (
        look(name),
        { done: false as const, continuation: "Microsoft.Compute", retryAfterMs: 50 }
      );
      await op.wait("Register Microsoft.Compute", { begin: watch, look: watch });
      await op.step("Queue validation", async () => void stepsRun.push(`${name}: Queue validation`));
    },
    onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
  });
endlessWait("test.watchesAzure");
cancelPolicies["test.watchesAzure"] = "anytime";
operationTimings["test.watchesAzure"] = { expectedMs: 100, maxMs: 600_000 };
endlessWait("test.waitsOnAzure");
operationTimings["test.waitsOnAzure"] = { expectedMs: 100, maxMs: 4_000 };

// A request sent in one step and waited for in the next (the VM's PUT, then "Wait for provisioning").
registerJob({
  kind: "test.sendsThenWaits",
  input,
  async run({ name }, op) {
    await op.plan(["Create the VM", "Wait for provisioning"]);
    const s = await op.step("Create the VM", async (): Promise<Sent<unknown>> => {
      await new Promise<void>((resolve) => gates.set(name, resolve));
      // Its first poll far enough out that the wait stores "c" and ends the run, so the next run meets the time
      // limit: 300 ms ran out on a loaded machine between this step's end and the wait's start, and the wait polled
      // the (unreadable) continuation at once and failed InvalidContinuation instead.
      return { done: false, continuation: "c", pollAt: Date.now() + 3_000 };
    });
    await op.arm({} as AzureAccess).wait("Wait for provisioning", s);
  },
  onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
});
operationTimings["test.sendsThenWaits"] = { expectedMs: 100, maxMs: 200 };

// Its first step changes Azure for good (a delete): a cancel is refused once it runs, so its follow-up never runs.
registerJob({
  kind: "test.onlyQueued",
  input,
  async run({ name }, op) {
    await op.plan(["Delete VM", "Delete public IP"]);
    await op.step("Delete VM", () => new Promise<void>((resolve) => gates.set(name, resolve)));
    await op.step("Delete public IP", async () => void stepsRun.push(`${name}: Delete public IP`));
  },
  onFailed: async (_input, { operationId, message }) => void followUps.set(operationId, message),
});
cancelPolicies["test.onlyQueued"] = "queued";

let worker: { stop: () => Promise<void> };
beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker?.stop();
});

function enqueue(kind: string) {
  const name = `${kind}-${randomBytes(3).toString("hex")}`;
  // This file's own kinds and input, registered above with registerJob: the catalogue rightly does not know them.
  const request = {
    kind,
    tenantId: null,
    actorId: null,
    target: { type: "Test", id: name, name },
    input: { name },
  } as unknown as OperationRequest;
  return enqueueOperationNow(request).then((op) => ({ ...op, name }));
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

  it("gives a kind only the attempts its retry policy allows", async () => {
    const { id } = await enqueue("test.throttledRefresh");
    const op = await waitForOperation(id, 60_000);
    expect(op).toMatchObject({ state: "failed", errorCode: "ServiceUnavailable", attempts: 2 });
    expect(op.errorMessage).toContain("Gave up after 2 attempts");
    expect(attemptsOf("lb.refresh")).toBe(3);
    expect(attemptsOf("vm.create")).toBe(maxAttempts);
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
    const first = await waitForOperation(id, 60_000);
    await retryOperation(await staffContext(), id);
    // The worker may take the retry at once, so its start is checked afterwards: counted again from the retry.
    const op = await waitForOperation(id, 60_000);
    expect(op.state).toBe("failed");
    expect(op.startedAt!.getTime()).toBeGreaterThanOrEqual(first.endedAt!.getTime());
    expect(op.cancelRequestedAt).toBeNull();
    expect(op.attempts).toBe(2 * maxAttempts);
    expect(op.steps[0].attempt).toBe(2 * maxAttempts);
  });
});

describe("cancelling a running operation (issue 12)", () => {
  it("stops at the next step boundary, says where and who, and runs the follow-up", async () => {
    const { id, name } = await enqueue("test.cancellable");
    await until(
      () => db.operationStep.findFirst({ where: { operationId: id, position: 0 } }),
      (s) => s?.state === "running",
      "the first step to run",
    );

    const ctx = await staffContext("cancel@jobs.test");
    await cancelOperation(ctx, id);
    const requested = await db.operation.findUniqueOrThrow({ where: { id } });
    expect(requested).toMatchObject({ state: "running", cancelRequestedBy: "cancel@jobs.test" });
    await expect(cancelOperation(ctx, id)).rejects.toThrow(/already asked to cancel/);

    gates.get(name)!();
    const op = await waitForOperation(id);
    expect(op.state).toBe("cancelled");
    expect(op.errorCode).toBe("OperationCancelled");
    expect(op.errorMessage).toBe(
      "Cancelled by cancel@jobs.test before step 2 of 3 (Create the VM); the steps before it had finished.",
    );
    expect(op.steps.map((s) => s.state)).toEqual(["succeeded", "pending", "pending"]);
    expect(stepsRun.filter((s) => s.startsWith(name))).toEqual([]);
    expect(followUps.get(id)).toBe(op.errorMessage);
    await expect(cancelOperation(ctx, id)).rejects.toThrow(/already cancelled/);
    const audit = await db.auditEvent.findFirst({ where: { action: "operation.cancel", targetId: id } });
    expect(audit?.actorEmail).toBe("cancel@jobs.test");
  });
});

describe("cancelling a wait (issue 12)", () => {
  const looked = (name: string, more: number) => {
    const now = looks.get(name) ?? 0;
    return until(
      async () => looks.get(name) ?? 0,
      (n) => n >= now + more,
      `${name} to look again`,
    );
  };

  it("stops a step waiting on another operation at its next look, the wait marked stopped", async () => {
    const { id, name } = await enqueue("test.waitsForOther");
    await looked(name, 2);
    await cancelOperation(await staffContext("cancel@jobs.test"), id);
    const op = await waitForOperation(id);
    expect(op.state).toBe("cancelled");
    expect(op.errorMessage).toBe("Cancelled by cancel@jobs.test while step 1 of 2 (Wait for the network) was waiting.");
    expect(op.steps.map((s) => s.state)).toEqual(["skipped", "pending"]);
    expect(op.steps[0]).toMatchObject({ errorCode: "OperationCancelled", continuation: null });
    expect(stepsRun.filter((s) => s.startsWith(name))).toEqual([]);
    expect(followUps.get(id)).toBe(op.errorMessage);
  });

  it("stops an endless wait on Azure of a kind whose waits only watch (a registration that never finishes)", async () => {
    const { id, name } = await enqueue("test.watchesAzure");
    await looked(name, 2);
    await cancelOperation(await staffContext("cancel@jobs.test"), id);
    const op = await waitForOperation(id);
    expect(op.state).toBe("cancelled");
    expect(op.errorMessage).toBe(
      "Cancelled by cancel@jobs.test while step 1 of 2 (Register Microsoft.Compute) was waiting.",
    );
    expect(op.steps.map((s) => s.state)).toEqual(["skipped", "pending"]);
    expect(op.steps[0].continuation).toBeNull();
    expect(op.attempts).toBe(1);
    expect(stepsRun.filter((s) => s.startsWith(name))).toEqual([]);
  });

  it("lets any other wait on Azure finish first: the cancel stays requested and the time limit marks the waiting step failed", async () => {
    const { id, name } = await enqueue("test.waitsOnAzure");
    await looked(name, 1);
    await cancelOperation(await staffContext("cancel@jobs.test"), id);
    const op = await waitForOperation(id);
    expect(op.state).toBe("failed");
    expect(op.errorCode).toBe("OperationTimedOut");
    expect(op.steps.map((s) => [s.state, s.errorCode])).toEqual([
      ["failed", "OperationTimedOut"],
      ["pending", null],
    ]);
  });
});

describe("cancelling between a request and its wait (issue 13)", () => {
  it("does not stop before the wait for a request already sent: Azure has it in hand", async () => {
    const { id, name } = await enqueue("test.sendsThenWaits");
    await until(
      () => db.operationStep.findFirst({ where: { operationId: id, position: 0 } }),
      (s) => s?.state === "running",
      "the request to be sent",
    );
    await cancelOperation(await staffContext("cancel@jobs.test"), id);
    gates.get(name)!();
    const op = await waitForOperation(id);
    // The wait began (its continuation stored) and only the time limit ended it: never settled as cancelled.
    expect(op.errorCode).toBe("OperationTimedOut");
    expect(op.steps.map((s) => [s.name, s.state])).toEqual([
      ["Create the VM", "succeeded"],
      ["Wait for provisioning", "failed"],
    ]);
  });
});

describe("kinds cancellable only while queued (issue 12)", () => {
  it("refuses a cancel once the operation runs, so what its first step did is never settled as a failure", async () => {
    const { id, name } = await enqueue("test.onlyQueued");
    await until(
      () => db.operationStep.findFirst({ where: { operationId: id, position: 0 } }),
      (s) => s?.state === "running",
      "the first step to run",
    );
    await expect(cancelOperation(await staffContext("cancel@jobs.test"), id)).rejects.toThrow(
      /has started and can no longer be cancelled/,
    );
    expect((await db.operation.findUniqueOrThrow({ where: { id } })).cancelRequestedAt).toBeNull();
    gates.get(name)!();
    const op = await waitForOperation(id);
    expect(op.state).toBe("succeeded");
    expect(stepsRun.filter((s) => s.startsWith(name))).toEqual([`${name}: Delete public IP`]);
    expect(followUps.has(id)).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "operation.cancel", targetId: id } })).toBe(0);
  });
});
