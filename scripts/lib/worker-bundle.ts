/**
 * The worker as the product runs it (issue 18, worker RSS): one ES module bundled from worker/main.ts by esbuild,
 * packages left to node_modules, run by plain node with a bounded heap.
 *
 * Run through tsx, a worker took 256 MB before its first job: tsx's loader thread is a second V8 isolate, and it turns
 * source maps on, so node reads and keeps the .js.map of every Azure SDK module it loads. During the 2,000-VM bulk the
 * heap then grew to 336 MB of which a full GC left 154 MB live: V8 on a 24 GiB machine collects late because it can.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";

export const workerBundle = (root: string) => path.join(root, "dist", "worker", "main.mjs");

/**
 * The old space a worker may use, in MB: a bulk's live heap after a full GC stays under half of it, so V8 collects
 * before RSS reaches the target rather than when the machine runs short. WORKER_MAX_OLD_SPACE_MB overrides.
 */
export const WORKER_MAX_OLD_SPACE_MB = 192;

/** node's flags for a worker: the bounded heap (young generation small too: many short-lived ARM responses). */
export function workerNodeFlags(env: Record<string, string | undefined> = process.env): string[] {
  const oldSpace = Number(env.WORKER_MAX_OLD_SPACE_MB) || WORKER_MAX_OLD_SPACE_MB;
  return [`--max-old-space-size=${oldSpace}`, "--max-semi-space-size=4"];
}

/**
 * The worker's environment: glibc keeps memory freed by V8's background threads (TurboFan compiling Prisma's 3 MB
 * WebAssembly query compiler, concurrent GC) in one malloc arena per thread, up to 8 per core. Two arenas: a hot query
 * loop peaked 19 MB lower (207 → 188 MB). MALLOC_ARENA_MAX set by the caller wins.
 */
export const workerEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  ...env,
  MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2",
});

/** The arguments for `node` that run the built worker. */
export const workerArgs = (root: string, env?: Record<string, string | undefined>) => [
  ...workerNodeFlags(env),
  workerBundle(root),
];

/**
 * Next's subpath modules (`next/headers`) have no package exports map: tsx and Next's bundler find `headers.js`, plain
 * node's ESM resolver needs the file name.
 */
const nextSubpaths: Plugin = {
  name: "next-subpaths",
  setup(build) {
    build.onResolve({ filter: /^next\/[\w-]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
  },
};

/** Bundles worker/main.ts into dist/worker/main.mjs (about 2 s); returns the file. */
export async function buildWorker(root: string): Promise<string> {
  const { build } = await import("esbuild");
  const outfile = workerBundle(root);
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["worker/main.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    plugins: [nextSubpaths],
    // Stack traces name the bundle's lines; the logs' messages and error codes are what operators read.
    sourcemap: false,
    logLevel: "warning",
    write: false,
  });
  // Written whole and renamed: a worker another stack starts meanwhile reads the old bundle or the new, never half.
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, outfile);
  return outfile;
}
