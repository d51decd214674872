import { newGuid } from "./ids.js";

type Json = Record<string, unknown>;

/**
 * The managed identity an ARM resource answers for the one requested (storage accounts, Recovery Services vaults): a
 * system-assigned identity gets a principal and the subscription's tenant, each user-assigned one a principal and a
 * client id; ids already given are kept, type None removes the identity, and no identity in the request keeps the
 * resource's. The type is kept as sent ("SystemAssigned,UserAssigned" for storage, "SystemAssigned, UserAssigned"
 * for vaults).
 */
export function managedIdentity(requested: unknown, existing: unknown, tenantId: string | undefined): Json | undefined {
  if (requested === undefined || requested === null) return existing as Json | undefined;
  const req = requested as Json;
  const old = (existing ?? {}) as Json;
  const type = String(req.type ?? "None");
  if (type === "None") return undefined;
  const oldUsers = (old.userAssignedIdentities ?? {}) as Record<string, Json>;
  return {
    type,
    ...(type.includes("SystemAssigned")
      ? { principalId: old.principalId ?? newGuid(), tenantId: old.tenantId ?? tenantId }
      : {}),
    ...(type.includes("UserAssigned")
      ? {
          userAssignedIdentities: Object.fromEntries(
            Object.keys((req.userAssignedIdentities ?? {}) as Json).map((id) => [
              id,
              oldUsers[id] ?? { principalId: newGuid(), clientId: newGuid() },
            ]),
          ),
        }
      : {}),
  };
}
