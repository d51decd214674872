import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecoveryServicesClient } from "@azure/arm-recoveryservices";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID, PROVIDER_TENANT_ID } from "../seed.js";

describe("Recovery Services vaults through @azure/arm-recoveryservices", () => {
  let emu: TestEmulator;
  let client: RecoveryServicesClient;
  const poll = { updateIntervalInMs: 20 };

  beforeAll(async () => {
    emu = await startTestEmulator();
    client = new RecoveryServicesClient(emu.credential(PROVIDER_APP_ID), PROVIDER_SUBSCRIPTION_ID, emu.clientOptions());
  });
  afterAll(() => emu.close());

  it("has the seeded WAPRecoveryVault in westus with sku RS0", async () => {
    const vault = await client.vaults.get("WAPRecoveryGroup", "WAPRecoveryVault");
    expect(vault.location).toBe("westus");
    expect(vault.sku).toEqual({ name: "RS0", tier: "Standard" });
    expect(vault.properties?.provisioningState).toBe("Succeeded");
    expect(vault.etag).toMatch(/^W\/"datetime'/);
  });

  it("creates a vault as an LRO, lists it by group and subscription, and deletes it", async () => {
    await emu
      .resources(PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID)
      .resourceGroups.createOrUpdate("PortalDr", { location: "eastus" });
    const vault = await client.vaults.createOrUpdate(
      "PortalDr",
      "Portal-Vault-1",
      { location: "eastus", sku: { name: "Standard" }, properties: { publicNetworkAccess: "Enabled" } },
      poll,
    );
    expect(vault.properties?.provisioningState).toBe("Succeeded");
    expect(vault.sku?.name).toBe("RS0");
    const inGroup = [];
    for await (const v of client.vaults.listByResourceGroup("PortalDr")) inGroup.push(v.name);
    expect(inGroup).toEqual(["Portal-Vault-1"]);
    const all = [];
    for await (const v of client.vaults.listBySubscriptionId()) all.push(v.name);
    expect(all).toEqual(expect.arrayContaining(["Portal-Vault-1", "WAPRecoveryVault"]));
    await client.vaults.delete("PortalDr", "Portal-Vault-1", poll);
    await expect(client.vaults.get("PortalDr", "Portal-Vault-1")).rejects.toMatchObject({
      statusCode: 404,
      code: "ResourceNotFound",
    });
  });

  it("refuses names that break the vault rules", async () => {
    for (const name of ["1vault", "v", "vault_underscore", "a".repeat(51)]) {
      await expect(
        client.vaults
          .createOrUpdate("WAPRecoveryGroup", name, { location: "westus", sku: { name: "Standard" } }, poll)
          .pollUntilDone(),
      ).rejects.toMatchObject({ statusCode: 400, code: "InvalidResourceName" });
    }
  });

  it("refuses to delete a vault with a registered server", async () => {
    await expect(
      client.vaults.delete("WAPRecoveryGroup", "WAPRecoveryVault", poll).pollUntilDone(),
    ).rejects.toMatchObject({ statusCode: 400, code: "ServiceResourceNotEmpty" });
  });

  it("answers a certificate upload with the AAD details for vault credentials", async () => {
    let text = "";
    const der = Buffer.from(emu.emulator.caPem.replace(/-----[^-]+-----|\s/g, ""), "base64");
    const res = await client.vaultCertificates.create("WAPRecoveryGroup", "WAPRecoveryVault", "vmm01-cert", {
      properties: { authType: "AAD", certificate: new Uint8Array(der) },
    });
    const p = res.properties as unknown as Record<string, unknown>;
    expect(p.authType).toBe("AzureActiveDirectory");
    expect(p.aadTenantId).toBe(PROVIDER_TENANT_ID);
    expect(p.aadAuthority).toBe(emu.emulator.url);
    expect(p.servicePrincipalClientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(p.resourceId).toEqual(expect.any(Number));
    const again = await client.vaultCertificates.create(
      "WAPRecoveryGroup",
      "WAPRecoveryVault",
      "vmm01-cert",
      { properties: { authType: "AAD", certificate: new Uint8Array(der) } },
      {
        onResponse: (raw) => void (text = raw.bodyAsText ?? ""),
      },
    );
    expect((again.properties as unknown as Record<string, unknown>).servicePrincipalClientId).toBe(
      p.servicePrincipalClientId,
    );
    // The vault's resourceId is an int64 above 2^53, written digit for digit, the same the audience names.
    const digits = /"resourceId":(\d+)[,}]/.exec(text)?.[1];
    expect(BigInt(digits ?? 0)).toBeGreaterThan(2n ** 53n);
    expect(p.azureManagementEndpointAudience).toMatch(new RegExp(`/${digits}$`));
  });
});
