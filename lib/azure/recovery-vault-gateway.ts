import { restorePoller } from "@azure/arm-recoveryservices";
import { flat, str } from "./arm-json";
import { armClientsFor } from "./clients";
import { armCall } from "./errors";
import { defineLro, startLro, type LroProgress } from "./lro";
import { orNull } from "./not-found";
import type { AzureAccess } from "./types";

/** A vault as the portal names it: every Site Recovery call takes these two names. */
export type VaultRef = { resourceGroup: string; vault: string };
export type RecoveryVaultInfo = { id: string; name: string; location: string; provisioningState?: string };
export type VaultCertificateInfo = { resourceId: string; aadTenantId: string; servicePrincipalClientId: string; aadAuthority?: string; aadAudience?: string; thumbprint?: string };

export function mapRecoveryVault(raw: unknown): RecoveryVaultInfo {
  const v = flat(raw);
  return { id: str(v.id) ?? "", name: str(v.name) ?? "", location: str(v.location) ?? "", ...(str(v.provisioningState) ? { provisioningState: str(v.provisioningState) } : {}) };
}

const ensureVaultLro = defineLro<VaultRef & { location: string }, RecoveryVaultInfo>({
  kind: "recoveryServices.vault.put",
  start: ({ recoveryServices }, r) =>
    recoveryServices.vaults.createOrUpdate(r.resourceGroup, r.vault, { location: r.location, sku: { name: "Standard" }, properties: { publicNetworkAccess: "Enabled" } }),
  restore: ({ recoveryServices }, _r, state) => restorePoller(recoveryServices, state, recoveryServices.vaults.createOrUpdate),
  map: mapRecoveryVault,
});

/** PUT of the vault; an existing vault in the same region is left as it is. */
export function ensureRecoveryVault(access: AzureAccess, ref: VaultRef, location: string): Promise<LroProgress<RecoveryVaultInfo>> {
  return startLro(access, ensureVaultLro, { ...ref, location });
}

export function getRecoveryVault(access: AzureAccess, ref: VaultRef): Promise<RecoveryVaultInfo | null> {
  const { recoveryServices } = armClientsFor(access);
  return orNull(async () => mapRecoveryVault(await recoveryServices.vaults.get(ref.resourceGroup, ref.vault)));
}

/**
 * Uploads a (self-signed, public part only) certificate and returns what a `.VaultCredentials` file needs: the vault's
 * AAD identity for the VMM server's provider. The private key never leaves the caller.
 */
export function uploadVaultCertificate(access: AzureAccess, ref: VaultRef, certificateName: string, certificateDer: Uint8Array): Promise<VaultCertificateInfo> {
  const { recoveryServices } = armClientsFor(access);
  return armCall(async () => {
    const r = await recoveryServices.vaultCertificates.create(ref.resourceGroup, ref.vault, certificateName, { properties: { authType: "AzureActiveDirectory", certificate: certificateDer } });
    const p = flat(flat(r).properties ?? r);
    return {
      resourceId: String(p.resourceId ?? ""),
      aadTenantId: str(p.aadTenantId) ?? "",
      servicePrincipalClientId: str(p.servicePrincipalClientId) ?? "",
      ...(str(p.aadAuthority) ? { aadAuthority: str(p.aadAuthority) } : {}),
      ...(str(p.aadAudience) ? { aadAudience: str(p.aadAudience) } : {}),
      ...(str(p.thumbprint) ? { thumbprint: str(p.thumbprint) } : {}),
    };
  });
}
