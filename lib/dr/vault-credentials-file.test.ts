import { createPublicKey, createSign, createVerify, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { generate } from "selfsigned";
import { beforeAll, describe, expect, it } from "vitest";
import { managementCertPfx, vaultCredentialsXml, type VaultCredentialsSettings } from "./vault-credentials-file";

let settings: VaultCredentialsSettings;

beforeAll(async () => {
  // A real certificate and key, as the dr.createVaultCredentials job makes them.
  const pems = await generate([{ name: "commonName", value: "Windows Azure Tools" }], {
    keySize: 2048,
    algorithm: "sha256",
  });
  settings = {
    vaultName: "WAPRecoveryVault",
    region: "westus",
    resourceId: "1234567890",
    armResourceId:
      "/subscriptions/s/resourceGroups/WAPRecoveryGroup/providers/Microsoft.RecoveryServices/vaults/WAPRecoveryVault",
    certificateName: "WAPRecoveryVault-2026-11-25-vaultcredentials",
    aadAuthority: "https://login.example/",
    aadTenantId: "t-1",
    servicePrincipalClientId: "c-1",
    aadAudience: "https://RecoveryServices/x",
    certificatePem: pems.cert,
    privateKeyPem: pems.private,
    thumbprint: "AB:CD",
    validUntil: "2026-11-30T00:00:00.000Z",
  };
});

/** Opens a PFX the way a reader of Azure's file does: no password, one certificate bag and one key bag. */
function openPfx(der: Buffer) {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString("binary")), "");
  const certs = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const keys = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [];
  return { certs, keys };
}

describe("vaultCredentialsXml", () => {
  it("names the vault, its resource ids and AAD identity", () => {
    const xml = vaultCredentialsXml(settings);
    expect(xml).toContain("<ResourceName>WAPRecoveryVault</ResourceName>");
    expect(xml).toContain(`<ArmResourceId>${settings.armResourceId}</ArmResourceId>`);
    expect(xml).toContain("<AadTenantId>t-1</AadTenantId>");
    expect(xml).toContain("<ServicePrincipalClientId>c-1</ServicePrincipalClientId>");
  });

  it("carries ManagementCert as a PKCS#12 blob holding the certificate (same thumbprint) and its matching private key", () => {
    const xml = vaultCredentialsXml(settings);
    const der = Buffer.from(/<ManagementCert>([^<]+)</.exec(xml)![1], "base64");
    expect(der.toString("latin1")).not.toContain("BEGIN");
    const { certs, keys } = openPfx(der);
    expect(certs).toHaveLength(1);
    expect(keys).toHaveLength(1);
    expect(certs[0].attributes.friendlyName).toEqual([settings.certificateName]);

    const certPem = forge.pki.certificateToPem(certs[0].cert!);
    expect(new X509Certificate(certPem).fingerprint).toBe(new X509Certificate(settings.certificatePem).fingerprint);

    const keyPem = forge.pki.privateKeyToPem(keys[0].key!);
    const signature = createSign("sha256").update("register vmm01").sign(keyPem);
    expect(
      createVerify("sha256").update("register vmm01").verify(createPublicKey(settings.certificatePem), signature),
    ).toBe(true);
  });

  it("keeps the certificate itself (its serial number)", () => {
    const pfx = managementCertPfx(settings.certificatePem, settings.privateKeyPem, "x");
    // A serial whose first byte is 0x80 or more is DER-encoded behind a 00 sign byte: forge shows it, Node does not.
    const digits = (hex: string) => hex.toLowerCase().replace(/^(00)+/, "");
    expect(digits(openPfx(pfx).certs[0].cert!.serialNumber)).toBe(
      digits(new X509Certificate(settings.certificatePem).serialNumber),
    );
  });

  it("escapes XML in every value", () => {
    expect(vaultCredentialsXml({ ...settings, vaultName: "a<b&c" })).toContain(
      "<ResourceName>a&lt;b&amp;c</ResourceName>",
    );
  });
});
