/**
 * `npm test`: typecheck, lint, migration drift, vitest (unit + integration) and Playwright, in that order.
 * Prints one closing line "N passed, N failed" summed over every runner; exits non-zero on any failure.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isBuildStale, markBuiltAsOf } from "./lib/build.ts";
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

function run(step: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n━━ ${step}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: repoRoot, env: { ...env, ...extraEnv }, stdio: "inherit" });
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

if (wants("e2e")) await e2e();

/**
 * Playwright on E2E_STACKS isolated stacks side by side (default 2; each its own database, emulator, worker and web
 * on its own ports: the first on E2E_PORT / E2E_PGPORT / E2E_EMULATOR_PORT, the next 5 above each), one worker
 * each, with the spec files shared out by their time (e2e/support/durations.json). Every spec still runs once, on a
 * stack of its own seeded like npm start's, in the usual order among the files it shares a stack with.
 */
async function e2e() {
  const stacks = Math.max(1, Number(process.env.E2E_STACKS ?? 2));
  const base = {
    port: Number(process.env.E2E_PORT ?? 3210),
    pgPort: Number(process.env.E2E_PGPORT ?? 54339),
    emulatorPort: Number(process.env.E2E_EMULATOR_PORT ?? 8444),
  };
  // The stacks would each build a stale app at once, into the same .next: build it once before they start.
  if (isBuildStale(repoRoot)) {
    const builtAsOf = new Date();
    const ok = run("build", "npx", ["next", "build"], { NODE_ENV: "production" });
    if (!ok) {
      total.failed++;
      failures.push("playwright (the web app did not build)");
      return;
    }
    markBuiltAsOf(repoRoot, builtAsOf);
  }
  // `scripts/test.ts e2e e2e/auth/csp.spec.ts …` runs only the spec files named.
  const named = only.filter((a) => a.endsWith(".spec.ts"));
  const groups = shareOut(named.length ? named : specFiles(), stacks);
  console.log(`\n━━ playwright on ${groups.length} stack${groups.length > 1 ? "s" : ""} side by side`);
  const started = Date.now();
  const results = await Promise.all(
    groups.map(async (files, i) => {
      const port = base.port + 5 * i;
      // A fresh isolated stack for every run: its own database, emulator state and ports.
      rmSync(path.join(repoRoot, `.data/e2e-${port}`), { recursive: true, force: true });
      const out = path.join(resultsDir, groups.length > 1 ? `e2e-${i + 1}.json` : "e2e.json");
      rmSync(out, { force: true });
      const label = `[e2e ${i + 1}/${groups.length}] `;
      console.log(`${label}${files.join(" ")}`);
      const ok = await runPrefixed(label, "npx", ["playwright", "test", ...files], {
        E2E_PORT: String(port),
        E2E_PGPORT: String(base.pgPort + 5 * i),
        E2E_EMULATOR_PORT: String(base.emulatorPort + 5 * i),
        // The OIDC issuer e2e/auth/sso.spec.ts starts: 1000 above E2E_PORT unless set.
        ...(process.env.E2E_SSO_PORT ? { E2E_SSO_PORT: String(Number(process.env.E2E_SSO_PORT) + 5 * i) } : {}),
        E2E_REPORT: out,
        E2E_OUTPUT_DIR: path.join(resultsDir, groups.length > 1 ? `playwright-${i + 1}` : "playwright"),
      });
      return { ok, out, label };
    }),
  );
  const ok = results.every((r) => r.ok);
  console.log(`━━ playwright ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const result of results) {
    if (existsSync(result.out)) {
      const report = JSON.parse(readFileSync(result.out, "utf8"));
      const stats = report.stats;
      total.passed += stats.expected + stats.flaky;
      total.failed += stats.unexpected + (result.ok || stats.unexpected > 0 ? 0 : 1);
      total.skipped += stats.skipped;
      for (const spec of playwrightSpecs(report.suites ?? [])) {
        if (!spec.ok) failures.push(`playwright ${spec.file}:${spec.line} › ${spec.title}`);
      }
    } else {
      total.failed++;
      failures.push(`playwright ${result.label.trim()} (no report)`);
    }
  }
}

/** The spec files under e2e/, as paths from the repository's root. */
function specFiles() {
  return (readdirSync(path.join(repoRoot, "e2e"), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".spec.ts"))
    .map((f) => path.posix.join("e2e", f.split(path.sep).join("/")))
    .sort();
}

/** Longest first, each to the least loaded group; each group keeps the files' usual (alphabetical) order. */
function shareOut(files: string[], groups: number) {
  const durations = JSON.parse(readFileSync(path.join(repoRoot, "e2e/support/durations.json"), "utf8"));
  const seconds = (f: string) => (typeof durations[f] === "number" ? durations[f] : 20);
  const bins = Array.from({ length: Math.min(groups, files.length) }, () => ({ seconds: 0, files: [] as string[] }));
  for (const f of [...files].sort((a, b) => seconds(b) - seconds(a))) {
    const bin = bins.reduce((least, b) => (b.seconds < least.seconds ? b : least));
    bin.seconds += seconds(f);
    bin.files.push(f);
  }
  return bins.map((b) => b.files.sort());
}

/** Runs a command with each line of its output prefixed, so runners side by side stay readable. */
function runPrefixed(prefix: string, cmd: string, args: string[], extraEnv: Record<string, string>) {
  return new Promise<boolean>((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = "";
      stream.on("data", (d) => {
        const lines = (rest + d).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) console.log(prefix + line);
      });
      stream.on("end", () => rest && console.log(prefix + rest));
    }
    child.on("close", (code) => resolve(code === 0));
  });
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
