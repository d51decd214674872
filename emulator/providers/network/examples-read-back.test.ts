import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../../seed.js";
import { OPERATIONS } from "../../specs/conformance/operations.js";
import { loadExamples, replayExample } from "../../specs/conformance/replay.js";

/**
 * The conformance replay checks status codes only. Here every vendored network create example is replayed and the
 * resource read back: each value the example sent must come back (ARM ids compared without their subscription, which
 * the replay rewrites; strings without case). This is how dropped properties (outbound rules, NAT pools, DNS label
 * scope, delegations …) were found.
 */
type Json = Record<string, unknown>;

/** Every leaf of a request body as [path, value]; array items are addressed by name when they have one. */
function leaves(value: unknown, path = ""): [string, unknown][] {
  if (Array.isArray(value))
    return value.flatMap((x, i) => leaves(x, `${path}[${String((x as Json | null)?.name ?? i)}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, x]) => leaves(x, `${path}.${k}`));
  return [[path, value]];
}

function at(body: unknown, path: string): unknown {
  let cur = body;
  for (const step of path.match(/\.[^.[]+|\[[^\]]+\]/g) ?? []) {
    if (step.startsWith(".")) cur = (cur as Json | undefined)?.[step.slice(1)];
    else {
      const key = step.slice(1, -1);
      const items = Array.isArray(cur) ? (cur as Json[]) : [];
      cur = items.find((x) => x?.name === key) ?? items[Number(key)];
    }
  }
  return cur;
}

const withoutSubscription = (v: string) => v.toLowerCase().replace(/^\/subscriptions\/[^/]+/, "");
const same = (sent: unknown, got: unknown) =>
  typeof sent === "string" && typeof got === "string"
    ? withoutSubscription(sent) === withoutSubscription(got)
    : sent === got;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ throttling: false });
});
afterAll(async () => {
  await emu?.close();
});

describe("published network create examples, read back", () => {
  it("keep every value they send", async () => {
    const examples = loadExamples().filter(
      (e) => e.file.startsWith("network/") && e.operationId.endsWith("_CreateOrUpdate"),
    );
    expect(examples.length).toBeGreaterThan(30);
    const baseline = await emu.control.snapshot();
    const dropped: string[] = [];
    let checked = 0;
    for (const example of examples) {
      await emu.control.restore({ state: baseline });
      const replayed = await replayExample(emu, example);
      // A refused example is the conformance run's to report.
      if (!replayed.passed) continue;
      const params = { ...example.parameters, subscriptionId: PROVIDER_SUBSCRIPTION_ID } as Json;
      const path = OPERATIONS[example.operationId].path.replace(/\{([^}]+)\}/g, (_, n: string) => String(params[n]));
      // The create finishes in the background; the read shows what was kept either way.
      const res = await emu.arm(PROVIDER_APP_ID, "GET", `${path}?api-version=${String(params["api-version"])}`);
      expect(res.status, example.file).toBe(200);
      // The body is the one object among the parameters (`parameters`, `subnetParameters` …).
      const body = Object.values(example.parameters).find((v) => v && typeof v === "object" && !Array.isArray(v));
      for (const [p, sent] of leaves(body)) {
        // A body may carry its own id; ARM answers with the path's.
        if (p === ".id") continue;
        checked++;
        if (!same(sent, at(res.body, p)))
          dropped.push(`${example.file} ${p}: sent ${JSON.stringify(sent)}, read ${JSON.stringify(at(res.body, p))}`);
      }
    }
    // About 390 values across the examples (a guard against comparing nothing).
    expect(checked).toBeGreaterThan(300);
    expect(dropped).toEqual([]);
  }, 120_000);
});
