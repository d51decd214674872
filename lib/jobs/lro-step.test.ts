import { describe, expect, it } from "vitest";
import type { AzureAccess } from "@/lib/azure";
import { armSteps, resume, sent } from "./lro-step";

// The recorder's side is StepRecorder.lroStep (runner.test.ts); this checks what armSteps hands it as the first answer.
const firstAnswer = async (send: Parameters<ReturnType<typeof armSteps>["lro"]>[1]) => {
  let first: unknown;
  const steps = {
    lroStep: async <T>(_name: string, lro: { start: () => Promise<unknown> }) => {
      first = await lro.start();
      return undefined as T;
    },
  };
  await armSteps(steps, {} as AzureAccess).lro("Wait", send);
  return first;
};

describe("armSteps", () => {
  it("passes Azure's first answer through, hints included", async () => {
    const answer = { done: false as const, continuation: "c1", typicalMs: 4_000 };
    expect(await firstAnswer(async () => answer)).toEqual(answer);
  });

  it("waits out a request sent in an earlier step until its first poll is due, without polling", async () => {
    const s = sent({ done: false, continuation: "c2", typicalMs: 60_000 });
    const first = (await firstAnswer(async () => s)) as { continuation: string; waitMs: number };
    expect(first.continuation).toBe("c2");
    expect(first.waitMs).toBeGreaterThan(0);
  });

  it("returns a finished request's result as it is", async () => {
    expect(await firstAnswer(async () => sent({ done: true, result: 7 }))).toEqual({ done: true, result: 7 });
    expect(resume("c3")).toEqual({ done: false, continuation: "c3", pollAt: 0 });
  });
});
