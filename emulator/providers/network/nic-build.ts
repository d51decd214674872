import { requiredPropertyMissing } from "../../core/errors.js";
import type { RequestContext } from "../../core/plugin.js";
import { assertStaticPrivateIp, nextPrivateIp, privateAddressesInUse } from "./addresses.js";
import { collectUsage, TYPES } from "./back-references.js";
import { asArray, assertName, type Json, newResourceGuid, refOf, requireLocation, sameId } from "./common.js";
import {
  duplicateResourceName,
  invalidResourceReference,
  invalidValue,
  publicIpInUse,
  subnetIsRequired,
} from "./errors.js";
import { refAt } from "./json.js";
import { childId, findByName, findChild } from "./lookup.js";

const IPCONFIG_TYPE = "Microsoft.Network/networkInterfaces/ipConfigurations";

function checkPublicIp(
  ctx: RequestContext,
  pipId: string,
  ipcId: string,
  location: string,
  usage: ReturnType<typeof collectUsage>,
): void {
  const pip = ctx.store.getResource(pipId);
  if (!pip || pip.type !== TYPES.pip.toLowerCase() || pip.body.location !== location)
    throw invalidResourceReference(pipId, ipcId);
  const user = usage.pip.get(pipId.toLowerCase());
  if (user && !sameId(user, ipcId)) throw publicIpInUse(pip.id, user);
}

function checkLbRefs(ctx: RequestContext, refs: Json[], collection: string, ipcId: string, path: string): Json[] {
  return refs.map((r, i) => {
    const id = refAt(
      r,
      `${path}.${collection === "backendAddressPools" ? "loadBalancerBackendAddressPools" : "loadBalancerInboundNatRules"}[${i}]`,
    )!;
    const found = findChild(ctx.store, id);
    if (!found || !id.toLowerCase().includes(`/${collection.toLowerCase()}/`))
      throw invalidResourceReference(id, ipcId);
    return { id: `${found.parent.id}/${collection}/${String(found.child.name)}` };
  });
}

const isPrimary = (c: Json, index: number, configs: Json[]): boolean =>
  configs.length === 1 ||
  (c.properties?.primary ?? (index === 0 && !configs.some((x) => x.properties?.primary))) === true;

function primarySubnetOf(configs: Json[]): string | undefined {
  const primary = configs.find((c, i) => isPrimary(c, i, configs)) ?? configs[0];
  return refOf(primary?.properties?.subnet);
}

/**
 * Validates a network interface (subnet, public IP, LB pool and NSG references; private IP allocation) and
 * returns the body to store. `virtualMachine`, `macAddress` and `primary` belong to the Compute RP and are kept.
 */
