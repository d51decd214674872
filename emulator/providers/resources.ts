import { defineProvider, type RequestContext } from "../core/plugin.js";
import { ArmError, resourceGroupNotFound } from "../core/errors.js";
import { resourceGroupId } from "../core/ids.js";
import { normalizeLocation, REGION_NAMES } from "../core/locations.js";
import { RESOURCES_API_VERSIONS } from "./subscriptions.js";
import { s } from "../core/request-schema.js";

const groupSchema = s.obj({ location: s.str, tags: s.map(s.str), managedBy: s.str, properties: s.map(s.any) });

/** Microsoft.Resources: resource groups (delete cascades as an LRO) and generic resource listing. */
const RG_TYPE = "Microsoft.Resources/resourceGroups";
/** Modelled duration of a resource group delete. */
const RG_DELETE_SECONDS = 30;
const RG_NAME = /^[-\w._()]{1,90}$/;

const rgPath = "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}";
const base = {
  apiVersions: RESOURCES_API_VERSIONS,
  resourceType: RG_TYPE,
  requiresRegistration: false,
  requiresResourceGroup: false,
} as const;

function rgId(ctx: RequestContext): string {
  return resourceGroupId(ctx.subscription!.subscriptionId, ctx.params.resourceGroupName);
}

function getGroup(ctx: RequestContext) {
  const r = ctx.store.getResource(rgId(ctx));
  if (!r) throw resourceGroupNotFound(ctx.params.resourceGroupName);
  return r;
}

function validateTags(tags: unknown): Record<string, string> | undefined {
  if (tags === undefined || tags === null) return undefined;
  if (typeof tags !== "object" || Array.isArray(tags))
    throw new ArmError(400, "InvalidRequestContent", "The 'tags' property must be an object.");
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > 50) throw new ArmError(400, "InvalidTagCount", "The number of tags exceeds the limit of 50.");
  for (const [k, v] of entries) {
    if (k.length > 512 || String(v).length > 256) {
      throw new ArmError(400, "InvalidTagNameOrValue", `The tag name '${k}' or its value exceeds the allowed length.`);
    }
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
}

function putGroup(ctx: RequestContext) {
  const name = ctx.params.resourceGroupName;
  if (!RG_NAME.test(name) || name.endsWith(".")) {
    throw new ArmError(
      400,
      "InvalidResourceGroup",
      `The provided resource group name '${name}' has these invalid characters: the name can contain only alphanumeric characters, periods, underscores, hyphens and parenthesis, cannot end in a period, and must be 1-90 characters long.`,
    );
  }
  const existing = ctx.store.getResource(rgId(ctx));
  if (existing && (existing.body.properties as { provisioningState?: string }).provisioningState === "Deleting") {
    throw new ArmError(
      409,
      "ResourceGroupBeingDeleted",
      `The resource group '${name}' is in deprovisioning state and cannot perform this operation.`,
    );
  }
  if (!ctx.body.location)
    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  const location = normalizeLocation(ctx.body.location);
  if (!location) {
    throw new ArmError(
      400,
      "LocationNotAvailableForResourceGroup",
      `The provided location '${ctx.body.location}' is not available for resource group. List of available regions is '${REGION_NAMES.join(",")}'.`,
    );
  }
  if (existing && existing.body.location !== location) {
    throw new ArmError(
      409,
      "InvalidResourceGroupLocation",
      `Invalid resource group location '${location}'. The Resource group already exists in location '${String(existing.body.location)}'.`,
    );
  }
  const body = {
    id: existing?.id ?? rgId(ctx),
    name: existing ? existing.body.name : name,
    type: RG_TYPE,
    location,
    ...(ctx.body.managedBy ? { managedBy: String(ctx.body.managedBy) } : {}),
    tags: validateTags(ctx.body.tags) ?? {},
    properties: { provisioningState: "Succeeded" },
  };
  const saved = ctx.store.putResource(rgId(ctx), body);
  return { status: existing ? 200 : 201, body: saved.body };
}

function patchGroup(ctx: RequestContext) {
  const r = getGroup(ctx);
  const tags = validateTags(ctx.body.tags);
  const body = { ...r.body, ...(tags ? { tags } : {}) };
  return { status: 200, body: ctx.store.putResource(r.id, body).body };
}

function deleteGroup(ctx: RequestContext) {
  const r = getGroup(ctx);
  const active = ctx.lro.activeFor(r.id);
  const op =
    active?.kind === "delete"
      ? active
      : ctx.lro.begin({
          resourceId: r.id,
          kind: "delete",
          durationSeconds: RG_DELETE_SECONDS,
          apiVersion: ctx.apiVersion,
          namespace: "Microsoft.Resources",
          location: "global",
        });
  // Azure answers a group delete with 202 + Location only; polls give 202 then 200 with an empty body.
  return ctx.lro.reply(op, ctx.url(""), { status: 202, asyncOperation: false });
}

function summary(body: Record<string, unknown>) {
  const { id, name, type, location, tags, sku, kind, managedBy, identity } = body;
  return Object.fromEntries(
    Object.entries({ id, name, type, location, tags, sku, kind, managedBy, identity }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

/** Top-level resources only (not child resources like subnets), as the generic resources list shows. */
function listTopLevel(ctx: RequestContext, scope: string) {
  const depth = (id: string) => id.split("/").filter(Boolean).length;
  return ctx.store
    .listResources({ scope })
    .filter((r) => r.type !== RG_TYPE.toLowerCase() && depth(r.id) === 8)
    .map((r) => summary(r.body));
}

export default defineProvider({
  name: "resources",
  namespaces: [
    {
      namespace: "Microsoft.Resources",
      resourceTypes: [
        { resourceType: "resourceGroups", locations: REGION_NAMES, apiVersions: [...RESOURCES_API_VERSIONS] },
      ],
    },
  ],
  routes: [
    { ...base, method: "PUT", path: rgPath, operation: "write", bodySchema: groupSchema, handler: putGroup },
    {
      ...base,
      method: "GET",
      path: rgPath,
      operation: "read",
      handler: (ctx) => ({ status: 200, body: getGroup(ctx).body }),
    },
    {
      ...base,
      method: "HEAD",
      path: rgPath,
      operation: "read",
      handler: (ctx) => ({ status: ctx.store.getResource(rgId(ctx)) ? 204 : 404 }),
    },
    { ...base, method: "PATCH", path: rgPath, operation: "write", bodySchema: groupSchema, handler: patchGroup },
    { ...base, method: "DELETE", path: rgPath, operation: "delete", handler: deleteGroup },
    {
      ...base,
      method: "GET",
      path: "/subscriptions/{subscriptionId}/resourcegroups",
      operation: "read",
      handler: (ctx) => ({
        status: 200,
        body: ctx.page(
          ctx.store
            .listResources({ subscriptionId: ctx.subscription!.subscriptionId, type: RG_TYPE })
            .map((r) => r.body),
        ),
      }),
    },
    {
      ...base,
      method: "GET",
      path: `${rgPath}/resources`,
      operation: "read",
      resourceType: "Microsoft.Resources/resources",
      handler: (ctx) => ({ status: 200, body: ctx.page(listTopLevel(ctx, getGroup(ctx).id)) }),
    },
    {
      ...base,
      method: "GET",
      path: "/subscriptions/{subscriptionId}/resources",
      operation: "read",
      resourceType: "Microsoft.Resources/resources",
      handler: (ctx) => ({
        status: 200,
        body: ctx.page(listTopLevel(ctx, `/subscriptions/${ctx.subscription!.subscriptionId}`)),
      }),
    },
  ],
});
