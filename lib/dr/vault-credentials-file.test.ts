import { describe, expect, it } from "vitest";
import { vaultCredentialsXml } from "./vault-credentials-file";

const settings = {
  vaultName: "WAPRecoveryVault", region: "westus", resourceId: "1234567890", armResourceId: "/subscriptions/s/resourceGroups/WAPRecoveryGroup/providers/Microsoft.RecoveryServices/vaults/WAPRecoveryVault",
  certificateName: "WAPRecoveryVault-2026-11-25-vaultcredentials", aadAuthority: "https://login.example/", aadTenantId: "t-1", servicePrincipalClientId: "c-1", aadAudience: "https://RecoveryServices/x",
  certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----", thumbprint: "AB:CD", validUntil: "2026-11-30T00:00:00.000Z",
};

describe("vaultCredentialsXml", () => {
  it("names the vault, its resource ids and AAD identity, and carries the certificate with its key", () => {
    const xml = vaultCredentialsXml(settings);
    expect(xml).toContain("<ResourceName>WAPRecoveryVault</ResourceName>");
    expect(xml).toContain(`<ArmResourceId>${settings.armResourceId}</ArmResourceId>`);
    expect(xml).toContain("<AadTenantId>t-1</AadTenantId>");
    expect(xml).toContain("<ServicePrincipalClientId>c-1</ServicePrincipalClientId>");
    const cert = Buffer.from(/<ManagementCert>([^<]+)</.exec(xml)![1], "base64").toString();
    expect(cert).toContain("BEGIN CERTIFICATE");
    expect(cert).toContain("BEGIN PRIVATE KEY");
  });

  it("escapes XML in every value", () => {
    expect(vaultCredentialsXml({ ...settings, vaultName: "a<b&c" })).toContain("<ResourceName>a&lt;b&amp;c</ResourceName>");
  });
});
