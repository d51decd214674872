import { defineProvider, ok, type RequestContext, type RouteDef } from "../core/plugin.js";
import { ArmError, resourceNotFound } from "../core/errors.js";
import { resourceGroupId } from "../core/ids.js";
import type { StoredResource } from "../core/state.js";
import { s } from "../core/request-schema.js";
import { apiVersionsFor } from "../specs/api-versions.js";

/**
 * Tags at scope (Microsoft.Resources, operation group Tags: GetAtScope, CreateOrUpdateAtScope, UpdateAtScope,
 * DeleteAtScope) on any resource group or top-level resource the emulator stores:
 * `{scope}/providers/Microsoft.Resources/tags/default`. PUT replaces the whole set, PATCH merges, replaces or deletes
 * (by name, or name and value), DELETE removes every tag. Answers are synchronous (200; the SDK's poller accepts it).
 * Tag names compare case-insensitively (a merged name keeps the casing it was first written with), values exactly.
 * Rules (Learn, "Use tags to organize your Azure resources"): at most 50 tags (storage accounts 15), names at most 512
 * characters (storage accounts 128) without < > % & \ ? /, values at most 256 characters. Subscription scope is not
 * modelled. A tags write changes the resource's etag, as any write does.
 */
// The Tags-at-scope operations exist from 2019-10-01 on: their own family in the index.
const API_VERSIONS = apiVersionsFor("tags");
const SUFFIX = /\/providers\/Microsoft\.Resources\/tags\/default\/?$/i;
const STORAGE = "microsoft.storage/storageaccounts";
const RG_TYPE = "microsoft.resources/resourcegroups";

type Tags = Record<string, string>;

const tagsSchema = s.obj({ tags: s.map(s.str) });
const putSchema = s.obj({ properties: tagsSchema });
const patchSchema = s.obj({ operation: s.str, properties: tagsSchema });

function target(ctx: RequestContext): StoredResource {
  const { resourceGroupName: group, type, name } = ctx.params;
  if (!type) return ctx.store.getResource(resourceGroupId(ctx.subscription!.subscriptionId, group))!;
  const r = ctx.store.getResource(ctx.path.replace(SUFFIX, ""));
  if (!r) throw resourceNotFound(`${ctx.params.namespace}/${type}`, name, group);
  return r;
}

function tagsResource(r: StoredResource, tags: Tags) {
  return {
    id: `${r.id}/providers/Microsoft.Resources/tags/default`,
    name: "default",
    type: "Microsoft.Resources/tags",
    properties: { tags },
  };
}

const currentTags = (r: StoredResource): Tags => ({ ...((r.body.tags as Tags | undefined) ?? {}) });

/** Azure's refusals for a tag set, checked on the set the resource would end with. */
function checkTags(r: StoredResource, tags: Tags): void {
  const storage = r.type === STORAGE;
  const maxTags = storage ? 15 : 50;
  const maxName = storage ? 128 : 512;
  const names = Object.keys(tags);
  const bad = names.filter((n) => /[<>%&\\?/]/.test(n) || /\p{Cc}/u.test(n));
  if (bad.length)
    throw new ArmError(
      400,
      "InvalidTagNameCharacters",
      `The tag names '${bad.join(", ")}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`,
    );
  const long = names.filter((n) => n.length > maxName || n.trim() === "");
  if (long.length)
    throw new ArmError(
      400,
      "InvalidTagName",
      `Tag name '${long.join(", ")}' is empty or exceeded the maximum length. Maximum allowed length for tag name - '${maxName}' characters.`,
    );
  const longValues = names.filter((n) => tags[n].length > 256);
  if (longValues.length)
    throw new ArmError(
      400,
      "InvalidTagValueLength",
      `Tag value too large. Following tag value of '${longValues.join(", ")}' exceeded the maximum length. Maximum allowed length for tag value - '256' characters.`,
    );
  if (names.length > maxTags)
    throw new ArmError(
      400,
      "InvalidTagCount",
      `The number of tags (${names.length}) exceeds the maximum of ${maxTags} for this resource.`,
    );
}

function requestTags(ctx: RequestContext): Tags {
  const tags = ctx.body.properties?.tags;
  if (tags === undefined || tags === null)
    throw new ArmError(400, "InvalidRequestContent", "The request content must have 'properties.tags'.");
  return Object.fromEntries(Object.entries(tags as Record<string, unknown>).map(([k, v]) => [k, String(v ?? "")]));
}

/** The name `name` is stored under, ignoring case; undefined when absent. */
const storedName = (tags: Tags, name: string) => Object.keys(tags).find((k) => k.toLowerCase() === name.toLowerCase());

function write(ctx: RequestContext, r: StoredResource, tags: Tags) {
  checkTags(r, tags);
  const body = {
    ...r.body,
    tags,
    ...(r.body.etag !== undefined && r.type !== RG_TYPE ? { etag: ctx.etag.next() } : {}),
  };
  ctx.store.putResource(r.id, body);
  return ok(tagsResource(r, tags));
}

function patch(ctx: RequestContext) {
  const r = target(ctx);
  const given = requestTags(ctx);
  const operation = String(ctx.body.operation ?? "").toLowerCase();
  const tags = currentTags(r);
  if (operation === "replace") return write(ctx, r, given);
  if (operation === "merge") {
    for (const [name, value] of Object.entries(given)) tags[storedName(tags, name) ?? name] = value;
    return write(ctx, r, tags);
  }
  if (operation === "delete") {
    for (const [name, value] of Object.entries(given)) {
      const stored = storedName(tags, name);
      if (stored !== undefined && (value === "" || tags[stored] === value)) delete tags[stored];
    }
    return write(ctx, r, tags);
  }
  throw new ArmError(
    400,
    "InvalidRequestContent",
    `The value '${String(ctx.body.operation ?? "")}' of 'operation' is not valid; it must be one of Replace, Merge, Delete.`,
  );
}

const SCOPES = [
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{namespace}/{type}/{name}",
];

const routes: RouteDef[] = SCOPES.flatMap((scope): RouteDef[] => {
  const base = {
    path: `${scope}/providers/Microsoft.Resources/tags/default`,
    apiVersions: API_VERSIONS,
    resourceType: "Microsoft.Resources/tags",
    requiresRegistration: false,
  } as const;
  return [
    {
      ...base,
      method: "GET",
      operation: "read",
      handler: (ctx) => ok(tagsResource(target(ctx), currentTags(target(ctx)))),
    },
    {
      ...base,
      method: "PUT",
      operation: "write",
      bodySchema: putSchema,
      handler: (ctx) => write(ctx, target(ctx), requestTags(ctx)),
    },
    { ...base, method: "PATCH", operation: "write", bodySchema: patchSchema, handler: patch },
    {
      ...base,
      method: "DELETE",
      operation: "delete",
      handler: (ctx) => {
        write(ctx, target(ctx), {});
        return { status: 200 };
      },
    },
  ];
});

export default defineProvider({ name: "tags", routes });
