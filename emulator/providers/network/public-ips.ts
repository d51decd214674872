import { createHash } from "node:crypto";
import type { RequestContext, RouteDef } from "../../core/plugin.js";
import { allocatePublicIp } from "./addresses.js";
import { syncBackReferences, TYPES } from "./back-references.js";
import {
  assertName,
  assertNotLocked,
  deleteTopLevel,
  getOr404,
  groupPath,
  listBodies,
  newResourceGuid,
  requireLocation,
  route,
  subscriptionPath,
  writeTopLevel,
  type Json,
} from "./common.js";
import {
  basicSkuRetired,
  invalidValue,
  pipIdleTimeout,
  pipInUseCannotBeDynamic,
  publicIpCannotBeDeleted,
  standardMustBeStatic,
} from "./errors.js";
import { publicIpSchema } from "./schemas.js";

/** Public IP addresses (SPECS NET publicIpAddress.json; AZURE-FACTS §6). */
const PIP = groupPath("publicIPAddresses/{publicIpAddressName}");
const PUT_SECONDS = 3;
const DELETE_SECONDS = 3;

export function buildPublicIp(ctx: RequestContext, id: string, name: string, existing?: Json): Json {
  const input = ctx.body;
  const location = existing ? String(existing.location) : requireLocation(input.location);
  const p = (input.properties ?? {}) as Json;
  const old = (existing?.properties ?? {}) as Json;
  // Without a sku Azure now creates Standard (Basic is retired); (unconfirmed) for every api-version.
  const skuName = String(input.sku?.name ?? existing?.sku?.name ?? "Standard");
  if (skuName !== "Basic" && skuName !== "Standard")
    throw invalidValue(
      "InvalidRequestFormat",
      `Public IP address SKU '${skuName}' is not valid. Allowed values are Basic, Standard.`,
    );
  const version = String(p.publicIPAddressVersion ?? old.publicIPAddressVersion ?? "IPv4");
  if (skuName === "Basic" && version === "IPv4" && !existing) throw basicSkuRetired();
  // Without an allocation method a Standard address is Static (Standard allows nothing else), Basic Dynamic.
  const method = String(
    p.publicIPAllocationMethod ?? old.publicIPAllocationMethod ?? (skuName === "Standard" ? "Static" : "Dynamic"),
  );
  if (method !== "Static" && method !== "Dynamic")
    throw invalidValue(
      "InvalidRequestFormat",
      `Public IP allocation method '${method}' is not valid. Allowed values are Static, Dynamic.`,
    );
  if (skuName === "Standard" && method !== "Static") throw standardMustBeStatic(id);
  if (method === "Dynamic" && old.publicIPAllocationMethod === "Static" && old.ipConfiguration)
    throw pipInUseCannotBeDynamic(id, String(old.ipConfiguration.id));
  const idle = p.idleTimeoutInMinutes ?? old.idleTimeoutInMinutes ?? 4;
  if (!Number.isInteger(idle) || idle < 4 || idle > 30) throw pipIdleTimeout(id, idle);
  // Static addresses exist from creation; a Dynamic one keeps whatever the Compute RP assigned while its VM runs.
  const ipAddress = method === "Static" ? (old.ipAddress ?? allocatePublicIp(ctx.store)) : old.ipAddress;
  const label = p.dnsSettings?.domainNameLabel;
  const labelScope = p.dnsSettings?.domainNameLabelScope;
  if (labelScope !== undefined && labelScope !== null && !LABEL_SCOPES.includes(labelScope))
    throw invalidValue(
      "InvalidRequestFormat",
      `Domain name label scope '${String(labelScope)}' is not valid. Allowed values are ${LABEL_SCOPES.join(", ")}.`,
    );
  return {
    id,
    name,
    type: TYPES.pip,
    location,
    tags: input.tags ?? existing?.tags ?? {},
    etag: ctx.etag.next(),
    sku: { name: skuName, tier: String(input.sku?.tier ?? existing?.sku?.tier ?? "Regional") },
    ...((input.zones ?? existing?.zones) ? { zones: input.zones ?? existing?.zones } : {}),
    properties: {
      provisioningState: "Updating",
      resourceGuid: old.resourceGuid ?? newResourceGuid(),
      publicIPAddressVersion: version,
      publicIPAllocationMethod: method,
      idleTimeoutInMinutes: idle,
      ipTags: Array.isArray(p.ipTags) ? p.ipTags : [],
      ...(ipAddress ? { ipAddress } : {}),
      ...(label ? { dnsSettings: dnsSettings(ctx, id, String(label), location, labelScope) } : {}),
      ...(old.ipConfiguration ? { ipConfiguration: old.ipConfiguration } : {}),
    },
  };
}