export function buildNetworkInterface(
  ctx: RequestContext,
  opts: { id: string; name: string; existing?: Json; etag: string },
): Json {
  const { id, name, existing, etag } = opts;
  const input = ctx.body;
  const location = existing ? String(existing.location) : requireLocation(input.location);
  const p = (input.properties ?? {}) as Json;
  const old = (existing?.properties ?? {}) as Json;
  const configs = asArray(p.ipConfigurations);
  // (unconfirmed) code; Azure requires at least one IP configuration.
  if (!configs.length)
    throw invalidValue(
      "NetworkInterfaceMustHaveAtLeastOneIpConfiguration",
      `Network interface ${id} must have at least one IP configuration.`,
    );
  const usage = collectUsage(ctx.store, ctx.params.subscriptionId);
  const nsg = refAt(p.networkSecurityGroup, "properties.networkSecurityGroup");
  if (nsg && !ctx.store.getResource(nsg)) throw invalidResourceReference(nsg, id);
  const claimed = new Map<string, Set<string>>();
  const built: Json[] = [];
  const primarySubnet = primarySubnetOf(configs);
  for (const [index, c] of configs.entries()) {
    const ipcName = assertName(c.name);
    const ipcId = childId(id, "ipConfigurations", ipcName);
    if (findByName(built, ipcName)) throw duplicateResourceName(id, ipcName);
    const cp = (c.properties ?? {}) as Json;
    const path = `properties.ipConfigurations[${index}].properties`;
    // A secondary IP configuration that names no subnet is placed in the primary's (the published NIC examples do this).
    const subnetId = refAt(cp.subnet, `${path}.subnet`) ?? (isPrimary(c, index, configs) ? undefined : primarySubnet);
    if (!subnetId) throw subnetIsRequired(ipcId);
    const subnet = findChild(ctx.store, subnetId);
    if (!subnet || subnet.parent.type !== TYPES.vnet.toLowerCase() || subnet.parent.body.location !== location)
      throw invalidResourceReference(subnetId, ipcId);
    const key = String(subnet.child.id).toLowerCase();
    if (!claimed.has(key))
      claimed.set(key, privateAddressesInUse(ctx.store, ctx.params.subscriptionId, String(subnet.child.id), id));
    const used = claimed.get(key)!;
    const method = String(cp.privateIPAllocationMethod ?? "Dynamic");
    const previous = findByName(asArray(old.ipConfigurations), ipcName)?.properties;
    const keep =
      previous && sameId(refOf(previous.subnet), subnet.child.id) && !used.has(String(previous.privateIPAddress))
        ? String(previous.privateIPAddress)
        : undefined;
    if (method === "Static" && cp.privateIPAddress === undefined)
      throw requiredPropertyMissing(`${path}.privateIPAddress`);
    const address =
      method === "Static"
        ? assertStaticPrivateIp(subnet.child, cp.privateIPAddress, used)
        : (keep ?? nextPrivateIp(subnet.child, used));
    used.add(address);
    const pipId = refAt(cp.publicIPAddress, `${path}.publicIPAddress`);
    if (pipId) checkPublicIp(ctx, pipId, ipcId, location, usage);
    const pools = checkLbRefs(ctx, asArray(cp.loadBalancerBackendAddressPools), "backendAddressPools", ipcId, path);
    const natRules = checkLbRefs(ctx, asArray(cp.loadBalancerInboundNatRules), "inboundNatRules", ipcId, path);
    built.push({
      name: ipcName,
      id: ipcId,
      etag,
      type: IPCONFIG_TYPE,
      properties: {
        provisioningState: "Updating",
        privateIPAddress: address,
        privateIPAllocationMethod: method,
        privateIPAddressVersion: "IPv4",
        subnet: { id: String(subnet.child.id) },
        primary: configs.length === 1 ? true : Boolean(cp.primary ?? index === 0),
        ...(pipId ? { publicIPAddress: { id: pipId } } : {}),
        // Kept as sent (SPECS NET, 1–128); the CIDR block Azure then allocates is not modelled: one address is.
        ...(cp.privateIPAddressPrefixLength !== undefined && cp.privateIPAddressPrefixLength !== null
          ? { privateIPAddressPrefixLength: cp.privateIPAddressPrefixLength }
          : {}),
        ...(pools.length ? { loadBalancerBackendAddressPools: pools } : {}),
        ...(natRules.length ? { loadBalancerInboundNatRules: natRules } : {}),
        // A Gateway load balancer's frontend this configuration chains to, kept as the reference it is (like a
        // load balancer frontend's; SPECS NET NetworkInterfaceIPConfigurationPropertiesFormat.gatewayLoadBalancer).
        ...(refOf(cp.gatewayLoadBalancer) ? { gatewayLoadBalancer: { id: refOf(cp.gatewayLoadBalancer) } } : {}),
      },
    });
  }
  return {
    id,
    name,
    type: TYPES.nic,
    location,
    tags: input.tags ?? existing?.tags ?? {},
    etag,
    properties: {
      provisioningState: "Updating",
      resourceGuid: old.resourceGuid ?? newResourceGuid(),
      ipConfigurations: built,
      dnsSettings: { dnsServers: asArray(p.dnsSettings?.dnsServers), appliedDnsServers: [] },
      enableAcceleratedNetworking: Boolean(p.enableAcceleratedNetworking ?? false),
      enableIPForwarding: Boolean(p.enableIPForwarding ?? false),
      disableTcpStateTracking: Boolean(p.disableTcpStateTracking ?? false),
      ...(nsg ? { networkSecurityGroup: { id: nsg } } : {}),
      hostedWorkloads: [],
      tapConfigurations: [],
      nicType: "Standard",
      auxiliaryMode: "None",
      vnetEncryptionSupported: false,
      ...(old.virtualMachine ? { virtualMachine: old.virtualMachine } : {}),
      ...(old.macAddress ? { macAddress: old.macAddress } : {}),
      ...(old.primary !== undefined ? { primary: old.primary } : {}),
    },
  };
}
