import type { RequestContext, RouteDef } from "../../core/plugin.js";
import { resourceNotFound } from "../../core/errors.js";
import { syncBackReferences, TYPES } from "./back-references.js";
import {
  asArray,
  assertName,
  assertNotLocked,
  deleteChild,
  deleteTopLevel,
  getOr404,
  groupPath,
  listBodies,
  newResourceGuid,
  requireLocation,
  route,
  sameId,
  subscriptionPath,
  writeChild,
  writeTopLevel,
  type Json,
} from "./common.js";
import { duplicateResourceName, invalidValue, nsgInUse } from "./errors.js";
import { childId, findByName } from "./lookup.js";
import { networkSecurityGroupSchema, securityRuleSchema } from "./schemas.js";

/** Network security groups with inline security rules and Azure's six default rules (SPECS NET networkSecurityGroup.json). */
const NSG = groupPath("networkSecurityGroups/{networkSecurityGroupName}");
const RULE_TYPE = "Microsoft.Network/networkSecurityGroups/securityRules";
const DEFAULT_TYPE = "Microsoft.Network/networkSecurityGroups/defaultSecurityRules";

const DEFAULTS: [string, string, string, string, string, number][] = [
  [
    "AllowVnetInBound",
    "Allow inbound traffic from all VMs in VNET",
    "VirtualNetwork",
    "VirtualNetwork",
    "Allow",
    65000,
  ],
  [
    "AllowAzureLoadBalancerInBound",
    "Allow inbound traffic from azure load balancer",
    "AzureLoadBalancer",
    "*",
    "Allow",
    65001,
  ],
  ["DenyAllInBound", "Deny all inbound traffic", "*", "*", "Deny", 65500],
  [
    "AllowVnetOutBound",
    "Allow outbound traffic from all VMs to all VMs in VNET",
    "VirtualNetwork",
    "VirtualNetwork",
    "Allow",
    65000,
  ],
  ["AllowInternetOutBound", "Allow outbound traffic from all VMs to Internet", "*", "Internet", "Allow", 65001],
  ["DenyAllOutBound", "Deny all outbound traffic", "*", "*", "Deny", 65500],
];

function defaultRules(nsgId: string, etag: string): Json[] {
  return DEFAULTS.map(([name, description, source, destination, access, priority]) => ({
    name,
    id: childId(nsgId, "defaultSecurityRules", name),
    etag,
    type: DEFAULT_TYPE,
    properties: {
      provisioningState: "Succeeded",
      description,
      protocol: "*",
      sourcePortRange: "*",
      destinationPortRange: "*",
      sourceAddressPrefix: source,
      destinationAddressPrefix: destination,
      access,
      priority,
      direction: name.includes("InBound") ? "Inbound" : "Outbound",
      sourcePortRanges: [],
      destinationPortRanges: [],
      sourceAddressPrefixes: [],
      destinationAddressPrefixes: [],
    },
  }));
}

const oneOf = (value: unknown, allowed: string[], field: string, ruleId: string): string => {
  // (unconfirmed) code: Azure rejects enum values with a 400 naming the property.
  if (typeof value !== "string" || !allowed.includes(value))
    throw invalidValue(
      "SecurityRuleParameterInvalid",
      `Security rule ${ruleId} has invalid ${field} '${String(value)}'. Allowed values are ${allowed.join(", ")}.`,
    );
  return value;
};

