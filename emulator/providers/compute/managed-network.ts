import type { JsonBody, RequestContext } from "../../core/plugin.js";
import { assertName, settle } from "../network/common.js";
import { buildNetworkInterface } from "../network/nic-build.js";
import { buildPublicIp } from "../network/public-ips.js";
import { missingParameter } from "./errors.js";
import type { NicRef } from "./network-refs.js";

/**
 * VM-managed networking (issue 17 point 7): a VM PUT with `networkProfile.networkInterfaceConfigurations` (and
 * `networkApiVersion`) makes Azure create each NIC, named after its configuration, in the VM's resource group —
 * with a public IP per `publicIPAddressConfiguration` — and attach them to the VM. The Network RP's own builders
 * validate them, so references and addresses follow the same rules (and messages) as a NIC or public IP PUT.
 * Their `deleteOption`s are kept where the VM delete reads them (NIC reference, NIC ipConfiguration's public IP).
 */
type Config = { name: string; tags?: JsonBody; properties?: JsonBody };

const networkId = (groupId: string, type: string, name: string) =>
  `${groupId}/providers/Microsoft.Network/${type}/${name}`;

function publicIpFor(ctx: RequestContext, groupId: string, location: string, pipc: JsonBody | undefined) {
  if (!pipc) return undefined;
  const name = assertName(pipc.name);
  const id = networkId(groupId, "publicIPAddresses", name);
  const p = (pipc.properties ?? {}) as JsonBody;
  const body = buildPublicIp(
    {
      ...ctx,
      body: {
        location,
        ...(pipc.tags ? { tags: pipc.tags } : {}),
        sku: pipc.sku ?? { name: "Standard" },
        properties: {
          publicIPAllocationMethod: p.publicIPAllocationMethod,
          publicIPAddressVersion: p.publicIPAddressVersion,
          idleTimeoutInMinutes: p.idleTimeoutInMinutes,
          dnsSettings: p.dnsSettings,
          ipTags: p.ipTags,
        },
      },
    },
    id,
    name,
  );
  settle(body, true);
  // Azure keeps a public IP's deleteOption on the address itself (PublicIPAddress properties.deleteOption), so a later
  // PUT of its NIC (a load balancer pool joined) does not lose it.
  const deleteOption = p.deleteOption === "Delete" ? "Delete" : "Detach";
  body.properties.deleteOption = deleteOption;
  ctx.store.putResource(id, body);
  return { id, deleteOption };
}

function createNic(ctx: RequestContext, a: { groupId: string; vmId: string; location: string; config: Config }) {
  const name = assertName(a.config.name);
  const id = networkId(a.groupId, "networkInterfaces", name);
  const p = (a.config.properties ?? {}) as JsonBody;
  const pips = new Map<string, { id: string; deleteOption: string }>();
  const ipConfigurations = ((p.ipConfigurations ?? []) as JsonBody[]).map((c) => {
    const cp = (c.properties ?? {}) as JsonBody;
    const pip = publicIpFor(ctx, a.groupId, a.location, cp.publicIPAddressConfiguration);
    if (pip) pips.set(String(c.name), pip);
    return {
      name: c.name,
      properties: {
        subnet: cp.subnet,
        primary: cp.primary,
        privateIPAddressVersion: cp.privateIPAddressVersion,
        loadBalancerBackendAddressPools: cp.loadBalancerBackendAddressPools,
        applicationSecurityGroups: cp.applicationSecurityGroups,
        ...(pip ? { publicIPAddress: { id: pip.id } } : {}),
      },
    };
  });
  const body = buildNetworkInterface(
    {
      ...ctx,
      body: {
        location: a.location,
        ...(a.config.tags ? { tags: a.config.tags } : {}),
        properties: {
          ipConfigurations,
          networkSecurityGroup: p.networkSecurityGroup,
          enableAcceleratedNetworking: p.enableAcceleratedNetworking,
          enableIPForwarding: p.enableIPForwarding,
        },
      },
    },
    { id, name, etag: ctx.etag.next() },
  );
  settle(body, true);
  for (const ipc of body.properties.ipConfigurations as JsonBody[]) {
    const pip = pips.get(String(ipc.name));
    if (pip) ipc.properties.publicIPAddress = { id: pip.id, properties: { deleteOption: pip.deleteOption } };
  }
  body.properties.virtualMachine = { id: a.vmId };
  ctx.store.putResource(id, body);
  const ref: NicRef = { id, deleteOption: p.deleteOption === "Delete" ? "Delete" : "Detach" };
  if (p.primary !== undefined) ref.primary = Boolean(p.primary);
  return ref;
}

/** The NICs (and public IPs) a VM's networkInterfaceConfigurations describe, created in the VM's group. */
export function createManagedNetwork(
  ctx: RequestContext,
  a: { groupId: string; vmId: string; location: string; networkProfile: JsonBody },
): NicRef[] {
  if (!a.networkProfile.networkApiVersion) throw missingParameter("networkProfile.networkApiVersion");
  const before = new Set(ctx.store.listResources({ scope: a.groupId }).map((r) => r.id.toLowerCase()));
  try {
    return (a.networkProfile.networkInterfaceConfigurations as Config[]).map((config) =>
      createNic(ctx, { ...a, config }),
    );
  } catch (e) {
    // A refused configuration leaves nothing behind: remove what this request created.
    for (const r of ctx.store.listResources({ scope: a.groupId }))
      if (!before.has(r.id.toLowerCase())) ctx.store.deleteTree(r.id);
    throw e;
  }
}
