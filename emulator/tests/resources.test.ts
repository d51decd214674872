import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RestError } from "@azure/core-rest-pipeline";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { NO_ROLE_APP_ID, PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID, UNREGISTERED_SUBSCRIPTION_ID } from "../seed.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu?.close();
});

async function restError(p: Promise<unknown>): Promise<RestError> {
  try {
    await p;
  } catch (e) {
    return e as RestError;
  }
  throw new Error("expected the call to fail");
}

describe("identity and subscriptions", () => {
  it("issues a token and reads the subscription the principal owns", async () => {
    const token = await emu.credential(PROVIDER_APP_ID).getToken("https://management.azure.com/.default");
    expect(token.token.split(".")).toHaveLength(3);
    const res = await emu.arm(
      PROVIDER_APP_ID,
      "GET",
      `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}?api-version=2022-12-01`,
    );
    expect(res.status).toBe(200);
    expect(res.body.subscriptionId).toBe(PROVIDER_SUBSCRIPTION_ID);
    expect(res.headers["x-ms-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers["x-ms-ratelimit-remaining-subscription-reads"]).toBeDefined();
  });

  it("rejects a principal without a role with 403 AuthorizationFailed", async () => {
    const client = emu.resources(NO_ROLE_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    const err = await restError(client.resourceGroups.get("anything"));
    expect(err).toBeInstanceOf(RestError);
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe("AuthorizationFailed");
    expect(err.message).toContain("does not have authorization to perform action");
  });
});

describe("resource groups", () => {
  it("creates, reads, lists, tags and deletes (cascade) a group through the SDK", async () => {
    const client = emu.resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    const created = await client.resourceGroups.createOrUpdate("rg-crud", {
      location: "westeurope",
      tags: { env: "test" },
    });
    expect(created.properties?.provisioningState).toBe("Succeeded");
    expect((await client.resourceGroups.get("rg-crud")).tags).toEqual({ env: "test" });
    await client.resourceGroups.update("rg-crud", { tags: { env: "prod" } });
    expect((await client.resourceGroups.get("rg-crud")).tags).toEqual({ env: "prod" });
    await client.resourceGroups.delete("rg-crud");
    const err = await restError(client.resourceGroups.get("rg-crud"));
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe("ResourceGroupNotFound");
  });

  it("pages through more groups than one page holds", async () => {
    const client = emu.resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    for (let i = 0; i < 7; i++) await client.resourceGroups.createOrUpdate(`rg-page-${i}`, { location: "eastus" });
    const names: string[] = [];
    for await (const g of client.resourceGroups.list()) names.push(g.name!);
    expect(names.filter((n) => n.startsWith("rg-page-")).sort()).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) => `rg-page-${i}`),
    );
  });

  it("answers MissingSubscriptionRegistration for an unregistered namespace", async () => {
    await emu
      .resources(PROVIDER_APP_ID, UNREGISTERED_SUBSCRIPTION_ID)
      .resourceGroups.createOrUpdate("rg-u", { location: "eastus" });
    const res = await emu.arm(
      PROVIDER_APP_ID,
      "GET",
      `/subscriptions/${UNREGISTERED_SUBSCRIPTION_ID}/resourceGroups/rg-u/providers/Microsoft.Compute/virtualMachines/vm1?api-version=2026-04-01`,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("MissingSubscriptionRegistration");
  });
});
