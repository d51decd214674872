import forge from "node-forge";

/** What a .VaultCredentials file carries; sealed as a whole because of the private key. */
export type VaultCredentialsSettings = {
  vaultName: string;
  region: string;
  resourceId: string;
  armResourceId: string;
  certificateName: string;
  aadAuthority: string;
  aadTenantId: string;
  servicePrincipalClientId: string;
  aadAudience: string;
  certificatePem: string;
  privateKeyPem: string;
  thumbprint: string;
  validUntil: string;
};

/**
 * Registration settings (.VaultCredentials) let the ASR Provider on the VMM server register with the vault. Like the
 * Azure portal's, they expire after a few days. The settings include the certificate's private key, so the whole record
 * is sealed with PORTAL_SECRET_KEY in SealedSecret and expires with the certificate: nothing secret sits in plain text.
 */
export const VAULT_CREDENTIALS_VALID_DAYS = 5;

/** The SealedSecret purpose under which a vault's current settings are kept. */
export const vaultCredentialsPurpose = (vaultId: string) => `dr.vaultCredentials:${vaultId}`;

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/**
 * The certificate with its private key as PKCS#12 (PFX), the way Azure's file carries it (X509Certificate2.Export(Pfx)):
 * no password, since the file itself is the secret; 3DES and a SHA-1 MAC, which every Windows Server the Provider runs on opens.
 */
export function managementCertPfx(certificatePem: string, privateKeyPem: string, friendlyName: string): Buffer {
  const cert = forge.pki.certificateFromPem(certificatePem);
  const key = forge.pki.privateKeyFromPem(privateKeyPem);
  const pfx = forge.pkcs12.toPkcs12Asn1(key, [cert], "", { algorithm: "3des", friendlyName, generateLocalKeyId: true });
  return Buffer.from(forge.asn1.toDer(pfx).getBytes(), "binary");
}

/** The ASR Provider's registration file, in the shape the Azure portal downloads; ManagementCert is the PFX in base64. */
export function vaultCredentialsXml(s: VaultCredentialsSettings): string {
  const el = (name: string, value: string) => `  <${name}>${escape(value)}</${name}>`;
  const managementCert = managementCertPfx(s.certificatePem, s.privateKeyPem, s.certificateName).toString("base64");
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<ASRVaultCreds xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Microsoft.Azure.Portal.RecoveryServices.Models.Common">',
    el("KeyName", s.certificateName),
    el("ManagementCert", managementCert),
    el("ResourceId", s.resourceId),
    el("ResourceName", s.vaultName),
    el("ResourceType", "Microsoft.RecoveryServices/Vaults"),
    "  <AadDetails>",
    `  ${el("AadAuthority", s.aadAuthority)}`,
    `  ${el("AadTenantId", s.aadTenantId)}`,
    `  ${el("ServicePrincipalClientId", s.servicePrincipalClientId)}`,
    `  ${el("AadVaultAudience", s.aadAudience)}`,
    `  ${el("ArmResourceId", s.armResourceId)}`,
    "  </AadDetails>",
    el("Location", s.region),
    el("Thumbprint", s.thumbprint),
    el("ValidUntil", s.validUntil),
    "</ASRVaultCreds>",
    "",
  ].join("\n");
}
