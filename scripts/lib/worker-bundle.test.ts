import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { webNodeFlags, WEB_MAX_OLD_SPACE_MB } from "./web-heap";
import { buildWorker, workerArgs, workerBundle, workerNodeFlags, WORKER_MAX_OLD_SPACE_MB } from "./worker-bundle";

const root = path.resolve(import.meta.dirname, "../..");

describe("the worker bundle and the heap bounds", () => {
  it("runs on plain node: every import resolves and the worker gets as far as its database", async () => {
    expect(await buildWorker(root)).toBe(workerBundle(root));
    // Port 1 refuses the connection: the worker fails to start on the database, after every module has loaded.
    const run = spawnSync(process.execPath, workerArgs(root, {}), {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "postgresql://portal:x@127.0.0.1:1/portal", LOG_FORMAT: "json" },
      encoding: "utf8",
      timeout: 60_000,
    });
    const output = run.stdout + run.stderr;
    expect(output).not.toContain("ERR_MODULE_NOT_FOUND");
    expect(output).toContain("ECONNREFUSED");
    expect(run.status).toBe(1);
  });

  it("is what `npm run worker` runs, with the same heap bounds, which WORKER_MAX_OLD_SPACE_MB can raise", () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.worker).toContain(["node", ...workerArgs(".", {})].join(" "));
    expect(workerNodeFlags({})).toContain(`--max-old-space-size=${WORKER_MAX_OLD_SPACE_MB}`);
    expect(workerNodeFlags({ WORKER_MAX_OLD_SPACE_MB: "512" })).toContain("--max-old-space-size=512");
  });

  it("leaves the web its own bound, which WEB_MAX_OLD_SPACE_MB can raise", () => {
    expect(webNodeFlags({})).toContain(`--max-old-space-size=${WEB_MAX_OLD_SPACE_MB}`);
    expect(webNodeFlags({ WEB_MAX_OLD_SPACE_MB: "512" })).toContain("--max-old-space-size=512");
  });
});
