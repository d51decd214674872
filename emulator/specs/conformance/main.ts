import { startTestEmulator } from "../../testing.js";
import { replayAll } from "./replay.js";

/** `npm run emulator:conformance`: replays the vendored x-ms-examples and prints one line per example and the tally. */
const emu = await startTestEmulator({ throttling: false });
try {
  const results = await replayAll(emu);
  for (const r of results) console.log(`${r.passed ? "PASS" : "FAIL"} ${r.file} ${r.operationId}: ${r.detail}`);
  const passed = results.filter((r) => r.passed).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
} finally {
  await emu.close();
}
