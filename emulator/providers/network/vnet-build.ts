import type { RequestContext } from "../../core/plugin.js";
import { isIpv6, overlaps, contains, parseCidr, type Cidr } from "./cidr.js";
import { assertName, asArray, type Json, refOf, requireLocation, newResourceGuid, sameId } from "./common.js";
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
import {
  allocateSubnetSpace,
  allocateVnetSpace,
  assertNotMixed,
  heldByOtherSubnets,
  sentPrefixes,
  type IpamAllocation,
} from "./ipam.js";

const SUBNET_TYPE = "Microsoft.Network/virtualNetworks/subnets";

function parsePrefix(prefix: unknown, resourceId: string): Cidr | undefined {
  if (typeof prefix === "string" && isIpv6(prefix)) return undefined;
  const parsed = parseCidr(prefix);
  if (parsed.ok) return parsed.cidr;
  if (parsed.reason === "notation") throw invalidCidrNotation(String(prefix), resourceId, parsed.canonical);
  throw invalidAddressPrefix(prefix, resourceId);
}

interface SubnetDraft {
  body: Json;
  cidrs: Cidr[];
}

interface SubnetContext {
  vnetId: string;
  vnetName: string;
  etag: string;
  /** The vnet's pool allocations, and the prefixes a subnet drawing on them must stay clear of. */
  vnetPools: IpamAllocation[];
  taken: Cidr[];
  previous?: Json;
}

/** A subnet drawing on the vnet's IPAM pools gets its prefixes from them (see ./ipam.ts). */
function subnetPools(c: SubnetContext, id: string, p: Json): IpamAllocation[] {
  if (!asArray(p.ipamPoolPrefixAllocations).length) return [];
  const previous = asArray(c.previous?.properties?.ipamPoolPrefixAllocations);
  assertNotMixed(sentPrefixes(p), previous, id);
  return allocateSubnetSpace({
    subnetId: id,
    requested: p.ipamPoolPrefixAllocations,
    previous,
    vnetPools: c.vnetPools,
    taken: c.taken,
  });
}

function buildSubnet(ctx: RequestContext, c: SubnetContext, input: Json): SubnetDraft {
  const { vnetId, vnetName, etag } = c;
  const name = assertName(input.name);
  const id = childId(vnetId, "subnets", name);
  const p = (input.properties ?? {}) as Json;
  const pools = subnetPools(c, id, p);
  const prefixes: unknown[] = pools.length ? pools.flatMap((a) => a.cidrs.map((x) => x.text)) : sentPrefixes(p);
  if (!prefixes.length) throw invalidSubnet(name, vnetName);
  const cidrs = prefixes.map((x) => parsePrefix(x, id)).filter((c): c is Cidr => !!c);
  const nsg = refOf(p.networkSecurityGroup);
  if (nsg && !ctx.store.getResource(nsg)) throw invalidResourceReference(nsg, id);
  const properties: Json = {
    provisioningState: "Updating",
    ...(p.addressPrefix !== undefined && !pools.length
      ? { addressPrefix: String(p.addressPrefix) }
      : { addressPrefixes: prefixes.map(String) }),
    ...(pools.length ? { ipamPoolPrefixAllocations: pools.map((a) => a.body) } : {}),
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
  const old = (existing?.properties ?? {}) as Json;
  const previousPools = asArray(old.addressSpace?.ipamPoolPrefixAllocations);
  const vnetPools = asArray(p.addressSpace?.ipamPoolPrefixAllocations).length
    ? allocateVnetSpace(ctx.store, {
        vnetId: id,
        location,
        requested: p.addressSpace?.ipamPoolPrefixAllocations,
        previous: previousPools,
      })
    : [];
  if (vnetPools.length) assertNotMixed(p.addressSpace?.addressPrefixes, previousPools, id);
  const spaceText = vnetPools.length
    ? vnetPools.flatMap((a) => a.cidrs.map((c) => c.text))
    : asArray(p.addressSpace?.addressPrefixes).map(String);
  const space = spaceText.map((x) => parsePrefix(x, id)).filter((c): c is Cidr => !!c);
  space.forEach((a, i) =>
    space.slice(i + 1).forEach((b) => {
      if (overlaps(a, b)) throw vnetSpacesOverlap(id, a.text, b.text);
    }),
  );
  const seen = new Set<string>();
  const drafts: SubnetDraft[] = [];
  const oldSubnets = asArray(old.subnets);
  const previousOf = (s: Json) => oldSubnets.find((o) => sameId(o.name, s.name));
  for (const s of asArray(p.subnets)) {
    const draft = buildSubnet(
      ctx,
      {
        vnetId: id,
        vnetName: name,
        etag,
        vnetPools,
        taken: [...heldByOtherSubnets(asArray(p.subnets), s, previousOf), ...drafts.flatMap((d) => d.cidrs)],
        previous: previousOf(s),
      },
      s,
    );
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
  for (const gone of oldSubnets) {
    const users = usage.subnet.get(String(gone.id).toLowerCase()) ?? [];
    if (users.length && !seen.has(String(gone.name).toLowerCase())) throw subnetInUse(String(gone.name), users[0]);
  }
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
      addressSpace: {
        addressPrefixes: spaceText,
        ...(vnetPools.length ? { ipamPoolPrefixAllocations: vnetPools.map((a) => a.body) } : {}),
      },
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
