import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import readline from "node:readline";

const require = createRequire(import.meta.url);
export const nextCli = require.resolve("next/dist/bin/next");
/** Runs a TypeScript program in node itself (no tsx wrapper process in between to relay signals). */
export const tsArgs = (file: string) => ["--import", "tsx", file];

export type Child = { name: string; proc: ChildProcess; exited: Promise<number | null> };

/** Starts a node program with prefixed output; resolves `ready` when a stdout line matches. */
export function startChild(opts: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  ready?: (line: string) => boolean;
  quiet?: (line: string) => boolean;
}): { child: Child; ready: Promise<void> } {
  // Detached: a terminal's Ctrl-C reaches only us, and we stop the children in order (web, worker, emulator, database).
  const proc = spawn(process.execPath, opts.args, {
    cwd: opts.cwd,
    env: { ...opts.env, PORTAL_PARENT_PID: String(process.pid) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  let markReady: () => void = () => {};
  let failReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  if (!opts.ready) markReady();
  const pipe = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    readline.createInterface({ input: stream }).on("line", (line) => {
      if (opts.ready?.(line)) markReady();
      else if (!opts.quiet?.(line)) out.write(`[${opts.name}] ${line}\n`);
    });
  };
  pipe(proc.stdout!, process.stdout);
  pipe(proc.stderr!, process.stderr);
  exited.then((code) => failReady(new Error(`${opts.name} exited with code ${code} before it was ready`)));
  return { child: { name: opts.name, proc, exited }, ready };
}

export async function stopChild(child: Child, timeoutMs = 10_000) {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), timeoutMs);
  await child.exited;
  clearTimeout(timer);
}
