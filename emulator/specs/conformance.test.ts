import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { fillGeneratedLocation, loadExamples, replayAll, type ExampleResult } from "./conformance/replay.js";

/**
 * Issue 17 point 5: the vendored x-ms-examples replayed against the emulator (the same run as
 * `npm run emulator:conformance`). The floor is the pass count when it was last raised: raise it when more
 * examples pass, never lower it.
 */
const CONFORMANCE_FLOOR = 143;

let emu: TestEmulator;
let results: ExampleResult[];
// 148 examples, each on a restored snapshot (VM creates among them): about 30 s alone, more beside the rest of the suite.
beforeAll(async () => {
  emu = await startTestEmulator({ throttling: false });
  results = await replayAll(emu);
}, 300_000);
afterAll(async () => {
  await emu?.close();
});

describe("Azure's published examples replayed against the emulator", () => {
  it("replays every vendored example, each with a modelled operation", () => {
    expect(results).toHaveLength(loadExamples().length);
    expect(results.filter((r) => /not modelled/.test(r.detail))).toEqual([]);
  });

  it("fills a generator's random location only in generated examples, and never a well-formed region name", () => {
    expect(fillGeneratedLocation("compute/Usage_List_MaximumSet_Gen.json", "4_.")).toBe("eastus");
    expect(fillGeneratedLocation("compute/Usage_List_MaximumSet_Gen.json", "brazilsouth")).toBe("brazilsouth");
    expect(fillGeneratedLocation("compute/VirtualMachineSizes_List.json", "._..")).toBe("._..");
  });

  it(`passes at least ${CONFORMANCE_FLOOR} of them`, () => {
    const failed = results.filter((r) => !r.passed).map((r) => `${r.file}: ${r.detail}`);
    expect(results.length - failed.length, failed.join("\n")).toBeGreaterThanOrEqual(CONFORMANCE_FLOOR);
  });
});
