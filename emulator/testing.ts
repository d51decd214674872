import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ClientSecretCredential } from "@azure/identity";
import { ResourceManagementClient } from "@azure/arm-resources";
import { StorageManagementClient } from "@azure/arm-storage";
import {
  createPipelineFromOptions,
  createHttpHeaders,
  createPipelineRequest,
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  type Pipeline,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server.js";
import { EmulatorControl, type SeedInfo } from "./client.js";
import type { JsonBody } from "./core/plugin.js";

export const ARM_SCOPE = "https://management.azure.com/.default";
/** The test emulators' ARM read bucket (see startTestEmulator). */
export const TEST_READ_BUCKET = { capacity: 25_000, refillPerSecond: 2_500 };

export interface TestEmulator {
  emulator: RunningEmulator;
  control: EmulatorControl;
  dataDir: string;
  seed: SeedInfo;
  /** Principal (with secret) from the seed, by appId. */
  principal(appId: string): SeedInfo["principals"][number];
  credential(appId: string, secret?: string): ClientSecretCredential;
  /** Options every ARM SDK client needs against the emulator (endpoint, scopes, CA, fast polling). */
  clientOptions(): {
    endpoint: string;
    credentials: { scopes: string[] };
    credentialScopes: string[];
    tlsOptions: { ca: string };
  };
  resources(appId: string, subscriptionId: string): ResourceManagementClient;
  storage(appId: string, subscriptionId: string): StorageManagementClient;
  /** A raw authenticated ARM call (for endpoints no installed SDK covers, e.g. subscriptions). */
  arm(
    appId: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; headers: Record<string, string>; body: JsonBody }>;
  close(): Promise<void>;
}

/**
 * Starts an in-process emulator for tests: temp data dir, fast clock, no Retry-After, small pages, and every ARM
 * reply checked against the vendored spec of its api-version (a mismatch answers 500 and fails close()).
 *
 * Pages of 3 make a list cost many more reads than in Azure (a subscription's validation reads 1,144 resource SKUs
 * in 382 pages instead of one), so the read bucket is 100 × Azure's (25,000, refilled 2,500/s): with Azure's 250 the
 * portal's pacer and the SDK's 429 retries spent 5-15 s of each validation waiting. Tests of read throttling set
 * their own bucket (emu.control.setConfig); writes and deletes keep Azure's.
 */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "emu-test-")));
  const emulator = await startEmulator({
    port: 0,
    timeScale: 0.01,
    retryAfterSeconds: null,
    pageSize: 3,
    throttling: { reads: TEST_READ_BUCKET },
    seed: "demo",
    // EMU_VALIDATE_RESPONSES=0 turns the check off (to measure what it costs).
    validateResponses: process.env.EMU_VALIDATE_RESPONSES !== "0",
    ...options,
    dataDir,
  });
  return wrapEmulator(emulator, dataDir, options.dataDir === undefined);
}

export async function wrapEmulator(
  emulator: RunningEmulator,
  dataDir: string,
  ownsDataDir = false,
): Promise<TestEmulator> {
  const control = new EmulatorControl(emulator.url, emulator.caPem, emulator.controlToken);
  const seed = await control.seedInfo();
  const tlsOptions = { ca: emulator.caPem };
  const principal = (appId: string) => {
    const p = seed.principals.find((x) => x.appId === appId);
    if (!p) throw new Error(`No seeded principal ${appId}`);
    return p;
  };
  const credential = (appId: string, secret?: string) => {
    const p = principal(appId);
    return new ClientSecretCredential(p.tenantId, p.appId, secret ?? p.secret, {
      authorityHost: emulator.url,
      disableInstanceDiscovery: true,
      tlsOptions,
    });
  };
  // One pipeline (its credential and token) per principal and one HTTP client (kept-alive connections) for every
  // arm() call: a new credential and client per call cost a token request and two TLS handshakes each time (51 ms and
  // 12 ms of CPU per call instead of 7 ms and 3 ms; a test walking hundreds of bodies spent most of its time there).
  const armHttpClient = createDefaultHttpClient();
  const armPipelines = new Map<string, Pipeline>();
  const armPipeline = (appId: string) => {
    let pipeline = armPipelines.get(appId);
    if (!pipeline) {
      pipeline = createPipelineFromOptions({ tlsOptions, retryOptions: { maxRetries: 0 } });
      pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: credential(appId), scopes: ARM_SCOPE }));
      armPipelines.set(appId, pipeline);
    }
    return pipeline;
  };
  const clientOptions = () => ({
    endpoint: emulator.url,
    credentials: { scopes: [ARM_SCOPE] },
    credentialScopes: [ARM_SCOPE],
    tlsOptions,
  });
  return {
    emulator,
    control,
    dataDir,
    seed,
    principal,
    credential,
    clientOptions,
    resources: (appId, sub) => new ResourceManagementClient(credential(appId), sub, clientOptions()),
    storage: (appId, sub) => new StorageManagementClient(credential(appId), sub, clientOptions()),
    async arm(appId, method, path, body) {
      const pipeline = armPipeline(appId);
      const req = createPipelineRequest({
        url: emulator.url + path,
        method: method as "GET",
        headers: createHttpHeaders(body === undefined ? {} : { "content-type": "application/json" }),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const res: PipelineResponse = await pipeline.sendRequest(armHttpClient, req);
      return {
        status: res.status,
        headers: res.headers.toJSON(),
        body: res.bodyAsText ? (JSON.parse(res.bodyAsText) as JsonBody) : {},
      };
    },
    async close() {
      await emulator.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
      // A reply that broke its spec already answered 500; this fails the file even if the caller swallowed it.
      const mismatches = emulator.responseMismatches();
      if (mismatches.length) {
        throw new Error(
          `The emulator answered outside its spec ${mismatches.length} time(s):\n${mismatches.join("\n")}`,
        );
      }
    },
  };
}
