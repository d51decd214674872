import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { SEED } from "@/emulator/seed";
import {
  ArmError,
  checkAccess,
  getResourceGroup,
  getSubscription,
  listLocations,
  listProviders,
  registerProvider,
  withArmObserver,
  type ArmResponseInfo,
} from "./index";
import { ensureResourceGroup } from "./resource-groups";
import { startGatewayEmulator, type GatewayEmulator } from "@/test/gateway-emulator";

let emu: GatewayEmulator;
beforeAll(async () => {
  emu = await startGatewayEmulator();
});
afterAll(async () => {
  await emu?.close();
});

async function failure(p: Promise<unknown>): Promise<ArmError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ArmError);
    return e as ArmError;
  }
  throw new Error("expected the call to fail");
}

const provider = () => emu.access(SEED.apps.provider, SEED.subscriptions.provider);

describe("the gateway against the emulator", () => {
  it("validates a good principal and reads its subscription", async () => {
    const access = provider();
    await expect(checkAccess(access)).resolves.toMatchObject({ ok: true });
    const sub = await getSubscription(access);
    expect(sub).toMatchObject({
      subscriptionId: SEED.subscriptions.provider,
      directoryId: SEED.tenants.provider,
      state: "Enabled",
    });
    const locations = await listLocations(access);
    expect(locations.length).toBeGreaterThan(3);
    expect(locations.map((l) => l.name)).toContain("eastus");
  });

  it("reports a wrong secret as the terminal AADSTS7000215 without leaking the secret", async () => {
    const access = emu.access(SEED.apps.provider, SEED.subscriptions.provider, { secret: "not-the-secret-value" });
    const err = await failure(checkAccess(access));
    expect(err.code).toBe("AADSTS7000215");
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/Invalid client secret/);
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain("not-the-secret-value");
    // An ARM call with the same credential fails the same way.
    expect((await failure(getSubscription(access))).code).toBe("AADSTS7000215");
  });

  it("reports a principal without a role as terminal AuthorizationFailed with a request id", async () => {
    const access = emu.access(SEED.apps.noRole, SEED.subscriptions.provider);
    await expect(checkAccess(access)).resolves.toMatchObject({ ok: true });
    const err = await failure(ensureResourceGroup(access, `rg-${randomUUID().slice(0, 8)}`, "eastus", {}));
    expect(err).toMatchObject({ status: 403, code: "AuthorizationFailed", retryable: false });
    expect(err.requestId).toBeTruthy();
    expect(err.raw).toMatchObject({ error: { code: "AuthorizationFailed" } });
  });

  it("shows an unregistered provider and registers it", async () => {
    const access = emu.access(SEED.apps.provider, SEED.subscriptions.unregistered);
    const [compute, storage] = await listProviders(access, ["Microsoft.Compute", "Microsoft.Storage"]);
    expect(compute).toMatchObject({
      namespace: "Microsoft.Compute",
      registrationState: "NotRegistered",
      isRegistered: false,
    });
    expect(storage.isRegistered).toBe(true);
    expect((await registerProvider(access, "Microsoft.Compute")).registrationState).toBe("Registering");
  });

  it("classifies an injected 500 as retryable after the SDK's own retries", async () => {
    const access = provider();
    await emu.control.addFault({
      method: "GET",
      path: "/resourcegroups/rg-fault-500$",
      status: 500,
      code: "InternalServerError",
      message: "Boom",
    });
    const err = await failure(getResourceGroup(access, "rg-fault-500"));
    await emu.control.clearFaults();
    expect(err).toMatchObject({ status: 500, code: "InternalServerError", retryable: true });
  });

  it("classifies a sign-in endpoint answering 503 as retryable, not as a rejection of the principal", async () => {
    // An Azure outage reaches the credential first. (A discovery or token request without any answer: errors.test.ts.)
    await emu.control.addFault({
      path: "/oauth2/v2\\.0/token$",
      status: 503,
      code: "ServiceUnavailable",
      message: "Down.",
    });
    const err = await failure(getSubscription(provider()));
    await emu.control.clearFaults();
    expect(err).toMatchObject({ status: 503, code: "ServiceUnavailable", retryable: true });
    expect(err.message).toBe("Could not reach the sign-in endpoint: HTTP 503, Down.");
  });

  it("gives the observer every response with request and correlation ids", async () => {
    const access = provider();
    const seen: ArmResponseInfo[] = [];
    const correlationId = randomUUID();
    const name = `rg-obs-${randomUUID().slice(0, 8)}`;
    await withArmObserver({ correlationId, onResponse: (i) => seen.push(i) }, async () => {
      await ensureResourceGroup(access, name, "eastus", { owner: "gateway-test" });
      expect(await getResourceGroup(access, name)).toMatchObject({
        name,
        location: "eastus",
        tags: { owner: "gateway-test" },
      });
      expect(await getResourceGroup(access, `${name}-missing`)).toBeNull();
    });
    // ensureResourceGroup reads the group first (a group already carrying its tags is not written again).
    expect(seen.map((s) => [s.method, s.status])).toEqual([
      ["GET", 404],
      ["PUT", 201],
      ["GET", 200],
      ["GET", 404],
    ]);
    for (const s of seen) {
      expect(s.requestId).toBeTruthy();
      expect(s.correlationId).toBe(correlationId);
      expect(s.path).not.toContain("?");
    }
    expect(seen[1].rateLimit.writes).toBeTypeOf("number");
    expect(seen[2].rateLimit.reads).toBeTypeOf("number");
  });

  it("ensures a group without rewriting it: one carrying the tags is not written, a missing tag keeps the others", async () => {
    const access = provider();
    const name = `rg-tags-${randomUUID().slice(0, 8)}`;
    await ensureResourceGroup(access, name, "eastus", { "portal-tenant": "t1", "portal-operation": "op1" });
    const seen: ArmResponseInfo[] = [];
    await withArmObserver({ correlationId: randomUUID(), onResponse: (i) => seen.push(i) }, () =>
      ensureResourceGroup(access, name, "eastus", { "portal-tenant": "t1", "portal-operation": "op2" }),
    );
    expect(seen.map((s) => s.method)).toEqual(["GET"]);
    await ensureResourceGroup(access, name, "eastus", { "portal-plan": "p1", "portal-operation": "op3" });
    expect((await getResourceGroup(access, name))?.tags).toEqual({
      "portal-tenant": "t1",
      "portal-operation": "op1",
      "portal-plan": "p1",
    });
  });
});
