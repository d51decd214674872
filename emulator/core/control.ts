import type { IncomingMessage } from "node:http";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { timingSafeEqual } from "node:crypto";
import { ArmError } from "./errors.js";
import { addCertificate, addDirectory, addPrincipal, addSubscription, assignRole } from "./directory.js";
import type { Reply } from "./plugin.js";
import type { Runtime } from "./runtime.js";
import type { FaultSpec } from "./faults.js";
import type { State, RegistrationState, RoleName } from "./state.js";

export interface ControlOptions {
  controlToken: string;
}

const bad = (message: string) => new ArmError(400, "InvalidControlRequest", message);

function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Control API (`/_emulator/*`) for tests, seed, bench and chaos scripts; needs `x-emulator-token`. */
export async function handleControl(rt: Runtime, req: IncomingMessage, url: URL, rawBody: string): Promise<Reply> {
  if (!tokenMatches(rt.controlToken, req.headers["x-emulator-token"])) {
    throw new ArmError(401, "ControlTokenRequired", "The emulator control API needs a valid x-emulator-token header.");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let body: any = {};
  if (rawBody.trim()) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw bad("The body is not valid JSON.");
    }
  }
  const route = `${req.method} ${url.pathname.replace(/^\/_emulator\//, "").replace(/\/$/, "")}`;
  const store = rt.store;
  rt.lro.settleDue();
  switch (route) {
    case "POST reset":
      rt.resetState(body.seed === "none" ? "none" : "demo");
      rt.throttling.reset();
      rt.faults.clear();
      rt.observer.reset();
      return { status: 200, body: seedInfo(rt) };
    case "POST seed":
      rt.applyDemoSeed();
      return { status: 200, body: seedInfo(rt) };
    case "GET seed-info":
      return { status: 200, body: seedInfo(rt) };
    case "GET snapshot":
      return { status: 200, body: store.state };
    case "POST snapshot": {
      const file = snapshotFile(rt, body.name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(store.state));
      return { status: 200, body: { name: body.name ?? "default" } };
    }
    case "POST restore": {
      let state: State;
      if (body.state) state = body.state as State;
      else {
        const file = snapshotFile(rt, body.name);
        if (!existsSync(file))
          throw new ArmError(404, "SnapshotNotFound", `No snapshot named '${body.name ?? "default"}'.`);
        state = JSON.parse(readFileSync(file, "utf8")) as State;
      }
      if (state.version !== 1 || !state.resources) throw bad("Not an emulator state snapshot.");
      store.replace(structuredClone(state));
      return { status: 200, body: { restored: true } };
    }
    case "GET config":
      return { status: 200, body: configBody(rt) };
    case "PUT config":
      applyConfig(rt, body);
      return { status: 200, body: configBody(rt) };
    case "GET faults":
      return { status: 200, body: { value: rt.faults.all() } };
    case "POST faults": {
      const specs: FaultSpec[] = Array.isArray(body) ? body : [body];
      for (const s of specs) if (typeof s.path !== "string") throw bad("A fault needs a 'path' regular expression.");
      try {
        return { status: 200, body: { value: specs.map((s) => rt.faults.add(s)) } };
      } catch (e) {
        throw bad(`Invalid fault: ${(e as Error).message}`);
      }
    }
    case "DELETE faults":
      rt.faults.clear();
      return { status: 204 };
    case "GET requests":
      if (url.searchParams.get("inFlight") === "true") return { status: 200, body: { value: rt.observer.inFlight() } };
      return {
        status: 200,
        body: {
          value: rt.observer.requests({
            since: url.searchParams.get("since") ?? undefined,
            answeredSince: url.searchParams.get("answeredSince") ?? undefined,
            limit: Number(url.searchParams.get("limit")) || undefined,
          }),
        },
      };
    case "GET counters":
      return { status: 200, body: rt.observer.counters };
    case "DELETE counters":
      rt.observer.reset();
      return { status: 204 };
    case "GET inventory":
      return { status: 200, body: inventory(rt) };
    case "POST directories":
      return {
        status: 201,
        body: addDirectory(store, {
          displayName: String(body.displayName ?? "Directory"),
          tenantId: body.tenantId,
          domain: body.domain,
        }),
      };
    case "POST principals": {
      if (!body.tenantId || !store.state.directories[body.tenantId])
        throw bad("principals need an existing 'tenantId'.");
      return {
        status: 201,
        body: addPrincipal(store, {
          tenantId: body.tenantId,
          displayName: String(body.displayName ?? "app"),
          appId: body.appId,
          objectId: body.objectId,
          secret: body.secret,
        }),
      };
    }
    case "POST role-assignments": {
      const principal = body.appId
        ? store.findPrincipalByAppId(body.appId)
        : store.findPrincipalByObjectId(String(body.principalObjectId ?? ""));
      if (!principal || typeof body.scope !== "string")
        throw bad("role-assignments need 'appId' or 'principalObjectId' and 'scope'.");
      return {
        status: 201,
        body: assignRole(store, {
          principalObjectId: principal.objectId,
          scope: body.scope,
          role: (body.role ?? "Owner") as RoleName,
        }),
      };
    }
    case "POST subscriptions": {
      if (!body.tenantId || !store.state.directories[body.tenantId])
        throw bad("subscriptions need an existing 'tenantId'.");
      return {
        status: 201,
        body: addSubscription(store, {
          tenantId: body.tenantId,
          displayName: String(body.displayName ?? "Subscription"),
          subscriptionId: body.subscriptionId,
          providers: body.providers as Record<string, RegistrationState> | undefined,
          coreQuota: body.coreQuota as Record<string, number> | undefined,
        }),
      };
    }
  }
  const certificates = /^POST principals\/([^/]+)\/certificates$/.exec(route);
  if (certificates) {
    if (!store.findPrincipalByAppId(certificates[1]))
      throw new ArmError(404, "NotFound", `No app '${certificates[1]}'.`);
    try {
      return { status: 201, body: addCertificate(store, certificates[1], String(body.certificate ?? "")) };
    } catch {
      throw bad("certificates need 'certificate': an X.509 certificate in PEM form (public part only).");
    }
  }
  const quota = /^PUT subscriptions\/([^/]+)\/quota$/.exec(route);
  if (quota) {
    const sub = store.getSubscription(quota[1]);
    if (!sub) throw new ArmError(404, "SubscriptionNotFound", `The subscription '${quota[1]}' could not be found.`);
    for (const [region, limit] of Object.entries(body.coreQuota ?? {}))
      sub.coreQuota[region.toLowerCase()] = Number(limit);
    store.markDirty();
    return { status: 200, body: sub };
  }
  for (const plugin of rt.plugins) {
    const ext = plugin.control?.find((c) => `${c.method} ${c.path}` === route);
    if (ext) return ext.handler({ store, clock: rt.clock }, body);
  }
  throw new ArmError(404, "NotFound", `No control endpoint '${route}'.`);
}

