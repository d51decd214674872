import { restorePoller, type LoadBalancer } from "@azure/arm-network";
import { lastSegment, resourceGroupOf } from "./arm-json";
import { armClientsFor } from "./clients";
import { armCall } from "./errors";
import {
  fromArmLoadBalancer,
  toArmLoadBalancer,
  type LoadBalancerInfo,
  type LoadBalancerSpec,
} from "./load-balancer-mappers";
import { defineLro, startLro, type LroProgress } from "./lro";
import { deleteOrDone, orNull } from "./not-found";
import type { AzureAccess } from "./types";

type LbRef = { resourceGroup: string; name: string };

/** The body and If-Match are `input`: the continuation holds names only, and the final GET needs neither. */
const putLbLro = defineLro<LbRef, LoadBalancerInfo, { body: LoadBalancer; ifMatch?: string }>({
  kind: "network.loadBalancer.put",
  start: ({ network }, r, { body, ifMatch }) =>
    network.loadBalancers.createOrUpdate(
      r.resourceGroup,
      r.name,
      body,
      ifMatch ? { requestOptions: { headers: { "If-Match": ifMatch } } } : {},
    ),
  restore: ({ network }, _r, state) => restorePoller(network, state, network.loadBalancers.createOrUpdate),
  map: (raw) => fromArmLoadBalancer(raw),
});

const deleteLbLro = defineLro<LbRef, null>({
  kind: "network.loadBalancer.delete",
  start: ({ network }, r) => network.loadBalancers.delete(r.resourceGroup, r.name),
  restore: ({ network }, _r, state) => restorePoller(network, state, network.loadBalancers.delete),
  map: () => null,
});

/** The load balancer with its etag and each public frontend's address, or null when it does not exist. */
export async function getLoadBalancer(
  access: AzureAccess,
  resourceGroup: string,
  name: string,
): Promise<LoadBalancerInfo | null> {
  const { network } = armClientsFor(access);
  const lb = await orNull(() => network.loadBalancers.get(resourceGroup, name));
  if (!lb) return null;
  const pipIds = (lb.frontendIPConfigurations ?? []).flatMap((f) =>
    f.publicIPAddress?.id ? [f.publicIPAddress.id] : [],
  );
  const addresses: Record<string, string> = {};
  const publicIps: { id: string; tags: Record<string, string> }[] = [];
  await Promise.all(
    pipIds.map(async (id) => {
      const pip = await orNull(() => network.publicIPAddresses.get(resourceGroupOf(id), lastSegment(id)));
      if (pip?.ipAddress) addresses[id.toLowerCase()] = pip.ipAddress;
      if (pip) publicIps.push({ id: pip.id ?? id, tags: { ...(pip.tags ?? {}) } });
    }),
  );
  return { ...fromArmLoadBalancer(lb, addresses), publicIps };
}

export function listLoadBalancers(access: AzureAccess, resourceGroup: string): Promise<LoadBalancerInfo[]> {
  const { network } = armClientsFor(access);
  return armCall(async () => {
    const out: LoadBalancerInfo[] = [];
    for await (const lb of network.loadBalancers.list(resourceGroup)) out.push(fromArmLoadBalancer(lb));
    return out;
  });
}

/**
 * Writes the whole load balancer in one PUT; Azure validates it whole and applies all or nothing. Pass the etag read
 * with it as `ifMatch`: a stale one fails with 412 (`isPreconditionFailed`), so re-read, re-apply the change and retry.
 * Omit it only to create.
 */
export function putLoadBalancer(
  access: AzureAccess,
  resourceGroup: string,
  name: string,
  desired: LoadBalancerSpec,
  options: { ifMatch?: string } = {},
): Promise<LroProgress<LoadBalancerInfo>> {
  const lbId = `/subscriptions/${access.subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/loadBalancers/${name}`;
  const body = toArmLoadBalancer(desired, lbId) as LoadBalancer;
  return startLro(access, putLbLro, { resourceGroup, name }, { body, ifMatch: options.ifMatch });
}

export function deleteLoadBalancer(
  access: AzureAccess,
  resourceGroup: string,
  name: string,
): Promise<LroProgress<null>> {
  return deleteOrDone(() => startLro(access, deleteLbLro, { resourceGroup, name }));
}
