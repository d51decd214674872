import { restorePoller } from "@azure/arm-storage";
import { armClientsFor } from "./clients";
import { flat, obj, str, type Json } from "./arm-json";
import { armCall } from "./errors";
import { orNull } from "./not-found";
import { defineLro, startLro, type LroProgress } from "./lro";
import type { AzureAccess } from "./types";

export type StorageAccountSpec = {
  resourceGroup: string;
  name: string;
  location: string;
  sku: "Standard_GRS" | "Standard_LRS";
  tags?: Record<string, string>;
};
export type StorageAccountInfo = {
  id: string;
  name: string;
  location: string;
  sku: string;
  provisioningState?: string;
  /** The account's tags when it has any: a PUT replaces them, so a re-PUT passes them back. */
  tags?: Record<string, string>;
};
export type StorageNameAvailability = { available: boolean; reason?: string; message?: string };

export function mapStorageAccount(raw: unknown): StorageAccountInfo {
  const a = flat(raw);
  return {
    id: str(a.id) ?? "",
    name: str(a.name) ?? "",
    location: str(a.location) ?? "",
    sku: str((a.sku as Json | undefined)?.name) ?? "",
    ...(str(a.provisioningState) ? { provisioningState: str(a.provisioningState) } : {}),
    ...(Object.keys(obj(a.tags)).length ? { tags: obj(a.tags) as Record<string, string> } : {}),
  };
}

/** Storage account names are global across Azure: a name free in our database may still be someone else's. */
export function checkStorageNameAvailability(access: AzureAccess, name: string): Promise<StorageNameAvailability> {
  const { storage } = armClientsFor(access);
  return armCall(async () => {
    const r = await storage.storageAccounts.checkNameAvailability({ name, type: "Microsoft.Storage/storageAccounts" });
    return {
      available: r.nameAvailable === true,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.message ? { message: r.message } : {}),
    };
  });
}

const ensureStorageAccountLro = defineLro<StorageAccountSpec, StorageAccountInfo>({
  kind: "storage.account.put",
  start: ({ storage }, s) =>
    storage.storageAccounts.create(s.resourceGroup, s.name, {
      location: s.location,
      sku: { name: s.sku },
      kind: "StorageV2",
      tags: s.tags ?? {},
    }),
  restore: ({ storage }, _s, state) => restorePoller(storage, state, storage.storageAccounts.create),
  map: mapStorageAccount,
});

/**
 * PUT of the account: creating it again with the same settings is a no-op, so a retried step is harmless. The PUT
 * replaces the account's tags: for an existing account pass its own with the portal's (withMissingPortalTags).
 */
export function ensureStorageAccount(
  access: AzureAccess,
  spec: StorageAccountSpec,
): Promise<LroProgress<StorageAccountInfo>> {
  return startLro(access, ensureStorageAccountLro, spec);
}

/** The account, or null when it does not exist. */
export function getStorageAccount(
  access: AzureAccess,
  resourceGroup: string,
  name: string,
): Promise<StorageAccountInfo | null> {
  const { storage } = armClientsFor(access);
  return orNull(async () => mapStorageAccount(await storage.storageAccounts.getProperties(resourceGroup, name)));
}