function snapshotFile(rt: Runtime, name: unknown): string {
  const safe = String(name ?? "default").replace(/[^\w-]/g, "_");
  return join(rt.persistence.file, "..", "snapshots", `${safe}.json`);
}

function configBody(rt: Runtime) {
  return {
    ...rt.config,
    throttling: { enabled: rt.throttling.enabled, limits: rt.throttling.limits },
  };
}

function applyConfig(rt: Runtime, body: Record<string, unknown>): void {
  if (typeof body.timeScale === "number" && body.timeScale >= 0) rt.setTimeScale(body.timeScale);
  if (body.retryAfterSeconds === null || typeof body.retryAfterSeconds === "number")
    rt.config.retryAfterSeconds = body.retryAfterSeconds as number | null;
  if (typeof body.pageSize === "number" && body.pageSize > 0) rt.config.pageSize = Math.floor(body.pageSize);
  if (typeof body.tokenLifetimeSeconds === "number" && body.tokenLifetimeSeconds > 0)
    rt.config.tokenLifetimeSeconds = body.tokenLifetimeSeconds;
  const t = body.throttling;
  if (typeof t === "boolean") rt.throttling.configure({ enabled: t });
  else if (t && typeof t === "object") {
    const { enabled, ...limits } = t as Record<string, unknown>;
    rt.throttling.configure({ enabled: enabled as boolean | undefined, limits: (limits.limits ?? limits) as object });
  }
}

export function seedInfo(rt: Runtime) {
  const s = rt.store.state;
  return {
    directories: Object.values(s.directories),
    // A multi-tenant app's service principals in customers' directories share its secret: only home principals here.
    principals: Object.values(s.principals)
      .filter((p) => !p.homeTenantId)
      .map((p) => ({
        ...p,
        roleAssignments: s.roleAssignments
          .filter((a) => a.principalObjectId === p.objectId)
          .map(({ scope, role }) => ({ scope, role })),
      })),
    subscriptions: Object.values(s.subscriptions),
  };
}

function inventory(rt: Runtime) {
  const bySub: Record<
    string,
    { id: string; type: string; provisioningState?: string; body: Record<string, unknown> }[]
  > = {};
  for (const r of Object.values(rt.store.state.resources)) {
    (bySub[r.subscriptionId] ??= []).push({
      id: r.id,
      type: String(r.body.type ?? r.type),
      provisioningState: (r.body.properties as { provisioningState?: string } | undefined)?.provisioningState,
      body: r.body,
    });
  }
  const operations = Object.values(rt.store.state.operations).filter((o) => o.status === "InProgress");
  return { subscriptions: bySub, operationsInProgress: operations };
}
