import { createServer, type Server } from "node:https";
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { Runtime } from "./core/runtime.js";
import { handleRequest } from "./core/http.js";
import { loadOrCreateCert, loadOrCreateControlToken } from "./core/cert.js";
import { emptyState } from "./core/state.js";
import { operationRoutes } from "./core/operation-routes.js";
import { registerCatalog } from "./core/catalog.js";
import type { Limits } from "./core/throttling.js";
import type { ProviderPlugin } from "./core/plugin.js";
import { applyDemoSeed } from "./seed.js";

export interface EmulatorOptions {
  /** 0 = random free port. Default EMULATOR_PORT or 8443. */
  port?: number;
  dataDir: string;
  timeScale?: number;
  /** Retry-After seconds on LRO responses; null = no header (tests). Default 1. */
  retryAfterSeconds?: number | null;
  pageSize?: number;
  throttling?: boolean | Partial<Limits>;
  persist?: boolean;
  /** Seed applied when no saved state exists. Default "demo". */
  seed?: "demo" | "none";
  tokenLifetimeSeconds?: number;
  /** Check every ARM reply against the vendored specs (default: EMU_VALIDATE_RESPONSES=1). */
  validateResponses?: boolean;
  /** Replaces auto-discovery of emulator/providers/*.ts (core routes are always present). */
  providers?: ProviderPlugin[];
}

export interface RunningEmulator {
  url: string;
  caPem: string;
  controlToken: string;
  /** Replies that did not match their spec so far (only recorded with validateResponses). */
  responseMismatches(): string[];
  close(): Promise<void>;
}

/** Imports every `emulator/providers/*.ts` (not tests) and takes its default export as a plugin. */
export async function discoverProviders(): Promise<ProviderPlugin[]> {
  const dir = fileURLToPath(new URL("./providers/", import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !/\.(test|spec)\.ts$/.test(f) && !f.endsWith(".d.ts"))
    .sort();
  const plugins: ProviderPlugin[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: ProviderPlugin };
    if (!mod.default?.routes) throw new Error(`emulator/providers/${f} must export default defineProvider({...})`);
    plugins.push(mod.default);
  }
  return plugins;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const plugins = [operationRoutes, ...(options.providers ?? (await discoverProviders()))];
  registerCatalog(plugins);
  const rt = new Runtime(
    {
      timeScale: options.timeScale ?? 1,
      retryAfterSeconds: options.retryAfterSeconds === undefined ? 1 : options.retryAfterSeconds,
      pageSize: options.pageSize ?? 100,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
      validateResponses: options.validateResponses ?? process.env.EMU_VALIDATE_RESPONSES === "1",
    },
    plugins,
    { dataDir: options.dataDir, persist: options.persist ?? true, throttling: options.throttling },
  );
  rt.controlToken = loadOrCreateControlToken(options.dataDir);
  rt.resetState = (seed) => {
    rt.store.replace(emptyState());
    if (seed === "demo") applyDemoSeed(rt);
  };
  rt.applyDemoSeed = () => applyDemoSeed(rt);
  const saved = rt.persistence.load();
  if (saved) rt.store.state = saved;
  else rt.resetState(options.seed ?? "demo");

  const tls = await loadOrCreateCert(options.dataDir);
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    void handleRequest(rt, req, res);
  });
  // Idle keep-alive connections stay open as long as Azure's front ends keep them (an Azure Load Balancer's idle timeout is
  // 4 minutes by default), not Node's 5 s: a server closing an idle connection just as a client reuses it is a reset
  // (ECONNRESET) a client of real ARM rarely meets, and on a loaded machine the emulator made it common. Headers must
  // outlast it (Node's advice, or that race comes back).
  server.keepAliveTimeout = 240_000;
  server.headersTimeout = 241_000;
  const port = options.port ?? Number(process.env.EMULATOR_PORT ?? 8443);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  rt.baseUrl = `https://127.0.0.1:${actualPort}`;
  let closed = false;
  return {
    url: rt.baseUrl,
    caPem: tls.cert,
    controlToken: rt.controlToken,
    responseMismatches: () => [...rt.responseMismatches],
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      rt.persistence.flush();
    },
  };
}