function buildRule(nsgId: string, input: Json, etag: string): Json {
  const name = assertName(input.name);
  const id = childId(nsgId, "securityRules", name);
  const p = (input.properties ?? {}) as Json;
  // A missing priority is .NET's default 0 (as Azure reports it).
  const priority = p.priority;
  if (!Number.isInteger(priority) || priority < 100 || priority > 4096) {
    // (unconfirmed) code; the range is documented.
    throw invalidValue(
      "SecurityRuleInvalidPriority",
      `Security rule has invalid Priority. Value provided: ${String(priority ?? 0)} Allowed range 100-4096.`,
    );
  }
  return {
    name,
    id,
    etag,
    type: RULE_TYPE,
    properties: {
      provisioningState: "Updating",
      ...(p.description ? { description: String(p.description) } : {}),
      protocol: oneOf(p.protocol, ["Tcp", "Udp", "Icmp", "Esp", "Ah", "*"], "protocol", id),
      sourcePortRange: p.sourcePortRange,
      destinationPortRange: p.destinationPortRange,
      sourceAddressPrefix: p.sourceAddressPrefix,
      destinationAddressPrefix: p.destinationAddressPrefix,
      sourcePortRanges: asArray(p.sourcePortRanges),
      destinationPortRanges: asArray(p.destinationPortRanges),
      sourceAddressPrefixes: asArray(p.sourceAddressPrefixes),
      destinationAddressPrefixes: asArray(p.destinationAddressPrefixes),
      access: oneOf(p.access, ["Allow", "Deny"], "access", id),
      priority,
      direction: oneOf(p.direction, ["Inbound", "Outbound"], "direction", id),
    },
  };
}

export function buildNsg(ctx: RequestContext, id: string, name: string, input: Json, existing?: Json): Json {
  const etag = ctx.etag.next();
  const rules: Json[] = [];
  for (const r of asArray(input.properties?.securityRules)) {
    const rule = buildRule(id, r, etag);
    if (findByName(rules, rule.name)) throw duplicateResourceName(id, rule.name);
    const clash = rules.find(
      (o) => o.properties.priority === rule.properties.priority && o.properties.direction === rule.properties.direction,
    );
    // (unconfirmed) code for two rules with one priority and direction.
    if (clash)
      throw invalidValue(
        "SecurityRuleConflict",
        `Security rule ${rule.name} conflicts with rule ${clash.name}. Rules cannot have the same Priority and Direction.`,
      );
    rules.push(rule);
  }
  return {
    id,
    name,
    type: TYPES.nsg,
    location: existing ? existing.location : requireLocation(input.location),
    tags: input.tags ?? existing?.tags ?? {},
    etag,
    properties: {
      provisioningState: "Updating",
      resourceGuid: existing?.properties?.resourceGuid ?? newResourceGuid(),
      securityRules: rules,
      defaultSecurityRules: defaultRules(id, etag),
    },
  };
}

function putNsg(ctx: RequestContext) {
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) assertName(ctx.params.networkSecurityGroupName);
  ctx.etag.check(existing?.body);
  assertNotLocked(ctx, ctx.path);
  const body = buildNsg(
    ctx,
    existing?.id ?? ctx.path,
    existing ? String(existing.body.name) : ctx.params.networkSecurityGroupName,
    ctx.body,
    existing?.body,
  );
  return writeTopLevel(ctx, ctx.path, body, { existed: !!existing, seconds: 2 });
}

function getNsg(ctx: RequestContext) {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  return getOr404(
    ctx,
    ctx.path.replace(/\/(default)?securityRules(\/[^/]+)?\/?$/i, ""),
    TYPES.nsg,
    ctx.params.networkSecurityGroupName,
  );
}

function deleteNsg(ctx: RequestContext) {
  syncBackReferences(ctx.store, ctx.params.subscriptionId);
  const existing = ctx.store.getResource(ctx.path);
  if (!existing) return { status: 204 };
  assertNotLocked(ctx, ctx.path);
  const p = existing.body.properties as Json;
  const users = [...asArray(p.networkInterfaces), ...asArray(p.subnets)].map((r) => String(r.id));
  if (users.length) throw nsgInUse(existing.id, users.join(", "));
  return deleteTopLevel(ctx, ctx.path, 2);
}

function getRule(ctx: RequestContext, collection: "securityRules" | "defaultSecurityRules") {
  const rule = findByName(asArray((getNsg(ctx).body.properties as Json)[collection]), ctx.params.ruleName);
  if (!rule)
    throw resourceNotFound(
      collection === "securityRules" ? RULE_TYPE : DEFAULT_TYPE,
      `${ctx.params.networkSecurityGroupName}/${ctx.params.ruleName}`,
      ctx.params.resourceGroupName,
    );
  return { status: 200, body: rule };
}

