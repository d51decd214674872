import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

const sources = [
  "app",
  "components",
  "lib",
  "generated",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** A production build is stale when any source is newer than .next/BUILD_ID. */
export function isBuildStale(root: string) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

/**
 * Dates the build at its start: a source edited while `next build` ran may not be in it, and must make the next
 * start build again.
 */
export function markBuiltAsOf(root: string, startedAt: Date) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (existsSync(buildId)) utimesSync(buildId, startedAt, startedAt);
}
