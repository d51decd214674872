import { describe, expect, it } from "vitest";
import type { AzureAccess } from "@/lib/azure";
import { armSteps, resume, sent, type Progress, type Wait } from "./wait-step";

// The recorder's side is StepRecorder.wait (runner.test.ts); this checks what armSteps hands it as the first look.
const recorder = () => {
  const seen: { name: string; first?: Progress<unknown> }[] = [];
  return {
    seen,
    step: async <T>(name: string, fn: () => Promise<T>) => (seen.push({ name }), fn()),
    wait: async <T>(name: string, wait: Wait<T>) => {
      seen.push({ name, first: await wait.begin(0) });
      return undefined as T;
    },
  };
};
const firstLook = async (send: Parameters<ReturnType<typeof armSteps>["lro"]>[1]) => {
  const steps = recorder();
  await armSteps(steps, {} as AzureAccess).lro("Wait", send);
  return steps.seen[0].first;
};

describe("armSteps", () => {
  it("passes Azure's first answer through, hints included", async () => {
    const answer = { done: false as const, continuation: "c1", typicalMs: 4_000 };
    expect(await firstLook(async () => answer)).toEqual(answer);
  });

  it("waits out a request sent in an earlier step until its first poll is due, without polling", async () => {
    const s = sent({ done: false, continuation: "c2", typicalMs: 60_000 });
    const first = (await firstLook(async () => s)) as { continuation: string; waitMs: number };
    expect(first.continuation).toBe("c2");
    expect(first.waitMs).toBeGreaterThan(0);
  });

  it("returns a finished request's result as it is", async () => {
    expect(await firstLook(async () => sent({ done: true, result: 7 }))).toEqual({ done: true, result: 7 });
    expect(resume("c3")).toEqual({ done: false, continuation: "c3", pollAt: 0 });
  });

  it("passes a pending answer (nothing sent yet) through with its reason", async () => {
    const pending = { done: false as const, reason: "network being created by another operation", waitMs: 900 };
    expect(await firstLook(async () => pending)).toEqual(pending);
  });

  it("sends in one step and waits for it in another, by name", async () => {
    const steps = recorder();
    const arm = armSteps(steps, {} as AzureAccess);
    const s = await arm.send("Create public IP", async () => ({ done: false, continuation: "c4", typicalMs: 1_000 }));
    expect(s).toMatchObject({ done: false, continuation: "c4" });
    await arm.wait("Wait for public IP", s);
    expect(steps.seen.map((x) => x.name)).toEqual(["Create public IP", "Wait for public IP"]);
    expect(steps.seen[1].first).toMatchObject({ done: false, continuation: "c4" });
  });
});
