import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestError } from "@azure/core-rest-pipeline";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { ACME_APP_ID, ACME_SUBSCRIPTION_ID, PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await emu
    .resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID)
    .resourceGroups.createOrUpdate("rg-stg", { location: "westeurope" });
  await emu
    .resources(ACME_APP_ID, ACME_SUBSCRIPTION_ID)
    .resourceGroups.createOrUpdate("rg-acme", { location: "westeurope" });
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

const account = { location: "westeurope", sku: { name: "Standard_LRS" }, kind: "StorageV2" } as const;

describe("storage accounts", () => {
  it("creates an account as an LRO, lists it, tags it and deletes it", async () => {
    const client = emu.storage(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    const poller = client.storageAccounts.create("rg-stg", "emustgcrud01", account, { updateIntervalInMs: 20 });
    const created = await poller;
    expect(created.provisioningState).toBe("Succeeded");
    expect(created.primaryEndpoints?.blob).toBe("https://emustgcrud01.blob.core.windows.net/");
    const names: string[] = [];
    for await (const a of client.storageAccounts.listByResourceGroup("rg-stg")) names.push(a.name!);
    expect(names).toContain("emustgcrud01");
    const patched = await client.storageAccounts.update("rg-stg", "emustgcrud01", { tags: { owner: "ops" } });
    expect(patched.tags).toEqual({ owner: "ops" });
    await client.storageAccounts.delete("rg-stg", "emustgcrud01");
    expect((await restError(client.storageAccounts.getProperties("rg-stg", "emustgcrud01"))).code).toBe(
      "ResourceNotFound",
    );
  });

  it("checks name availability and refuses a name taken in another subscription", async () => {
    const provider = emu.storage(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    await provider.storageAccounts.create("rg-stg", "emustgtaken01", account, { updateIntervalInMs: 20 });
    const acme = emu.storage(ACME_APP_ID, ACME_SUBSCRIPTION_ID);
    const taken = await acme.storageAccounts.checkNameAvailability({
      name: "emustgtaken01",
      type: "Microsoft.Storage/storageAccounts",
    });
    expect(taken.nameAvailable).toBe(false);
    expect(taken.reason).toBe("AlreadyExists");
    const invalid = await acme.storageAccounts.checkNameAvailability({
      name: "Bad_Name",
      type: "Microsoft.Storage/storageAccounts",
    });
    expect(invalid.reason).toBe("AccountNameInvalid");
    expect(
      (
        await acme.storageAccounts.checkNameAvailability({
          name: "emustgfree01",
          type: "Microsoft.Storage/storageAccounts",
        })
      ).nameAvailable,
    ).toBe(true);
    const err = await restError(
      acme.storageAccounts.create("rg-acme", "emustgtaken01", account, { updateIntervalInMs: 20 }),
    );
    expect(err.statusCode).toBe(409);
    expect(err.code).toBe("StorageAccountAlreadyTaken");
  });

  it("rejects an invalid sku without creating anything", async () => {
    const client = emu.storage(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    const err = await restError(
      client.storageAccounts.create(
        "rg-stg",
        "emustgbadsku",
        { ...account, sku: { name: "Gold_LRS" } },
        { updateIntervalInMs: 20 },
      ),
    );
    expect(err.statusCode).toBe(400);
    expect(
      (
        await client.storageAccounts.checkNameAvailability({
          name: "emustgbadsku",
          type: "Microsoft.Storage/storageAccounts",
        })
      ).nameAvailable,
    ).toBe(true);
  });

  it("deletes a group's storage accounts with the group (cascade LRO)", async () => {
    const rm = emu.resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID);
    await rm.resourceGroups.createOrUpdate("rg-cascade", { location: "eastus" });
    await emu
      .storage(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID)
      .storageAccounts.create(
        "rg-cascade",
        "emustgcascade",
        { ...account, location: "eastus" },
        { updateIntervalInMs: 20 },
      );
    await rm.resourceGroups.delete("rg-cascade", { updateIntervalInMs: 20 });
    const inventory = await emu.control.inventory();
    const ids = (inventory.subscriptions[PROVIDER_SUBSCRIPTION_ID] ?? []).map((r) => r.id.toLowerCase());
    expect(ids.some((id) => id.includes("/resourcegroups/rg-cascade"))).toBe(false);
  });
});
