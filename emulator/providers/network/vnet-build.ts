import type { RequestContext } from "../../core/plugin.js";
import { isIpv6, overlaps, contains, parseCidr, type Cidr } from "./cidr.js";
import { assertName, asArray, type Json, refOf, requireLocation, newResourceGuid } from "./common.js";
import { collectUsage } from "./back-references.js";
import {
  duplicateResourceName,
  invalidAddressPrefix,
  invalidCidrNotation,
  invalidResourceReference,
  invalidSubnet,
  subnetInUse,
  subnetOutsideVnet,
  subnetsOverlap,
  vnetSpacesOverlap,
} from "./errors.js";
import { childId } from "./lookup.js";

const SUBNET_TYPE = "Microsoft.Network/virtualNetworks/subnets";

function parsePrefix(prefix: unknown, resourceId: string): Cidr | undefined {
  if (typeof prefix === "string" && isIpv6(prefix)) return undefined;
  const parsed = parseCidr(prefix);
  if (parsed.ok) return parsed.cidr;
  if (parsed.reason === "notation") throw invalidCidrNotation(String(prefix), resourceId, parsed.canonical);
  throw invalidAddressPrefix(prefix, resourceId);
}

/**
 * IPAM pools (Network Manager) are not modelled, so a pool an address space or subnet allocates from does not exist
 * here: the reference is refused as the Network RP refuses any missing referenced resource (a vnet from a pool of a
 * real network manager cannot be emulated).
 */
function assertNoIpamPools(allocations: unknown, referrer: string): void {
  for (const a of asArray(allocations)) {
    const pool = refOf((a as Json | undefined)?.pool);
    if (pool) throw invalidResourceReference(pool, referrer);
  }
}

interface SubnetDraft {
  body: Json;
  cidrs: Cidr[];
}

function buildSubnet(ctx: RequestContext, vnetId: string, vnetName: string, input: Json, etag: string): SubnetDraft {
  const name = assertName(input.name);
  const id = childId(vnetId, "subnets", name);
  const p = (input.properties ?? {}) as Json;
  const prefixes: unknown[] = p.addressPrefix !== undefined ? [p.addressPrefix] : asArray(p.addressPrefixes);
  assertNoIpamPools(p.ipamPoolPrefixAllocations, id);
  if (!prefixes.length) throw invalidSubnet(name, vnetName);
  const cidrs = prefixes.map((x) => parsePrefix(x, id)).filter((c): c is Cidr => !!c);
  const nsg = refOf(p.networkSecurityGroup);
  if (nsg && !ctx.store.getResource(nsg)) throw invalidResourceReference(nsg, id);
  const properties: Json = {
    provisioningState: "Updating",
    ...(p.addressPrefix !== undefined
      ? { addressPrefix: String(p.addressPrefix) }
      : { addressPrefixes: prefixes.map(String) }),
    ...(nsg ? { networkSecurityGroup: { id: nsg } } : {}),
    ...(refOf(p.routeTable) ? { routeTable: { id: refOf(p.routeTable) } } : {}),
    // Service endpoint policies are not modelled: kept as the references they are, like the route table.
    ...(asArray(p.serviceEndpointPolicies).length
      ? { serviceEndpointPolicies: asArray(p.serviceEndpointPolicies).map((x) => ({ id: refOf(x) })) }
      : {}),
    // A service gateway (2026-03-01) is kept as the reference it is, like the route table (neither is modelled).
    ...(ctx.apiVersion >= "2026-03-01" && refOf(p.serviceGateway)
      ? { serviceGateway: { id: refOf(p.serviceGateway) } }
      : {}),
    serviceEndpoints: asArray(p.serviceEndpoints),
    // Each delegation gets its id and the actions it was sent (none by default), as Azure answers it.
    delegations: asArray(p.delegations).map((dl) => ({
      name: dl.name,
      id: `${id}/delegations/${String(dl.name)}`,
      properties: {
        provisioningState: "Succeeded",
        serviceName: dl.properties?.serviceName,
        actions: asArray(dl.properties?.actions),
      },
    })),
    privateEndpointNetworkPolicies: p.privateEndpointNetworkPolicies ?? "Disabled",
    privateLinkServiceNetworkPolicies: p.privateLinkServiceNetworkPolicies ?? "Enabled",
    ...(p.defaultOutboundAccess !== undefined ? { defaultOutboundAccess: p.defaultOutboundAccess } : {}),
  };
  return { body: { name, id, etag, type: SUBNET_TYPE, properties }, cidrs };
}

