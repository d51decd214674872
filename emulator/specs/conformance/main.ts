import { startTestEmulator } from "../../testing.js";
import { coverage, percent, tally } from "./coverage.js";
import { loadExamples, replayAll } from "./replay.js";

/**
 * `npm run emulator:conformance`: replays the vendored x-ms-examples, one line per example, then the coverage of
 * every x-ms-examples reference in the vendored spec files (each one not vendored with its reason) and the tally.
 * The percentage is passed ÷ referenced-and-obtainable (referenced examples of modelled operations the index holds).
 */
const examples = loadExamples();
const cov = coverage(examples);
const emu = await startTestEmulator({ throttling: false });
try {
  const results = await replayAll(emu, examples);
  const extra = new Set(cov.extra.map((e) => e.file));
  for (const r of results)
    console.log(
      `${r.passed ? "PASS" : "FAIL"}${extra.has(r.file) ? " (not referenced)" : ""} ${r.file} ${r.operationId}: ${r.detail}`,
    );
  console.log("\nNot vendored:");
  for (const ref of cov.references) {
    const reason =
      ref.status.kind === "not modelled"
        ? `operation ${ref.operationId} is not modelled`
        : ref.status.kind === "not in index"
          ? "not in the index this repository was built from"
          : ref.status.kind === "obtainable, not vendored"
            ? "obtainable, NOT VENDORED (counts as not passed)"
            : undefined;
    if (reason) console.log(`- ${ref.path.replace(/^specification\//, "")} (${ref.operationId}): ${reason}`);
  }
  const t = tally(results, cov);
  console.log(
    `\nReferenced by the vendored spec files: ${t.referenced} examples; ${t.notModelled} of operations not modelled, ` +
      `${t.notInIndex} not in the index, ${t.obtainable} obtainable, ${t.vendored} of them vendored.`,
  );
  console.log(
    `Also replayed: ${cov.extra.length} vendored examples no vendored spec file references (other api-versions or ` +
      `commits): ${t.extraPassed} passed, ${t.extraFailed} failed.`,
  );
  console.log(`Referenced and obtainable: ${t.passed} of ${t.obtainable} pass (${percent(t)}).`);
  console.log(`${t.passed} passed, ${t.failed} failed`);
} finally {
  await emu.close();
}
