import { defineProvider, ok, type ControlRoute } from "../core/plugin.js";
import { ArmError } from "../core/errors.js";
import { parseResourceId, resourceGroupId } from "../core/ids.js";
import { normalizeLocation } from "../core/locations.js";
import { providerCatalog } from "../core/catalog.js";
import type { Store } from "../core/store.js";
import type { StoredResource } from "../core/state.js";

/**
 * Resources of types the emulator does not serve, which a request it does serve may name: a custom image or gallery
 * image a VM is created from, the scale set or capacity reservation group it joins, the disk encryption set of its
 * disks, the IPAM pool a virtual network draws its prefixes from. They exist in Azure because their owner made them
 * through ARM; here a demo or test registers them through the control API, and the providers that meet a reference
 * check it against them as Azure does (exists, right type, same region, the properties the reference depends on).
 * ARM itself knows nothing of them: a GET of one finds no route, as for any type the emulator does not serve.
 *
 * `POST /_emulator/resources/referenced` `{ id, location, sku?, properties?, tags? }`: id is a full ARM id (a child
 * id for a child resource); its type must be one no provider serves. Idempotent: a second call replaces the record.
 */
export const REFERENCED = "referenced";

const servedTypes = (): Set<string> => {
  const out = new Set<string>();
  for (const { namespace, resourceTypes } of providerCatalog.values())
    for (const t of resourceTypes) out.add(`${namespace}/${t.resourceType}`.toLowerCase());
  return out;
};

const registerReferenced: ControlRoute = {
  method: "POST",
  path: "resources/referenced",
  handler: ({ store }, body) => {
    const id = typeof body.id === "string" ? body.id.replace(/\/+$/, "") : "";
    const parsed = id ? parseResourceId(id) : undefined;
    if (!parsed?.subscriptionId || !parsed.resourceGroup || !parsed.type)
      throw new ArmError(400, "InvalidControlRequest", "'id' must be the ARM id of a resource in a resource group.");
    if (servedTypes().has(parsed.type.toLowerCase()))
      throw new ArmError(
        400,
        "InvalidControlRequest",
        `'${parsed.type}' is served by the emulator: create it through ARM so its checks run.`,
      );
    if (!store.getResource(resourceGroupId(parsed.subscriptionId, parsed.resourceGroup)))
      throw new ArmError(400, "InvalidControlRequest", `Resource group '${parsed.resourceGroup}' does not exist.`);
    const location = normalizeLocation(body.location);
    if (!location) throw new ArmError(400, "InvalidControlRequest", "'location' must name an emulator region.");
    const name = id.split("/").pop()!;
    const record = store.putResource(
      id,
      {
        name,
        type: parsed.type,
        location,
        ...(body.sku ? { sku: body.sku } : {}),
        ...(body.tags ? { tags: body.tags } : {}),
        properties: { ...(body.properties ?? {}), provisioningState: "Succeeded" },
      },
      { [REFERENCED]: true },
    );
    return ok({ id: record.id });
  },
};

/** A registered resource of this type (`Microsoft.Compute/images`), or undefined: for the providers that meet a reference. */
export function findReferenced(store: Store, id: unknown, type: string): StoredResource | undefined {
  if (typeof id !== "string" || !id) return undefined;
  const found = store.getResource(id);
  return found?.internal?.[REFERENCED] && found.type === type.toLowerCase() ? found : undefined;
}

export default defineProvider({
  name: "referenced",
  routes: [],
  control: [registerReferenced],
});
