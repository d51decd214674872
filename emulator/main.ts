import { startEmulator } from "./server.js";

const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
const retry = process.env.EMU_RETRY_AFTER;

const emulator = await startEmulator({
  port: num(process.env.EMULATOR_PORT) ?? 8443,
  dataDir: process.env.EMULATOR_DATA_DIR || ".data/emulator",
  timeScale: num(process.env.EMU_TIME_SCALE),
  retryAfterSeconds:
    retry === undefined || retry === "" ? undefined : retry === "none" || retry === "null" ? null : Number(retry),
  pageSize: num(process.env.EMU_PAGE_SIZE),
  throttling:
    process.env.EMU_THROTTLING === undefined ? undefined : !/^(0|false|off|no)$/i.test(process.env.EMU_THROTTLING),
});
process.stdout.write(JSON.stringify({ emulator: "ready", url: emulator.url }) + "\n");

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  process.stderr.write(`[emulator] stopped on ${signal}, state saved\n`);
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

// Under `npm start`, stop (saving state) when the starter is gone, even after a kill -9, rather than linger.
const parentPid = Number(process.env.PORTAL_PARENT_PID);
if (parentPid) {
  setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      void stop("parent exit");
    }
  }, 2_000).unref();
}
