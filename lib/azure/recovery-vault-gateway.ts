import { restorePoller } from "@azure/arm-recoveryservices";
import { flat, obj, str } from "./arm-json";
import { armClientsFor } from "./clients";
import { armCall } from "./errors";
import { defineLro, startLro, type LroProgress } from "./lro";
import { orNull } from "./not-found";
import { withMissingPortalTags } from "./tags";
import type { AzureAccess } from "./types";

/** A vault as the portal names it: every Site Recovery call takes these two names. */
export type VaultRef = { resourceGroup: string; vault: string };
export type RecoveryVaultInfo = {
  id: string;
  name: string;
  location: string;
  provisioningState?: string;
  /** The vault's tags when it has any. */
  tags?: Record<string, string>;
};
export type VaultCertificateInfo = {
  resourceId: string;
  aadTenantId: string;
  servicePrincipalClientId: string;
  aadAuthority?: string;
  aadAudience?: string;
  thumbprint?: string;
};

export function mapRecoveryVault(raw: unknown): RecoveryVaultInfo {
  const v = flat(raw);
  return {
    id: str(v.id) ?? "",
    name: str(v.name) ?? "",
    location: str(v.location) ?? "",
    ...(str(v.provisioningState) ? { provisioningState: str(v.provisioningState) } : {}),
    ...(Object.keys(obj(v.tags)).length ? { tags: obj(v.tags) as Record<string, string> } : {}),
  };
}

const ensureVaultLro = defineLro<VaultRef & { location: string; tags?: Record<string, string> }, RecoveryVaultInfo>({
  kind: "recoveryServices.vault.put",
  start: ({ recoveryServices }, r) =>
    recoveryServices.vaults.createOrUpdate(r.resourceGroup, r.vault, {
      location: r.location,
      ...(r.tags ? { tags: r.tags } : {}),
      sku: { name: "Standard" },
      properties: { publicNetworkAccess: "Enabled" },
    }),
  restore: ({ recoveryServices }, _r, state) =>
    restorePoller(recoveryServices, state, recoveryServices.vaults.createOrUpdate),
  map: mapRecoveryVault,
});

/**
 * PUT of the vault; an existing vault in the same region is left as it is. The vault is read first: a PUT replaces its
 * tags, so an existing vault (one the provider made and the portal picks, or a retry) keeps its own and gains the
 * portal's missing ones.
 */
export async function ensureRecoveryVault(
  access: AzureAccess,
  ref: VaultRef,
  location: string,
  tags: Record<string, string> = {},
): Promise<LroProgress<RecoveryVaultInfo>> {
  const existing = await getRecoveryVault(access, ref);
  return startLro(access, ensureVaultLro, { ...ref, location, tags: withMissingPortalTags(existing?.tags, tags) });
}

export function getRecoveryVault(access: AzureAccess, ref: VaultRef): Promise<RecoveryVaultInfo | null> {
  const { recoveryServices } = armClientsFor(access);
  return orNull(async () => mapRecoveryVault(await recoveryServices.vaults.get(ref.resourceGroup, ref.vault)));
}

/**
 * An int64 field as Azure wrote it, digits intact. JSON.parse (and so every SDK model) turns a number above 2^53 into
 * a nearby one: a vault's resourceId 154745957219930484 became 154745957219930500 (issue 12, point 2).
 */
export function int64Field(bodyText: string | undefined, field: string): string | undefined {
  const m = bodyText ? new RegExp(`"${field}"\\s*:\\s*"?(-?\\d+)"?`).exec(bodyText) : null;
  return m?.[1];
}

/**
 * Uploads a (self-signed, public part only) certificate and returns what a `.VaultCredentials` file needs: the vault's
 * AAD identity for the VMM server's provider. The private key never leaves the caller. The vault's numeric resourceId
 * is read from the response text, since the SDK hands it over as a JS number.
 */
export function uploadVaultCertificate(
  access: AzureAccess,
  ref: VaultRef,
  certificateName: string,
  certificateDer: Uint8Array,
): Promise<VaultCertificateInfo> {
  const { recoveryServices } = armClientsFor(access);
  return armCall(async () => {
    let bodyText: string | undefined;
    const r = await recoveryServices.vaultCertificates.create(
      ref.resourceGroup,
      ref.vault,
      certificateName,
      { properties: { authType: "AzureActiveDirectory", certificate: certificateDer } },
      {
        onResponse: (raw) => void (bodyText = raw.bodyAsText ?? undefined),
      },
    );
    const p = flat(flat(r).properties ?? r);
    return {
      resourceId: exactResourceId(bodyText, p.resourceId),
      aadTenantId: str(p.aadTenantId) ?? "",
      servicePrincipalClientId: str(p.servicePrincipalClientId) ?? "",
      ...(str(p.aadAuthority) ? { aadAuthority: str(p.aadAuthority) } : {}),
      ...(str(p.aadAudience) ? { aadAudience: str(p.aadAudience) } : {}),
      ...(str(p.thumbprint) ? { thumbprint: str(p.thumbprint) } : {}),
    };
  });
}

function exactResourceId(bodyText: string | undefined, parsed: unknown): string {
  const exact = int64Field(bodyText, "resourceId") ?? (typeof parsed === "string" ? parsed : undefined);
  if (exact) return exact;
  if (typeof parsed === "number" && Number.isSafeInteger(parsed)) return String(parsed);
  // Better no file than one that registers the VMM server against another vault's id.
  throw new Error("The vault's resource id could not be read exactly from Azure's answer to the certificate upload.");
}
