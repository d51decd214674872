/**
 * `npm test`: typecheck, lint, migration drift, vitest (unit + integration) and Playwright, in that order.
 * Prints one closing line "N passed, N failed" summed over every runner; exits non-zero on any failure.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./lib/stack.ts";

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
/** Names of what failed, repeated just above the closing line so a CI log's tail says which. */
const failures: string[] = [];
const resultsDir = path.join(repoRoot, "test-results");
mkdirSync(resultsDir, { recursive: true });
const polyfills = path.join(repoRoot, "scripts/lib/node20-polyfills.mjs");
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${polyfills}`.trim(),
};
const only = process.argv.slice(2);
const wants = (step: string) => only.length === 0 || only.includes(step);

function run(step: string, cmd: string, args: string[]) {
  console.log(`\n━━ ${step}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: repoRoot, env, stdio: "inherit" });
  console.log(`━━ ${step} ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return result.status === 0;
}

/** Runs one check with its output held back, so checks running side by side print one after another. */
function runQuietly(step: string, cmd: string, args: string[]) {
  const started = Date.now();
  return new Promise<boolean>((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      console.log(`\n━━ ${step}: ${cmd} ${args.join(" ")}\n${output.trimEnd()}`);
      console.log(`━━ ${step} ${code === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      resolve(code === 0);
    });
  });
}

/**
 * Checks that are not test runners count as one test each. They are single-threaded and independent, so they run
 * side by side (the typed client first: tsc needs generated/).
 */
async function checks(steps: [step: string, cmd: string, args: string[]][]) {
  const results = await Promise.all(
    steps.filter(([step]) => wants(step)).map(async ([step, cmd, args]) => [step, await runQuietly(step, cmd, args)]),
  );
  for (const [step, ok] of results) {
    if (ok) total.passed++;
    else {
      total.failed++;
      failures.push(step as string);
    }
  }
}

await checks([["client", "npx", ["tsx", "lib/api/client/generate.ts"]]]); // generated/, like the Prisma client
await checks([
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["migrations", "npx", ["tsx", "scripts/migrate.ts", "check"]],
]);

if (wants("unit")) {
  const out = path.join(resultsDir, "vitest.json");
  rmSync(out, { force: true });
  const ok = run("vitest", "npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    total.passed += report.numPassedTests;
    total.failed += report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
    total.skipped += report.numPendingTests + report.numTodoTests;
    for (const file of report.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status === "failed")
          failures.push(
            `vitest ${path.relative(repoRoot, file.name)} › ${t.fullName}: ${String(t.failureMessages?.[0] ?? "")
              .split("\n")[0]
              .slice(0, 300)}`,
          );
      }
      if (
        file.status === "failed" &&
        !(file.assertionResults ?? []).some((t: { status: string }) => t.status === "failed")
      ) {
        failures.push(
          `vitest ${path.relative(repoRoot, file.name)}: ${String(file.message ?? "")
            .split("\n")[0]
            .slice(0, 300)}`,
        );
      }
    }
  } else {
    total.failed++;
    failures.push("vitest (no report)");
  }
}

if (wants("e2e")) {
  // A fresh isolated stack for every run: its own database, emulator state and ports.
  rmSync(path.join(repoRoot, `.data/e2e-${process.env.E2E_PORT ?? 3210}`), { recursive: true, force: true });
  const out = path.join(resultsDir, "e2e.json");
  rmSync(out, { force: true });
  const ok = run("playwright", "npx", ["playwright", "test"]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    const stats = report.stats;
    total.passed += stats.expected + stats.flaky;
    total.failed += stats.unexpected + (ok || stats.unexpected > 0 ? 0 : 1);
    total.skipped += stats.skipped;
    for (const spec of playwrightSpecs(report.suites ?? [])) {
      if (!spec.ok) failures.push(`playwright ${spec.file}:${spec.line} › ${spec.title}`);
    }
  } else {
    total.failed++;
    failures.push("playwright (no report)");
  }
}

type PlaywrightSpec = { title: string; file: string; line: number; ok: boolean };
type PlaywrightSuite = { specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
function playwrightSpecs(suites: PlaywrightSuite[]): PlaywrightSpec[] {
  return suites.flatMap((s) => [...(s.specs ?? []), ...playwrightSpecs(s.suites ?? [])]);
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join("\n")}`);

writeFileSync(path.join(resultsDir, "summary.json"), JSON.stringify(total));
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed > 0 ? 1 : 0);
