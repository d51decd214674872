import type { RequestContext } from "../../core/plugin.js";
import { assertStaticPrivateIp, nextPrivateIp, privateAddressesInUse } from "./addresses.js";
import { TYPES, type Usage } from "./back-references.js";
import { type Json, refOf, sameId } from "./json.js";
import { invalidResourceReference, publicIpInUse } from "./errors.js";
import { differentSku, frontendWithBothTargets, frontendWithoutTarget } from "./lb-errors.js";
import { findByName, findChild } from "./lookup.js";

export interface LbDraft {
  ctx: RequestContext;
  id: string;
  location: string;
  sku: string;
  etag: string;
  previous?: Json;
  usage: Usage;
}

export const childType = (collection: string) => `Microsoft.Network/loadBalancers/${collection}`;

/** A frontend: a public IP (same region and SKU, not used elsewhere) or a subnet with a private address. */
export function buildFrontend(
  d: LbDraft,
  input: Json,
  id: string,
  claimed: Map<string, string>,
  used: Map<string, Set<string>>,
): Json {
  const p = (input.properties ?? {}) as Json;
  const pipId = refOf(p.publicIPAddress);
  const subnetId = refOf(p.subnet);
  if (pipId && subnetId) throw frontendWithBothTargets(id);
  if (!pipId && !subnetId) throw frontendWithoutTarget(id);
  const properties: Json = {
    provisioningState: "Updating",
    privateIPAllocationMethod: String(p.privateIPAllocationMethod ?? "Dynamic"),
  };
  if (pipId) {
    const pip = d.ctx.store.getResource(pipId);
    if (!pip || pip.type !== TYPES.pip.toLowerCase() || pip.body.location !== d.location)
      throw invalidResourceReference(pipId, id);
    const pipSku = String((pip.body.sku as Json | undefined)?.name ?? "Basic");
    if (pipSku !== d.sku) throw differentSku(d.sku, d.id, pipSku, pip.id);
    // In use by another frontend of this request, or by anything outside this load balancer.
    const key = pip.id.toLowerCase();
    const stored = d.usage.pip.get(key);
    const user =
      claimed.get(key) ?? (stored && !stored.toLowerCase().startsWith(d.id.toLowerCase() + "/") ? stored : undefined);
    if (user) throw publicIpInUse(pip.id, user);
    claimed.set(key, id);
    properties.publicIPAddress = { id: pip.id };
  } else {
    const subnet = findChild(d.ctx.store, subnetId);
    if (!subnet || subnet.parent.type !== TYPES.vnet.toLowerCase() || subnet.parent.body.location !== d.location)
      throw invalidResourceReference(String(subnetId), id);
    const key = String(subnet.child.id).toLowerCase();
    if (!used.has(key))
      used.set(key, privateAddressesInUse(d.ctx.store, d.ctx.params.subscriptionId, String(subnet.child.id), d.id));
    const taken = used.get(key)!;
    const previous = findByName(
      (d.previous?.properties?.frontendIPConfigurations ?? []) as Json[],
      String(input.name),
    )?.properties;
    const keep =
      previous && sameId(refOf(previous.subnet), subnet.child.id) && !taken.has(String(previous.privateIPAddress))
        ? String(previous.privateIPAddress)
        : undefined;
    const address =
      properties.privateIPAllocationMethod === "Static"
        ? assertStaticPrivateIp(subnet.child, p.privateIPAddress, taken)
        : (keep ?? nextPrivateIp(subnet.child, taken));
    taken.add(address);
    Object.assign(properties, {
      privateIPAddress: address,
      privateIPAddressVersion: "IPv4",
      subnet: { id: String(subnet.child.id) },
    });
  }
  // A consumer frontend chained to a gateway load balancer's frontend keeps the reference (Azure's example
  // LoadBalancerCreateGatewayLoadBalancerConsumer answers it back as sent).
  const gateway = refOf(p.gatewayLoadBalancer);
  if (gateway) properties.gatewayLoadBalancer = { id: gateway };
  // 2026-03-01 adds the frontend's UDP flow tracking switch; older versions do not read it.
  if (d.ctx.apiVersion >= "2026-03-01" && typeof p.enableConnectionTracking === "boolean")
    properties.enableConnectionTracking = p.enableConnectionTracking;
  return {
    name: input.name,
    id,
    etag: d.etag,
    type: childType("frontendIPConfigurations"),
    properties,
    ...(Array.isArray(input.zones) ? { zones: input.zones } : {}),
  };
}