/**
 * PUT or DELETE of one security rule (SecurityRules_CreateOrUpdate / _Delete, SPECS NET networkSecurityGroup.json):
 * the NSG is rebuilt with its rules changed, so a rule written alone meets the same priority, direction and name
 * checks as one written inside the NSG.
 */
function writeRule(ctx: RequestContext, remove: boolean) {
  const nsg = getNsg(ctx);
  const rules = asArray((nsg.body.properties as Json).securityRules);
  const current = findByName(rules, ctx.params.ruleName);
  if (remove && !current) return { status: 204 };
  if (!remove) ctx.etag.check(current);
  assertNotLocked(ctx, ctx.path);
  const name = current ? String(current.name) : assertName(ctx.params.ruleName);
  const others = rules.filter((r) => !sameId(r.name, name));
  const next = remove ? others : [...others, { ...ctx.body, name }];
  const input = { ...nsg.body, properties: { ...(nsg.body.properties as Json), securityRules: next } };
  const body = buildNsg(ctx, nsg.id, String(nsg.body.name), input, nsg.body);
  const id = childId(nsg.id, "securityRules", name);
  if (remove) return deleteChild(ctx, nsg.id, body, id, 2);
  return writeChild(ctx, nsg.id, body, id, {
    existed: !!current,
    seconds: 2,
    find: (b) => findByName(asArray(b.properties.securityRules), name),
  });
}

const base = { resourceType: TYPES.nsg } as const;
export const nsgRoutes: RouteDef[] = [
  route({
    ...base,
    method: "PUT",
    path: NSG,
    operation: "write",
    bodySchema: networkSecurityGroupSchema,
    handler: putNsg,
  }),
  route({
    ...base,
    method: "GET",
    path: NSG,
    operation: "read",
    handler: (ctx) => ({ status: 200, body: getNsg(ctx).body }),
  }),
  route({ ...base, method: "DELETE", path: NSG, operation: "delete", handler: deleteNsg }),
  route({
    ...base,
    method: "GET",
    path: groupPath("networkSecurityGroups"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.nsg, "group"),
  }),
  route({
    ...base,
    method: "GET",
    path: subscriptionPath("networkSecurityGroups"),
    operation: "read",
    handler: (ctx) => listBodies(ctx, TYPES.nsg, "subscription"),
  }),
  route({
    ...base,
    method: "GET",
    path: `${NSG}/securityRules/{ruleName}`,
    operation: "read",
    handler: (ctx) => getRule(ctx, "securityRules"),
  }),
  route({
    resourceType: RULE_TYPE,
    method: "PUT",
    path: `${NSG}/securityRules/{ruleName}`,
    operation: "write",
    bodySchema: securityRuleSchema,
    handler: (ctx) => writeRule(ctx, false),
  }),
  route({
    resourceType: RULE_TYPE,
    method: "DELETE",
    path: `${NSG}/securityRules/{ruleName}`,
    operation: "delete",
    handler: (ctx) => writeRule(ctx, true),
  }),
  route({
    ...base,
    method: "GET",
    path: `${NSG}/securityRules`,
    operation: "read",
    handler: (ctx) => ({ status: 200, body: ctx.page(asArray((getNsg(ctx).body.properties as Json).securityRules)) }),
  }),
  route({
    ...base,
    method: "GET",
    path: `${NSG}/defaultSecurityRules/{ruleName}`,
    operation: "read",
    handler: (ctx) => getRule(ctx, "defaultSecurityRules"),
  }),
  route({
    ...base,
    method: "GET",
    path: `${NSG}/defaultSecurityRules`,
    operation: "read",
    handler: (ctx) => ({
      status: 200,
      body: ctx.page(asArray((getNsg(ctx).body.properties as Json).defaultSecurityRules)),
    }),
  }),
];