const LABEL_SCOPES = ["TenantReuse", "SubscriptionReuse", "ResourceGroupReuse", "NoReuse"];

/**
 * The DNS name: `label.region.cloudapp.azure.com`, or with a label scope `label.hash.region.sysgen.cloudapp.azure.com`
 * where the hash stands for the tenant, subscription, resource group or the address itself (SPECS NET
 * PublicIPAddressDnsSettings; the form is Azure's published example's). Azure's hash function is not published: here
 * 16 letters derived from what the scope names, so the same scope gives the same name.
 */
function dnsSettings(ctx: RequestContext, id: string, label: string, location: string, scope: unknown): Json {
  if (!scope) return { domainNameLabel: label, fqdn: `${label}.${location}.cloudapp.azure.com` };
  const rg = id.split("/providers/")[0].toLowerCase();
  const owner = {
    TenantReuse: ctx.subscription?.tenantId ?? "",
    SubscriptionReuse: rg.split("/resourcegroups/")[0],
    ResourceGroupReuse: rg,
    NoReuse: id.toLowerCase(),
  }[String(scope)];
  const hash = [
    ...createHash("sha256")
      .update(`${String(scope)}:${owner}`)
      .digest()
      .subarray(0, 16),
  ]
    .map((b) => String.fromCharCode(97 + (b % 26)))
    .join("");
  return {
    domainNameLabel: label,
    domainNameLabelScope: scope,
    fqdn: `${label}.${hash}.${location}.sysgen.cloudapp.azure.com`,
  };
}

function putPublicIp(ctx: RequestContext) {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) assertName(ctx.params.publicIpAddressName);
  ctx.etag.check(existing?.body);
  assertNotLocked(ctx, ctx.path);
  const name = existing ? String(existing.body.name) : ctx.params.publicIpAddressName;
  const body = buildPublicIp(ctx, existing?.id ?? ctx.path, name, existing?.body);
  return writeTopLevel(ctx, ctx.path, body, { existed: !!existing, seconds: PUT_SECONDS });
}

function deletePublicIp(ctx: RequestContext) {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) return { status: 204 };
  assertNotLocked(ctx, ctx.path);
  const user = (existing.body.properties as Json).ipConfiguration?.id;
  if (user) throw publicIpCannotBeDeleted(existing.id, String(user));
  return deleteTopLevel(ctx, ctx.path, DELETE_SECONDS);
}

function getPublicIp(ctx: RequestContext) {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  return { status: 200, body: getOr404(ctx, ctx.path, TYPES.pip, ctx.params.publicIpAddressName).body };
}

const base = { resourceType: TYPES.pip } as const;
export const publicIpRoutes: RouteDef[] = [
  route({ ...base, method: "PUT", path: PIP, operation: "write", bodySchema: publicIpSchema, handler: putPublicIp }),
  route({ ...base, method: "GET", path: PIP, operation: "read", handler: getPublicIp }),
  route({ ...base, method: "DELETE", path: PIP, operation: "delete", handler: deletePublicIp }),
  route({
    ...base,
    method: "GET",
    path: groupPath("publicIPAddresses"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.pip, "group"),
  }),
  route({
    ...base,
    method: "GET",
    path: subscriptionPath("publicIPAddresses"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.pip, "subscription"),
  }),
];
