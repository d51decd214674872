import { restorePoller } from "@azure/arm-resources";
import { armClientsFor } from "./clients";
import { armCall, isNotFound } from "./errors";
import { defineLro, startLro, type LroProgress } from "./lro";
import { missingPortalTags, withMissingPortalTags } from "./tags";
import type { AzureAccess } from "./types";

export type ResourceGroupInfo = {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  provisioningState?: string;
};

export function mapResourceGroup(rg: {
  id?: string;
  name?: string;
  location?: string;
  tags?: Record<string, string>;
  properties?: { provisioningState?: string };
}): ResourceGroupInfo {
  return {
    id: rg.id ?? "",
    name: rg.name ?? "",
    location: rg.location ?? "",
    tags: rg.tags ?? {},
    ...(rg.properties?.provisioningState ? { provisioningState: rg.properties.provisioningState } : {}),
  };
}

/**
 * The group, created with `tags` when missing. An existing group in the same location is left as it is when it already
 * carries `tags` (no write), else PUT again with its own tags kept and the missing ones added (missingPortalTags: the
 * creating operation's tag stays as first written), so a customer's tags survive and a retried job is harmless.
 */
export async function ensureResourceGroup(
  access: AzureAccess,
  name: string,
  location: string,
  tags: Record<string, string> = {},
): Promise<ResourceGroupInfo> {
  const { resources } = armClientsFor(access);
  const existing = await getResourceGroup(access, name);
  // A group being deleted is PUT anyway, so Azure's refusal (ResourceGroupBeingDeleted) reaches the operation.
  const settled = existing?.location === location && existing.provisioningState !== "Deleting";
  if (existing && settled && !Object.keys(missingPortalTags(existing.tags, tags)).length) return existing;
  return armCall(async () =>
    mapResourceGroup(
      await resources.resourceGroups.createOrUpdate(name, {
        location,
        tags: withMissingPortalTags(existing?.tags, tags),
      }),
    ),
  );
}

/** The group, or null when it does not exist. */
export async function getResourceGroup(access: AzureAccess, name: string): Promise<ResourceGroupInfo | null> {
  const { resources } = armClientsFor(access);
  try {
    return await armCall(async () => mapResourceGroup(await resources.resourceGroups.get(name)));
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

const deleteResourceGroupLro = defineLro<{ name: string }, null>({
  kind: "resourceGroup.delete",
  start: ({ resources }, { name }) => resources.resourceGroups.delete(name),
  restore: ({ resources }, _args, state) => restorePoller(resources, state, resources.resourceGroups.delete),
  map: () => null,
});

/** Starts deleting the group and everything in it; store the continuation and finish with pollLro. */
export function deleteResourceGroup(access: AzureAccess, name: string): Promise<LroProgress<null>> {
  return startLro(access, deleteResourceGroupLro, { name });
}
