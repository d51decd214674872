import { createHash, X509Certificate } from "node:crypto";
import { ArmError } from "../../core/errors.js";
import { newGuid } from "../../core/ids.js";
import { managedIdentity } from "../../core/managed-identity.js";
import type { RequestContext } from "../../core/plugin.js";
import { apiVersionsFor } from "../../specs/api-versions.js";

/** Microsoft.RecoveryServices/vaults shapes (SPECS VAULT 2025-02-01 examples/PUTVault.json; AZURE-FACTS §9). */
export const VAULT_TYPE = "Microsoft.RecoveryServices/vaults";
export const VAULT_API_VERSIONS = apiVersionsFor("recoveryServicesVaults");
const VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,49}$/;

export function assertVaultName(name: string): void {
  // Code unconfirmed; the rule is DOCS resource-name-rules.md.
  if (!VAULT_NAME.test(name)) {
    throw new ArmError(
      400,
      "InvalidResourceName",
      `The vault name '${name}' is invalid. It must be 2 to 50 characters long, start with a letter, and contain only letters, numbers and hyphens.`,
    );
  }
}

/** The ARM body of a vault: Azure answers `sku {RS0, Standard}` whatever form of the standard sku was sent. */
export function vaultBody(ctx: RequestContext, name: string, location: string, existing?: Record<string, unknown>) {
  const props = (ctx.body.properties ?? {}) as Record<string, unknown>;
  const old = (existing?.properties ?? {}) as Record<string, unknown>;
  const skuName = String(ctx.body.sku?.name ?? "Standard");
  if (!["Standard", "RS0"].includes(skuName)) {
    throw new ArmError(400, "InvalidSkuName", `The sku '${skuName}' is not supported; use 'Standard' (RS0).`);
  }
  const identity = managedIdentity(ctx.body.identity, existing?.identity, ctx.subscription!.tenantId);
  return {
    name,
    type: VAULT_TYPE,
    location,
    tags:
      (ctx.body.tags as Record<string, string> | undefined) ??
      (existing?.tags as Record<string, string> | undefined) ??
      {},
    sku: { name: "RS0", tier: "Standard" },
    etag: `W/"datetime'${encodeURIComponent(ctx.clock.iso())}'"`,
    ...(identity ? { identity } : {}),
    properties: {
      ...mergedVaultProperties(props, old),
      provisioningState: old.provisioningState ?? "Creating",
      privateEndpointStateForBackup: "None",
      privateEndpointStateForSiteRecovery: "None",
      publicNetworkAccess: props.publicNetworkAccess ?? old.publicNetworkAccess ?? "Enabled",
      secureScore: "None",
      bcdrSecurityLevel: "Poor",
      redundancySettings: old.redundancySettings ?? {
        standardTierStorageRedundancy: "GeoRedundant",
        crossRegionRestore: "Disabled",
      },
      securitySettings: {
        softDeleteSettings: { softDeleteState: "Enabled", softDeleteRetentionPeriodInDays: 14 },
        ...((old.securitySettings ?? {}) as Record<string, unknown>),
        ...((props.securitySettings ?? {}) as Record<string, unknown>),
      },
    },
  };
}

/**
 * The vault's numeric resource id (Azure's are 18 digits, e.g. 154745957219930484): stable per vault and always above
 * 2^53, so a client that reads it through a JS number gets it wrong against the emulator as it would against Azure.
 */
export function vaultResourceId(vaultId: string): string {
  const hash = BigInt("0x" + createHash("sha256").update(vaultId.toLowerCase()).digest("hex").slice(0, 15));
  // Odd and above 2^58: no double holds it exactly.
  return String(hash | (1n << 58n) | 1n);
}

/**
 * Vault credentials: the portal uploads a certificate and gets back the AAD details it writes into the
 * `.VaultCredentials` file (the vault's own service principal, and the directory of the vault's subscription).
 */
export function certificateBody(ctx: RequestContext, vault: { id: string; internal: Record<string, unknown> }) {
  const raw = String(ctx.body.properties?.certificate ?? "");
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(raw, "base64"));
  } catch {
    throw new ArmError(400, "BadRequest", "The certificate is not a valid base64-encoded X.509 certificate.");
  }
  const sp = (vault.internal.servicePrincipal ??= {
    clientId: newGuid(),
    objectId: newGuid(),
    resourceId: vaultResourceId(vault.id),
  }) as {
    clientId: string;
    objectId: string;
    resourceId: string;
  };
  ctx.store.markDirty();
  const tenantId = ctx.subscription!.tenantId;
  return {
    name: ctx.params.certificateName,
    type: `${VAULT_TYPE}/certificates`,
    id: ctx.path,
    properties: {
      authType: "AzureActiveDirectory",
      friendlyName: "",
      certificate: raw,
      // int64 in the spec, and above 2^53 like Azure's (154745957219930484): written as an exact JSON number.
      resourceId: BigInt(sp.resourceId),
      subject: cert.subject.replace(/\n/g, ", "),
      issuer: cert.issuer.replace(/\n/g, ", "),
      thumbprint: cert.fingerprint.replace(/:/g, ""),
      validFrom: new Date(cert.validFrom).toISOString(),
      validTo: new Date(cert.validTo).toISOString(),
      aadAuthority: ctx.url(""),
      aadTenantId: tenantId,
      servicePrincipalClientId: sp.clientId,
      servicePrincipalObjectId: sp.objectId,
      azureManagementEndpointAudience: `${ctx.url("")}/RecoveryServices/${vault.id.split("/")[2]}/${sp.resourceId}`,
      serviceResourceId: sp.resourceId,
      aadAudience: `api://${tenantId}/RecoveryServices/${sp.resourceId}`,
    },
  };
}

type Json = Record<string, unknown>;

/**
 * The writable vault properties a PUT or PATCH names, over the vault's: customer-managed key encryption (the key
 * identity says whether the system identity is used, as Azure answers it), monitoring, cost management, restore and
 * redundancy settings. resourceGuardOperationRequests is a request-only field (Azure does not answer it).
 */
export function mergedVaultProperties(props: Json, old: Json): Json {
  const out: Json = { ...old };
  for (const key of ["monitoringSettings", "costManagementSettings", "restoreSettings", "redundancySettings"])
    if (props[key] !== undefined) out[key] = { ...((old[key] ?? {}) as Json), ...(props[key] as Json) };
  if (props.encryption !== undefined) {
    const enc = { ...((old.encryption ?? {}) as Json), ...(props.encryption as Json) };
    const kek = enc.kekIdentity as Json | undefined;
    if (kek)
      enc.kekIdentity = kek.useSystemAssignedIdentity
        ? { useSystemAssignedIdentity: true }
        : { useSystemAssignedIdentity: false, ...kek };
    out.encryption = enc;
  }
  return out;
}
