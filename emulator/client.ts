import { request } from "node:https";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface SeedInfo {
  directories: { tenantId: string; displayName: string; domain: string }[];
  principals: {
    appId: string;
    objectId: string;
    tenantId: string;
    displayName: string;
    secret: string;
    roleAssignments: { scope: string; role: string }[];
  }[];
  subscriptions: {
    subscriptionId: string;
    tenantId: string;
    displayName: string;
    state: string;
    providers: Record<string, { state: string }>;
    coreQuota: Record<string, number>;
  }[];
}

export interface FaultInput {
  method?: string;
  path: string;
  apiVersion?: string;
  times?: number;
  rate?: number;
  when?: "before" | "after";
  status?: number;
  code?: string;
  message?: string;
  latencyMs?: number;
  dropConnection?: boolean;
}

export interface EmulatorConfigInput {
  timeScale?: number;
  retryAfterSeconds?: number | null;
  pageSize?: number;
  tokenLifetimeSeconds?: number;
  throttling?:
    | boolean
    | {
        enabled?: boolean;
        reads?: { capacity: number; refillPerSecond: number };
        writes?: { capacity: number; refillPerSecond: number };
        deletes?: { capacity: number; refillPerSecond: number };
        scaledRefill?: boolean;
        /** Replaces an RP window's size, by policy name ("Microsoft.Compute/PutVM3Min"). */
        resource?: Record<string, { capacity: number; refillPerSecond: number }>;
      };
}

/** Typed wrapper over the emulator's control API (`/_emulator/*`). */
export class EmulatorControl {
  constructor(
    readonly url: string,
    private readonly caPem: string,
    private readonly token: string,
  ) {}

  /** For scripts: reads the CA and control token that the emulator wrote into its data dir. */
  static fromDataDir(url: string, dataDir: string): EmulatorControl {
    return new EmulatorControl(
      url,
      readFileSync(join(dataDir, "tls-cert.pem"), "utf8"),
      readFileSync(join(dataDir, "control-token"), "utf8").trim(),
    );
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const target = new URL(`/_emulator/${path.replace(/^\//, "")}`, this.url);
    return new Promise<T>((resolve, reject) => {
      const req = request(
        target,
        {
          method,
          ca: this.caPem,
          headers: {
            "x-emulator-token": this.token,
            ...(payload
              ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status >= 400) reject(new Error(`Emulator control ${method} ${path} failed: ${status} ${text}`));
            else resolve((text ? JSON.parse(text) : undefined) as T);
          });
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  reset(seed: "demo" | "none" = "demo") {
    return this.call<SeedInfo>("POST", "reset", { seed });
  }
  seed() {
    return this.call<SeedInfo>("POST", "seed");
  }
  seedInfo() {
    return this.call<SeedInfo>("GET", "seed-info");
  }
  snapshot() {
    return this.call<Record<string, unknown>>("GET", "snapshot");
  }
  saveSnapshot(name = "default") {
    return this.call<{ name: string }>("POST", "snapshot", { name });
  }
  restore(arg: { name?: string; state?: unknown } = {}) {
    return this.call<{ restored: boolean }>("POST", "restore", arg);
  }
  getConfig() {
    return this.call<Record<string, unknown>>("GET", "config");
  }
  setConfig(config: EmulatorConfigInput) {
    return this.call<Record<string, unknown>>("PUT", "config", config);
  }
  addFault(fault: FaultInput) {
    return this.call<{ value: (FaultInput & { id: string; fired: number })[] }>("POST", "faults", fault);
  }
  listFaults() {
    return this.call<{ value: (FaultInput & { id: string; fired: number })[] }>("GET", "faults");
  }
  clearFaults() {
    return this.call<void>("DELETE", "faults");
  }
  /** The request log; `inFlight`: the requests not answered yet instead (acceptedAt once the handler has done its work). */
  requests(opts: { since?: string; answeredSince?: string; limit?: number; inFlight?: boolean } = {}) {
    const q = new URLSearchParams(
      Object.entries(opts)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    return this.call<{
      value: {
        time: string;
        method: string;
        path: string;
        status: number;
        requestId: string;
        opType: string;
        resourceType?: string;
        principal?: string;
        fault?: string;
        remotePort?: number;
        acceptedAt?: string;
        answeredAt?: string;
        clientGone?: boolean;
      }[];
    }>("GET", `requests?${q}`);
  }
  counters() {
    return this.call<{
      reads: number;
      writes: number;
      deletes: number;
      actions: number;
      polls: number;
      tokens: number;
      throttled429: number;
      faults: number;
      byResourceType: Record<string, { reads: number; writes: number; deletes: number; actions: number }>;
    }>("GET", "counters");
  }
  resetCounters() {
    return this.call<void>("DELETE", "counters");
  }
  inventory() {
    return this.call<{
      subscriptions: Record<
        string,
        { id: string; type: string; provisioningState?: string; body: Record<string, unknown> }[]
      >;
      operationsInProgress: unknown[];
    }>("GET", "inventory");
  }
  addDirectory(d: { displayName: string; tenantId?: string; domain?: string }) {
    return this.call<SeedInfo["directories"][number]>("POST", "directories", d);
  }
  addPrincipal(p: { tenantId: string; displayName: string; appId?: string }) {
    return this.call<Omit<SeedInfo["principals"][number], "roleAssignments">>("POST", "principals", p);
  }
  /** Registers a certificate (PEM, public part) on an app for client assertions; returns its thumbprints. */
  addCertificate(appId: string, certificate: string) {
    return this.call<{ thumbprint: string; thumbprintSha256: string; endDateTime: string }>(
      "POST",
      `principals/${appId}/certificates`,
      { certificate },
    );
  }
  assignRole(a: {
    appId?: string;
    principalObjectId?: string;
    scope: string;
    role?: "Owner" | "Contributor" | "Reader";
  }) {
    return this.call("POST", "role-assignments", a);
  }
  addSubscription(s: {
    tenantId: string;
    displayName: string;
    subscriptionId?: string;
    providers?: Record<string, "Registered" | "NotRegistered">;
    coreQuota?: Record<string, number>;
  }) {
    return this.call<SeedInfo["subscriptions"][number]>("POST", "subscriptions", s);
  }
  setCoreQuota(subscriptionId: string, coreQuota: Record<string, number>) {
    return this.call("PUT", `subscriptions/${subscriptionId}/quota`, { coreQuota });
  }
}
