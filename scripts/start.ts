/**
 * `npm start`: embedded PostgreSQL (or DATABASE_URL), migrations, the ARM emulator and demo seed (demo mode),
 * the worker and the web app, in one process tree. Ctrl-C stops them in reverse order. `--dev` runs `next dev`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { dataDir, loadLocalSecrets, repoRoot, startDataStores } from "./lib/stack.ts";
import { nextCli, startChild, stopChild, tsArgs, type Child } from "./lib/children.ts";
import { isBuildStale, markBuiltAsOf } from "./lib/build.ts";
import { webNodeFlags } from "./lib/web-heap.ts";
import { buildWorker, workerArgs, workerEnv } from "./lib/worker-bundle.ts";
import { migrateDeploy } from "./migrate.ts";

const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const isDemo = process.env.PORTAL_DEMO !== "0";
const log = (m: string) => console.log(`[portal] ${m}`);

async function main() {
  const started = Date.now();
  const secrets = loadLocalSecrets();
  const stores = await startDataStores({ log });
  const children: Child[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    for (const child of [...children].reverse()) await stopChild(child);
    await stores.stop();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const applied = await migrateDeploy(stores.databaseUrl);
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: stores.databaseUrl,
      AUTH_SECRET: secrets.authSecret,
      PORTAL_SECRET_KEY: secrets.portalSecretKey,
      PORTAL_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      EMULATOR_DATA_DIR: process.env.EMULATOR_DATA_DIR ?? path.join(dataDir, "emulator"),
      // The demo emulator runs Azure's modelled durations 5× faster (a VM create takes ~12 s, not a minute).
      EMU_TIME_SCALE: process.env.EMU_TIME_SCALE ?? "0.2",
      // The demo rolls usage up and rates it every 5 minutes (60 in production), so its Usage pages fill while you look.
      ...(isDemo ? { USAGE_ROLLUP_MINUTES: process.env.USAGE_ROLLUP_MINUTES ?? "5" } : {}),
      // The web's and worker's logs (lib/observability/logger.ts) as one readable line each, not JSON, in a terminal.
      LOG_FORMAT: process.env.LOG_FORMAT ?? "pretty",
      ...(process.stdout.isTTY && !process.env.NO_COLOR ? { LOG_COLOR: "1" } : {}),
    };
    Object.assign(process.env, env);

    let emulatorUrl: string | undefined;
    if (isDemo && existsSync(path.join(repoRoot, "emulator/main.ts"))) {
      const emulator = startChild({
        name: "emulator",
        cwd: repoRoot,
        args: tsArgs("emulator/main.ts"),
        env,
        ready: (line) => {
          if (!line.includes('"emulator":"ready"')) return false;
          emulatorUrl = JSON.parse(line).url;
          return true;
        },
      });
      children.push(emulator.child);
      await emulator.ready;
      env.EMULATOR_URL = emulatorUrl;
      process.env.EMULATOR_URL = emulatorUrl;
    }

    // The worker starts before the seed: the demo's subscriptions are validated by real operations. Outside --dev it
    // runs as in production: bundled, by plain node, with a bounded heap (scripts/lib/worker-bundle.ts, issue 18).
    if (!isDev) await buildWorker(repoRoot);
    const worker = startChild({
      name: "worker",
      cwd: repoRoot,
      args: isDev ? tsArgs("worker/main.ts") : workerArgs(repoRoot, env),
      env: isDev ? env : workerEnv(env),
      ready: (l) => l.includes('"worker":"ready"'),
    });
    children.push(worker.child);
    await worker.ready;

    if (isDemo) {
      const { seedDemo } = await import("./seed.ts");
      const emulator = emulatorUrl
        ? { url: emulatorUrl, dataDir: env.EMULATOR_DATA_DIR ?? path.join(dataDir, "emulator") }
        : undefined;
      await seedDemo({ log, emulator });
    }

    if (!isDev && isBuildStale(repoRoot)) {
      log("building the web app (first start or changed sources)…");
      const buildStarted = new Date();
      const build = spawnSync(process.execPath, [nextCli, "build"], {
        cwd: repoRoot,
        env: { ...env, NODE_ENV: "production" },
        stdio: "inherit",
      });
      if (build.status !== 0) throw new Error("next build failed");
      markBuiltAsOf(repoRoot, buildStarted);
    }
    const web = startChild({
      name: "web",
      cwd: repoRoot,
      // forwarded-for.mjs: the client address comes from the socket, not from what the client claims (issue 16).
      args: [
        // The production web's heap bound (scripts/lib/web-heap.ts); next dev keeps node's default.
        ...(isDev ? [] : webNodeFlags(env)),
        "--import",
        path.join(repoRoot, "scripts/lib/forwarded-for.mjs"),
        nextCli,
        isDev ? "dev" : "start",
        "-H",
        "127.0.0.1",
        "-p",
        String(port),
      ],
      env: isDev ? env : { ...env, NODE_ENV: "production" },
      ready: (l) => /Ready in|✓ Ready/.test(l),
      quiet: (l) => /^\s*$|▲ Next\.js|- Local:|- Network:|Starting\.\.\./.test(l),
    });
    children.push(web.child);
    await web.ready;

    for (const child of children) {
      child.exited.then((code) => {
        if (!stopping) {
          log(`${child.name} exited unexpectedly (code ${code}); stopping everything`);
          void shutdown(1);
        }
      });
    }
    printBanner({
      url: `http://127.0.0.1:${port}`,
      emulatorUrl,
      seconds: (Date.now() - started) / 1000,
      embedded: stores.embedded,
    });
  } catch (error) {
    console.error(`[portal] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

function printBanner(o: { url: string; emulatorUrl?: string; seconds: number; embedded: boolean }) {
  const lines = [
    "",
    `  Cloud Portal is running at ${o.url}   (ready in ${o.seconds.toFixed(1)} s)`,
    `  Database: ${o.embedded ? `embedded PostgreSQL in ${path.relative(repoRoot, path.join(dataDir, "pg"))}` : "DATABASE_URL"}${o.emulatorUrl ? `   ·   Azure emulator: ${o.emulatorUrl}` : ""}`,
  ];
  if (isDemo) {
    lines.push("", "  Demo sign-ins (password for all: Demo-Portal-2026!)");
    lines.push("    provider admin   admin@provider.example");
    lines.push("    helpdesk         helpdesk@provider.example");
    lines.push("    Contoso owner    owner@contoso.example      (reader: reader@contoso.example)");
    lines.push("    AcmeCorp owner   owner@acmecorp.example     (reader: reader@acmecorp.example)");
  }
  lines.push("", "  Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}

void main();
