import { ArmError } from "../../core/errors.js";
import type { Reply, RequestContext, RouteDef } from "../../core/plugin.js";
import { syncBackReferences, TYPES } from "./back-references.js";
import { assertNotLocked, getOr404, groupPath, route, type Json } from "./common.js";
import { s } from "../../core/request-schema.js";

/**
 * The `*_UpdateTags` operations of virtualNetwork.json, networkInterface.json, publicIpAddress.json,
 * networkSecurityGroup.json and loadBalancer.json: PATCH with a TagsObject replaces the resource's tags and answers
 * 200 with the resource at once (the spec declares no long-running operation for them). Azure's tag limits for
 * network resources: 50 tags, names up to 512 characters, values up to 256.
 */
const RESOURCES = [
  { collection: "virtualNetworks", name: "virtualNetworkName", type: TYPES.vnet },
  { collection: "networkInterfaces", name: "networkInterfaceName", type: TYPES.nic },
  { collection: "publicIPAddresses", name: "publicIpAddressName", type: TYPES.pip },
  { collection: "networkSecurityGroups", name: "networkSecurityGroupName", type: TYPES.nsg },
  { collection: "loadBalancers", name: "loadBalancerName", type: TYPES.lb },
] as const;

function checkTags(tags: Record<string, string>): void {
  const entries = Object.entries(tags);
  if (entries.length > 50) throw new ArmError(400, "InvalidTagCount", "The number of tags exceeds the limit of 50.");
  for (const [k, v] of entries) {
    if (k.length > 512 || v.length > 256)
      throw new ArmError(400, "InvalidTagNameOrValue", `The tag name '${k}' or its value exceeds the allowed length.`);
  }
}

function updateTags(ctx: RequestContext, type: string, name: string): Reply {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  const existing = getOr404(ctx, ctx.path, type, name);
  assertNotLocked(ctx, existing.id);
  const tags = (ctx.body.tags ?? {}) as Record<string, string>;
  checkTags(tags);
  const body = structuredClone(existing.body) as Json;
  body.tags = tags;
  if (body.etag) body.etag = ctx.etag.next();
  ctx.store.putResource(existing.id, body);
  return { status: 200, body: ctx.store.getResource(existing.id)!.body };
}

export const updateTagsRoutes: RouteDef[] = RESOURCES.map((r) =>
  route({
    resourceType: r.type,
    method: "PATCH",
    path: groupPath(`${r.collection}/{${r.name}}`),
    operation: "write",
    bodySchema: s.obj({ tags: s.map(s.str) }),
    handler: (ctx) => updateTags(ctx, r.type, ctx.params[r.name]),
  }),
);
