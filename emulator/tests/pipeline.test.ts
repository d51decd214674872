import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RestError } from "@azure/core-rest-pipeline";
import { startTestEmulator, TEST_READ_BUCKET, type TestEmulator } from "../testing.js";
import { request } from "node:https";
import {
  PROVIDER_APP_ID,
  PROVIDER_SUBSCRIPTION_ID,
  PROVIDER_TENANT_ID,
  UNREGISTERED_SUBSCRIPTION_ID,
} from "../seed.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu?.close();
});

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to fail");
}

const SCOPE = "https://management.azure.com/.default";

function rawGet(path: string, auth?: string): Promise<{ status: number; body: { error: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      emu.emulator.url + path,
      { ca: emu.emulator.caPem, headers: auth ? { authorization: auth } : {} },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("Entra ID errors", () => {
  it("surfaces a wrong secret as AADSTS7000215", async () => {
    const err = await failure(emu.credential(PROVIDER_APP_ID, "not-the-secret").getToken(SCOPE));
    expect(err.name).toMatch(/Authentication/);
    expect(err.message).toContain("AADSTS7000215");
  });

  it("surfaces an unknown client as AADSTS700016", async () => {
    const { ClientSecretCredential } = await import("@azure/identity");
    const cred = new ClientSecretCredential(PROVIDER_TENANT_ID, "00000000-0000-4000-8000-000000000001", "x", {
      authorityHost: emu.emulator.url,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: emu.emulator.caPem },
    });
    const err = await failure(cred.getToken(SCOPE));
    expect(err.message).toContain("AADSTS700016");
  });
});

describe("ARM request checks", () => {
  it("rejects a missing or unsupported api-version", async () => {
    const missing = await emu.arm(PROVIDER_APP_ID, "GET", `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourcegroups`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("MissingApiVersionParameter");
    const invalid = await emu.arm(
      PROVIDER_APP_ID,
      "GET",
      `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourcegroups?api-version=1999-01-01`,
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe("InvalidApiVersionParameter");
  });

  it("rejects a request without a token and one with a forged token", async () => {
    const get = (auth?: string) =>
      rawGet(`/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourcegroups?api-version=2025-04-01`, auth);
    expect((await get()).body.error.code).toBe("AuthenticationFailed");
    const forged = await get("Bearer eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl");
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("answers ExpiredAuthenticationToken for an expired token", async () => {
    await emu.control.setConfig({ tokenLifetimeSeconds: 1 });
    try {
      const { ClientSecretCredential } = await import("@azure/identity");
      const p = emu.principal(PROVIDER_APP_ID);
      const cred = new ClientSecretCredential(p.tenantId, p.appId, p.secret, {
        authorityHost: emu.emulator.url,
        disableInstanceDiscovery: true,
        tlsOptions: { ca: emu.emulator.caPem },
      });
      const token = await cred.getToken(SCOPE);
      await new Promise((r) => setTimeout(r, 2100));
      const res = await rawGet(
        `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}?api-version=2022-12-01`,
        `Bearer ${token.token}`,
      );
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("ExpiredAuthenticationToken");
    } finally {
      await emu.control.setConfig({ tokenLifetimeSeconds: 3599 });
    }
  });

  it("registers a provider: Registering, then Registered", async () => {
    const sub = `/subscriptions/${UNREGISTERED_SUBSCRIPTION_ID}/providers/Microsoft.Compute`;
    const res = await emu.arm(PROVIDER_APP_ID, "POST", `${sub}/register?api-version=2025-04-01`);
    expect(res.status).toBe(200);
    expect(res.body.registrationState).toBe("Registering");
    let state = res.body.registrationState;
    for (let i = 0; i < 50 && state !== "Registered"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await emu.arm(PROVIDER_APP_ID, "GET", `${sub}?api-version=2025-04-01`)).body.registrationState;
    }
    expect(state).toBe("Registered");
    await emu.arm(PROVIDER_APP_ID, "POST", `${sub}/unregister?api-version=2025-04-01`);
  });

  it("throttles with 429 and Retry-After once the bucket is empty, then recovers", async () => {
    // A slow refill (one read per 2 s), so six reads empty the bucket however slowly a busy machine sends them.
    await emu.control.setConfig({ throttling: { enabled: true, reads: { capacity: 3, refillPerSecond: 0.5 } } });
    try {
      const path = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourcegroups?api-version=2025-04-01`;
      const statuses: number[] = [];
      let throttled: Awaited<ReturnType<TestEmulator["arm"]>> | undefined;
      for (let i = 0; i < 6 && !throttled; i++) {
        const res = await emu.arm(PROVIDER_APP_ID, "GET", path);
        statuses.push(res.status);
        if (res.status === 429) throttled = res;
      }
      expect(throttled?.body.error.code).toBe("SubscriptionRequestsThrottled");
      expect(Number(throttled?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, Number(throttled?.headers["retry-after"]) * 1000));
      expect((await emu.arm(PROVIDER_APP_ID, "GET", path)).status).toBe(200);
      expect((await emu.control.counters()).throttled429).toBeGreaterThanOrEqual(1);
    } finally {
      await emu.control.setConfig({ throttling: { enabled: true, reads: TEST_READ_BUCKET } });
    }
  });

  it("applies a 'before' fault without changing anything", async () => {
    const client = emu.resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    await emu.control.addFault({
      method: "PUT",
      path: "/resourcegroups/rg-fault-before$",
      times: 1,
      when: "before",
      status: 409,
      code: "Conflict",
      message: "Injected.",
    });
    const err = (await failure(
      client.resourceGroups.createOrUpdate("rg-fault-before", { location: "eastus" }),
    )) as RestError;
    expect(err.statusCode).toBe(409);
    expect(err.code).toBe("Conflict");
    expect(await client.resourceGroups.checkExistence("rg-fault-before")).toMatchObject({ body: false });
  });

  it("applies an 'after' fault: the change happens but the client gets the error", async () => {
    const client = emu.resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    await emu.control.addFault({
      method: "PUT",
      path: "/resourcegroups/rg-fault-after$",
      times: 1,
      when: "after",
      status: 409,
      code: "Conflict",
    });
    const err = (await failure(
      client.resourceGroups.createOrUpdate("rg-fault-after", { location: "eastus" }),
    )) as RestError;
    expect(err.statusCode).toBe(409);
    expect((await client.resourceGroups.get("rg-fault-after")).name).toBe("rg-fault-after");
    await emu.control.clearFaults();
  });

  it("lists a request whose answer a fault holds as in flight once accepted, and logs a caller that left as gone", async () => {
    // npm run chaos aims its kills so: Azure has done the work, the caller never gets the answer.
    const client = emu.resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    await emu.control.addFault({
      method: "PUT",
      path: "/resourcegroups/rg-held$",
      times: 1,
      when: "after",
      latencyMs: 600_000,
    });
    const abort = new AbortController();
    const put = failure(
      client.resourceGroups.createOrUpdate("rg-held", { location: "eastus" }, { abortSignal: abort.signal }),
    );
    const pause = () => new Promise((r) => setTimeout(r, 20));
    const inFlight = async () => (await emu.control.requests({ inFlight: true })).value;
    let held = (await inFlight()).find((e) => e.path.endsWith("/rg-held") && e.acceptedAt);
    while (!held) {
      await pause();
      held = (await inFlight()).find((e) => e.path.endsWith("/rg-held") && e.acceptedAt);
    }
    expect(held.remotePort).toBeGreaterThan(0);
    expect(await client.resourceGroups.checkExistence("rg-held")).toMatchObject({ body: true });
    abort.abort();
    await put;
    const logged = async () => (await emu.control.requests()).value.find((e) => e.requestId === held.requestId);
    while (!(await logged())) await pause();
    expect(await logged()).toMatchObject({ method: "PUT", status: 201, clientGone: true, acceptedAt: held.acceptedAt });
    expect((await inFlight()).some((e) => e.requestId === held.requestId)).toBe(false);
    await emu.control.clearFaults();
  });
});