/**
 * Validates a whole virtual network as Azure does (prefix syntax, subnets inside the space and apart, references,
 * subnets still in use cannot disappear) and returns the body to store. Throws before anything is written.
 */
export function buildVirtualNetwork(
  ctx: RequestContext,
  opts: { id: string; name: string; input: Json; existing?: Json; etag: string },
): Json {
  const { id, name, input, existing, etag } = opts;
  const location = existing ? String(existing.location) : requireLocation(input.location);
  const p = (input.properties ?? {}) as Json;
  assertNoIpamPools(p.addressSpace?.ipamPoolPrefixAllocations, id);
  const spaceText = asArray(p.addressSpace?.addressPrefixes).map(String);
  const space = spaceText.map((x) => parsePrefix(x, id)).filter((c): c is Cidr => !!c);
  space.forEach((a, i) =>
    space.slice(i + 1).forEach((b) => {
      if (overlaps(a, b)) throw vnetSpacesOverlap(id, a.text, b.text);
    }),
  );
  const seen = new Set<string>();
  const drafts: SubnetDraft[] = [];
  for (const s of asArray(p.subnets)) {
    const draft = buildSubnet(ctx, id, name, s, etag);
    const key = String(draft.body.name).toLowerCase();
    if (seen.has(key)) throw duplicateResourceName(id, String(draft.body.name));
    seen.add(key);
    for (const c of draft.cidrs) {
      if (!space.some((v) => contains(v, c))) throw subnetOutsideVnet(draft.body.name, name);
      if (drafts.some((d) => d.cidrs.some((o) => overlaps(o, c)))) throw subnetsOverlap(draft.body.name, name);
    }
    drafts.push(draft);
  }
  const usage = collectUsage(ctx.store, ctx.params.subscriptionId);
  for (const old of asArray(existing?.properties?.subnets)) {
    const users = usage.subnet.get(String(old.id).toLowerCase()) ?? [];
    if (users.length && !seen.has(String(old.name).toLowerCase())) throw subnetInUse(String(old.name), users[0]);
  }
  const old = (existing?.properties ?? {}) as Json;
  return {
    id,
    name,
    type: "Microsoft.Network/virtualNetworks",
    location,
    tags: input.tags ?? existing?.tags ?? {},
    etag,
    properties: {
      provisioningState: "Updating",
      resourceGuid: old.resourceGuid ?? newResourceGuid(),
      addressSpace: { addressPrefixes: spaceText },
      ...(p.dhcpOptions ? { dhcpOptions: { dnsServers: asArray(p.dhcpOptions.dnsServers).map(String) } } : {}),
      subnets: drafts.map((d) => d.body),
      virtualNetworkPeerings: asArray(old.virtualNetworkPeerings),
      enableDdosProtection: Boolean(p.enableDdosProtection ?? false),
      // Kept as sent (SPECS NET VirtualNetworkBgpCommunities, VirtualNetworkEncryption); Azure's read-only
      // regionalCommunity differs per region and is not modelled.
      ...(p.bgpCommunities?.virtualNetworkCommunity !== undefined
        ? { bgpCommunities: { virtualNetworkCommunity: String(p.bgpCommunities.virtualNetworkCommunity) } }
        : {}),
      ...(p.encryption ? { encryption: p.encryption } : {}),
      ...(p.flowTimeoutInMinutes !== undefined && p.flowTimeoutInMinutes !== null
        ? { flowTimeoutInMinutes: p.flowTimeoutInMinutes }
        : {}),
      privateEndpointVNetPolicies: p.privateEndpointVNetPolicies ?? old.privateEndpointVNetPolicies ?? "Disabled",
    },
  };
}
