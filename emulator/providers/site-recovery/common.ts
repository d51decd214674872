import { createHash } from "node:crypto";
import { ArmError, type ArmErrorDetail } from "../../core/errors.js";
import type { RequestContext, RouteDef } from "../../core/plugin.js";
import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import { apiVersionsFor } from "../../specs/api-versions.js";

/** Every stable Site Recovery (ASR) api-version; the installed SDK sends 2023-06-01. */
export const ASR_API_VERSIONS = apiVersionsFor("siteRecovery");
export const NS = "Microsoft.RecoveryServices";
export const VAULT =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{vaultName}";
export const FABRIC = `${VAULT}/replicationFabrics/{fabricName}`;
export const CONTAINER = `${FABRIC}/replicationProtectionContainers/{containerName}`;
export const ITEM = `${CONTAINER}/replicationProtectedItems/{itemName}`;

export const T = {
  fabric: `${NS}/vaults/replicationFabrics`,
  provider: `${NS}/vaults/replicationFabrics/replicationRecoveryServicesProviders`,
  container: `${NS}/vaults/replicationFabrics/replicationProtectionContainers`,
  protectable: `${NS}/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectableItems`,
  protected: `${NS}/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems`,
  containerMapping: `${NS}/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings`,
  network: `${NS}/vaults/replicationFabrics/replicationNetworks`,
  networkMapping: `${NS}/vaults/replicationFabrics/replicationNetworks/replicationNetworkMappings`,
  policy: `${NS}/vaults/replicationPolicies`,
  job: `${NS}/vaults/replicationJobs`,
} as const;

/** The recovery side of Hyper-V to Azure is not a fabric in the vault: ASR names it "Microsoft Azure". */
export const AZURE_FABRIC = "Microsoft Azure";

export const asrBase = { apiVersions: ASR_API_VERSIONS } as const;
export type AsrRoute = Omit<RouteDef, "apiVersions">;
export const route = (r: AsrRoute): RouteDef => ({ ...asrBase, ...r });

/**
 * ASR wraps its own error codes in a BadRequest envelope with possibleCauses and recommendedAction
 * (GH Azure/azure-rest-api-specs#12759, Azure/azure-powershell#4893). Inner codes here are best readings (unconfirmed).
 */
export function asrError(
  status: number,
  code: string,
  message: string,
  possibleCauses: string,
  recommendedAction: string,
): ArmError {
  const detail = { code, message, possibleCauses, recommendedAction } as ArmErrorDetail;
  return new ArmError(status, status === 404 ? "NotFound" : status === 409 ? "Conflict" : "BadRequest", message, [
    detail,
  ]);
}

export const notFound = (kind: string, name: string) =>
  asrError(
    404,
    `${kind}NotFound`,
    `The ${kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} '${name}' was not found in the vault.`,
    "The object does not exist or was deleted.",
    "Check the name and retry the operation.",
  );

/** The vault of the request (404 ResourceNotFound like the vault RP when it does not exist). */
export function vaultOf(ctx: RequestContext): StoredResource {
  const id = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}/providers/${NS}/vaults/${ctx.params.vaultName}`;
  const v = ctx.store.getResource(id);
  if (!v)
    throw new ArmError(
      404,
      "ResourceNotFound",
      `The Resource '${NS}/vaults/${ctx.params.vaultName}' under resource group '${ctx.params.resourceGroupName}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  return v;
}

/** The resource at the request path (item routes), or ASR's 404. */
export function getAt(ctx: RequestContext, kind: string, name: string, path = ctx.path): StoredResource {
  vaultOf(ctx);
  const r = ctx.store.getResource(path);
  if (!r) throw notFound(kind, name);
  return r;
}

/** Path up to (not including) the last `n` segments. */
export const parentOf = (path: string, n = 2) => path.split("/").slice(0, -n).join("/");

export function listUnder(store: Store, scope: string, type: string): StoredResource[] {
  return store.listResources({ scope, type });
}

/** Stable GUID-shaped names derived from seeds, so seeding twice yields the same ids. */
export function stableGuid(...parts: string[]): string {
  const h = createHash("sha256").update(parts.join("|").toLowerCase()).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const stableHex = (...parts: string[]) =>
  createHash("sha256").update(parts.join("|").toLowerCase()).digest("hex");

export function props(r: StoredResource): Record<string, unknown> {
  return (r.body.properties ?? {}) as Record<string, unknown>;
}

/** Case-insensitive ARM id comparison. */
export const sameId = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
