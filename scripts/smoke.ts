/**
 * Start-up smoke (issue 19): `npm start`'s stack on free ports with fresh data, then health ok, the demo admin's
 * sign-in through Auth.js's credentials endpoint (CSRF token and callback, as a browser posts them), and one VM
 * created against the emulator by a tenant API token from `npm run token:create`, waited on until its operation
 * succeeds. One line per check, `N passed, N failed` at the end, exit 1 on any failure; everything is stopped.
 *   node --import tsx scripts/smoke.ts            (scripts/ci-node-lts.sh runs it on Node 24)
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { startChild, stopChild, tsArgs, type Child } from "./lib/children.ts";
import { freePort } from "./lib/ports.ts";
import { repoRoot, startDataStores, type DataStores } from "./lib/stack.ts";
import { demoPassword } from "./seed.ts";

const dataDir = path.join(repoRoot, ".data", "smoke");
const results: { name: string; ok: boolean }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function check<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const value = await run();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return value;
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await sleep(500);
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s${last ? ` (last: ${last})` : ""}`);
}

/** Cookies as a browser keeps them: name=value pairs from Set-Cookie, sent back on the next request. */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  has = (name: string) => Boolean(this.cookies.get(name));
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signIn(base: string, email: string) {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password: demoPassword, callbackUrl: `${base}/admin` }),
  });
  jar.take(callback);
  const location = callback.headers.get("location") ?? "";
  if (callback.status !== 302 || location.includes("error="))
    throw new Error(`refused: ${callback.status} ${location}`);
  if (!jar.has("authjs.session-token")) throw new Error("no session cookie after the callback");
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie: jar.header() } })).json()) as {
    user?: { email?: string };
  };
  if (session.user?.email !== email) throw new Error(`the session names ${JSON.stringify(session.user)}`);
  const admin = await fetch(`${base}/admin`, { headers: { cookie: jar.header() }, redirect: "manual" });
  if (admin.status !== 200) throw new Error(`/admin answered ${admin.status} to the signed-in admin`);
}

async function createVm(base: string, databaseUrl: string) {
  const created = await promisify(execFile)(
    process.execPath,
    [...tsArgs("scripts/token-create.ts"), "--tenant", "contoso", "--role", "operator", "--name", "smoke"],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  const token = created.stdout.trim().split("\n").at(-1)!;
  if (!token.startsWith("azp_")) throw new Error(`npm run token:create printed no token: ${created.stdout}`);
  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${base}${p}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });
  const subs = (await (await api("/api/v1/tenants/contoso/subscriptions")).json()) as { value: { id: string }[] };
  const posted = await api("/api/v1/tenants/contoso/vms", {
    method: "POST",
    body: JSON.stringify({
      tenantSubscriptionId: subs.value[0].id,
      region: "westeurope",
      image: "Canonical:ubuntu-24_04-lts:server:latest",
      osType: "Linux",
      size: "Standard_B2s",
      name: "smoke-01",
      adminUsername: "azureops",
      authType: "password",
      adminPassword: "Correct-Horse-42!",
      publicIp: false,
    }),
  });
  const body = (await posted.json()) as { operations?: { href: string }[] };
  if (posted.status !== 202) throw new Error(`POST /vms answered ${posted.status}: ${JSON.stringify(body)}`);
  let op: { state: string } = { state: "queued" };
  await until("the VM's operation to finish", 180_000, async () => {
    op = (await (await api(body.operations![0].href)).json()) as { state: string };
    return ["succeeded", "failed", "cancelled"].includes(op.state) ? op : undefined;
  });
  if (op.state !== "succeeded") throw new Error(`the operation ${op.state}: ${JSON.stringify(op)}`);
}

async function main() {
  delete process.env.DATABASE_URL; // always a throwaway embedded database: the stack seeds demo data
  rmSync(dataDir, { recursive: true, force: true });
  const [webPort, emulatorPort, pgPort] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${webPort}`;
  console.log(`smoke on Node ${process.version}: web ${webPort}, emulator ${emulatorPort}, PostgreSQL ${pgPort}`);

  let stores: DataStores | undefined;
  let portal: Child | undefined;
  const stop = async () => {
    if (portal) await stopChild(portal, 30_000);
    const code = portal ? await portal.exited : 0;
    await stores?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`npm start's process ended with code ${code}`);
  };
  const interrupted = () => void stop().then(() => process.exit(130));
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);

  try {
    await check("stack up (npm start: PostgreSQL, migrations, emulator, seed, worker, web)", async () => {
      stores = await startDataStores({ log: () => {}, pgDir: path.join(dataDir, "pg"), port: pgPort });
      const started = startChild({
        name: "portal",
        cwd: repoRoot,
        args: tsArgs("scripts/start.ts"),
        env: {
          ...process.env,
          DATABASE_URL: stores.databaseUrl,
          PORTAL_DATA_DIR: dataDir,
          PORT: String(webPort),
          EMULATOR_PORT: String(emulatorPort),
          EMU_TIME_SCALE: "0.02",
        },
        ready: (line) => line.includes("Cloud Portal is running at"),
        quiet: (line) => !/error|fail|warn/i.test(line),
      });
      portal = started.child;
      await Promise.race([started.ready, sleep(600_000).then(() => Promise.reject(new Error("not up in 10 min")))]);
    });
    await check("health ok (/api/health 200, status ok)", () =>
      until("status ok", 60_000, async () => {
        const health = await fetch(`${base}/api/health`);
        return health.status === 200 && ((await health.json()) as { status: string }).status === "ok"
          ? true
          : undefined;
      }),
    );
    await check("sign-in as the demo admin (CSRF token, credentials callback, session, /admin)", () =>
      signIn(base, "admin@provider.example"),
    );
    await check("VM created against the emulator through the REST API with a token:create token", () =>
      createVm(base, stores!.databaseUrl),
    );
  } catch {
    // reported by check(); the remaining checks need what failed
  } finally {
    await check("stopped cleanly", stop).catch(() => {});
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main();
