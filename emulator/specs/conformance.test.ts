import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { coverage, exampleKey, notInIndex, percent, tally, type Coverage } from "./conformance/coverage.js";
import {
  fillGeneratedLocation,
  loadExamples,
  replayAll,
  unmodelledNeeds,
  type ExampleResult,
} from "./conformance/replay.js";

/**
 * Issue 17 point 5: the vendored x-ms-examples replayed against the emulator (the same run as
 * `npm run emulator:conformance`). The floor is the number of examples the vendored spec files reference that pass,
 * when it was last raised: raise it when more pass, never lower it.
 */
const CONFORMANCE_FLOOR = 261;

let emu: TestEmulator;
let results: ExampleResult[];
let cov: Coverage;
// 292 examples, each on a restored snapshot (VM creates among them), every reply checked against the vendored spec:
// about 50 s at load 20 (response validation is a third of it), more beside the rest of the suite.
beforeAll(async () => {
  emu = await startTestEmulator({ throttling: false });
  const examples = loadExamples();
  cov = coverage(examples);
  results = await replayAll(emu, examples);
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

  it("accounts for every x-ms-examples reference of the vendored spec files, and lists no stale one as unobtainable", () => {
    const referenced = new Set(cov.references.map((r) => exampleKey(r.path)));
    const vendored = new Set(cov.references.flatMap((r) => (r.status.kind === "vendored" ? [exampleKey(r.path)] : [])));
    const stale = [...notInIndex()].filter((key) => !referenced.has(key) || vendored.has(key));
    expect(stale).toEqual([]);
    // The same api-version's example in the repository's two folder layouts is one example.
    expect(
      exampleKey("specification/storage/resource-manager/Microsoft.Storage/stable/2026-09-01/examples/A.json@0a"),
    ).toBe(
      exampleKey("specification/storage/resource-manager/Microsoft.Storage/Storage/stable/2026-09-01/examples/A.json"),
    );
    const t = tally(results, cov);
    expect(t.notModelled + t.notInIndex + t.obtainable).toBe(t.referenced);
  });

  it("counts an example that needs a resource type the emulator does not model as failed, naming the type", () => {
    expect(
      unmodelledNeeds({
        properties: {
          availabilitySet: {
            id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/availabilitySets/a",
          },
        },
      }),
    ).toEqual(["availability set"]);
    const needing = results.filter((r) => r.detail.startsWith("needs "));
    expect(needing.length).toBeGreaterThan(0);
    expect(needing.filter((r) => r.passed)).toEqual([]);
  });

  it(`passes at least ${CONFORMANCE_FLOOR} of the referenced ones`, () => {
    const t = tally(results, cov);
    const failed = results.filter((r) => !r.passed).map((r) => `${r.file}: ${r.detail}`);
    expect(
      t.passed,
      `${percent(t)} of ${t.obtainable} obtainable; failed:\n${failed.join("\n")}`,
    ).toBeGreaterThanOrEqual(CONFORMANCE_FLOOR);
  });
});
