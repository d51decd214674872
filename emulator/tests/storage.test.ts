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

  it("answers identity, customer-managed keys, AD auth, network rules and geo-replication stats as Azure's examples show", async () => {
    const path = (name: string) =>
      `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourceGroups/rg-stg/providers/Microsoft.Storage/storageAccounts/${name}?api-version=2026-09-01`;
    const uami = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourceGroups/rg-stg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/stg-id`;
    const put = await emu.arm(PROVIDER_APP_ID, "PUT", path("emustgshape01"), {
      ...account,
      sku: { name: "Standard_GRS" },
      identity: { type: "UserAssigned", userAssignedIdentities: { [uami]: {} } },
      properties: {
        encryption: {
          identity: { userAssignedIdentity: uami },
          keySource: "Microsoft.Keyvault",
          keyvaultproperties: { keyname: "wrappingKey", keyvaulturi: "https://vault1.vault.azure.net", keyversion: "" },
        },
        networkAcls: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.0/24" }] },
      },
    });
    expect(put.status).toBe(202);
    const created = (await emu.arm(PROVIDER_APP_ID, "GET", path("emustgshape01"))).body;
    expect(created.identity.userAssignedIdentities[uami]).toEqual({
      principalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(created.properties).toMatchObject({
      encryption: {
        keySource: "Microsoft.Keyvault",
        identity: { userAssignedIdentity: uami },
        keyvaultproperties: {
          keyname: "wrappingKey",
          currentVersionedKeyIdentifier: expect.stringMatching(
            /^https:\/\/vault1\.vault\.azure\.net\/keys\/wrappingKey\/[0-9a-f]{32}$/,
          ),
        },
        services: { blob: { enabled: true, keyType: "Account", lastEnabledTime: expect.any(String) } },
      },
      networkAcls: {
        bypass: "AzureServices",
        defaultAction: "Deny",
        virtualNetworkRules: [],
        ipRules: [{ value: "203.0.113.0/24" }],
      },
      keyCreationTime: { key1: expect.any(String), key2: expect.any(String) },
      privateEndpointConnections: [],
    });
    // PATCH applies what it names (AD DS authentication, a system-assigned identity) and keeps the rest.
    const ad = {
      directoryServiceOptions: "AD",
      activeDirectoryProperties: { domainName: "adtest.com", domainGuid: "aebfc118-9fa9-4732-a21f-d98e41a77ae1" },
    };
    const patched = await emu.arm(PROVIDER_APP_ID, "PATCH", path("emustgshape01"), {
      identity: { type: "SystemAssigned" },
      properties: { azureFilesIdentityBasedAuthentication: ad },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.identity).toEqual({
      type: "SystemAssigned",
      principalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tenantId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(patched.body.properties.azureFilesIdentityBasedAuthentication).toEqual(ad);
    expect(patched.body.properties.encryption.keyvaultproperties.currentVersionedKeyIdentifier).toBe(
      created.properties.encryption.keyvaultproperties.currentVersionedKeyIdentifier,
    );
    const expanded = await emu.arm(PROVIDER_APP_ID, "GET", `${path("emustgshape01")}&$expand=geoReplicationStats`);
    expect(expanded.body.properties.geoReplicationStats).toMatchObject({
      status: "Live",
      canFailover: true,
      postFailoverRedundancy: "Standard_LRS",
      postPlannedFailoverRedundancy: "Standard_GRS",
    });
    // The whole account shape is read against the spec: a network rule without its subnet id is Azure's 400.
    const noId = await emu.arm(PROVIDER_APP_ID, "PUT", path("emustgshape02"), {
      ...account,
      properties: { networkAcls: { defaultAction: "Deny", virtualNetworkRules: [{ action: "Allow" }] } },
    });
    expect(noId.status).toBe(400);
    expect(noId.body.error).toMatchObject({
      code: "InvalidRequestContent",
      message: expect.stringContaining(
        "Required property 'id' not found in JSON. Path 'properties.networkAcls.virtualNetworkRules[0]'.",
      ),
    });
  });
});
