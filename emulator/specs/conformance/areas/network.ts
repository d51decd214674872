import type { ConformanceArea } from "./area.js";
import { PROVIDER_SUBSCRIPTION_ID } from "../../../seed.js";

/**
 * Network: what a virtual network or NIC can draw on beyond the network resources the emulator serves. A Network
 * Manager and its IPAM pool are registered through the control API (providers/referenced.ts) as their owner makes
 * them: the manager scoped to the subscription, the pool a root pool in the manager's region holding the private
 * 10.0.0.0/8 range (Learn, virtual-network-manager/how-to-manage-ip-addresses-network-manager: a root pool is the whole
 * range an organisation plans from, in the region of the vnets that use it).
 */
export const network: ConformanceArea = {
  unmodelled: [],
  async ensure(pre, id) {
    const m =
      /^(\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/networkManagers\/[^/]+)(?:\/ipamPools\/([^/]+))?$/i.exec(
        id,
      );
    if (!m) return false;
    const [, manager, subscriptionId, group, pool] = m;
    await pre.group(subscriptionId, group);
    await pre.emu.control.call("POST", "resources/referenced", {
      id: manager,
      location: pre.location,
      properties: {
        networkManagerScopes: { subscriptions: [`/subscriptions/${PROVIDER_SUBSCRIPTION_ID}`], managementGroups: [] },
        networkManagerScopeAccesses: [],
      },
    });
    if (pool)
      await pre.emu.control.call("POST", "resources/referenced", {
        id: `${manager}/ipamPools/${pool}`,
        location: pre.location,
        properties: { addressPrefixes: ["10.0.0.0/8"], displayName: pool },
      });
    return true;
  },
};
