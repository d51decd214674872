/**
 * `npm run scaleout`: proves the scale-out (issue 19 point 3) on a throwaway stack — 2 `next start` web processes
 * behind a round-robin proxy, 3 workers, one PostgreSQL, the ARM emulator — with a web process killed, workers
 * killed, PostgreSQL restarted and Azure unreachable while 50 VMs are created (scripts/scaleout/run.ts). Prints a
 * table and `N passed, N failed`; exits non-zero when a check fails.
 *
 * Flags: --vms (50) --time-scale (emulator clock, 1: a VM create takes 60 s) --outage-s (60, wall clock)
 *   --step-s (5: seconds between the faults after the submit) --timeout-s (300) --json <file> (the rows as JSON)
 *   --ci (10 VMs, time scale 0.1, a 10 s outage, 3 s steps, 90 s timeout: the CI-sized run of e2e/ops/scaleout.spec.ts)
 *   --no-build (use the existing .next build even if sources are newer)
 *   --skip web,workers,postgres,azure (leave faults out, to tell which one a problem comes from)
 * The web processes serve the production build: it is built first when missing or older than the sources.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { flag, hasFlag, numberFlag, printTable } from "./bench/report.ts";
import { isBuildStale, markBuiltAsOf } from "./lib/build.ts";
import { nextCli } from "./lib/children.ts";
import { repoRoot } from "./lib/stack.ts";
import { runScaleOut } from "./scaleout/run.ts";

const log = (m: string) => console.log(`[scaleout] ${m}`);

async function main() {
  const ci = hasFlag("ci");
  const settings = {
    vms: Math.max(1, Math.round(numberFlag("vms", undefined, ci ? 10 : 50))),
    timeScale: numberFlag("time-scale", undefined, ci ? 0.1 : 1),
    outageSeconds: numberFlag("outage-s", undefined, ci ? 10 : 60),
    stepSeconds: numberFlag("step-s", undefined, ci ? 3 : 5),
    timeoutSeconds: numberFlag("timeout-s", undefined, ci ? 90 : 300),
  };
  log(`settings: ${JSON.stringify(settings)}`);
  if (!hasFlag("no-build") && isBuildStale(repoRoot)) {
    log("building the web app (missing or older than the sources)…");
    const buildStarted = new Date();
    const build = spawnSync(process.execPath, [nextCli, "build"], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("next build failed");
    markBuiltAsOf(repoRoot, buildStarted);
  }
  const skip = flag("skip", undefined)?.split(",").filter(Boolean) ?? [];
  if (skip.length) log(`leaving out: ${skip.join(", ")} (a diagnosis run: the checks of those faults fail)`);
  const result = await runScaleOut({ ...settings, skip, log });
  printTable(result.rows);
  const out = flag("json", undefined);
  if (out) {
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, JSON.stringify({ settings, ...result }, null, 2));
  }
  log(`total ${result.seconds.toFixed(0)} s`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed ? 2 : 0);
}

main().catch((error) => {
  console.error("[scaleout] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
