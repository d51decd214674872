import { defineProvider } from "../core/plugin.js";
import { REGION_NAMES } from "../core/locations.js";
import { syncBackReferences } from "./network/back-references.js";
import { NETWORK, NETWORK_API_VERSIONS, settle, type Json } from "./network/common.js";
import { nicRoutes } from "./network/nics.js";
import { nsgRoutes } from "./network/nsgs.js";
import { loadBalancerRoutes } from "./network/load-balancers.js";
import { publicIpRoutes } from "./network/public-ips.js";
import { updateTagsRoutes } from "./network/update-tags.js";
import { vnetRoutes } from "./network/vnets.js";

/**
 * Microsoft.Network: virtual networks and subnets, network interfaces, public IP addresses, network security groups
 * and load balancers. Shapes follow SPECS NET; validation codes AZURE-FACTS §6. Helpers live in ./network/.
 */
const TYPES = [
  "virtualNetworks",
  "virtualNetworks/subnets",
  "networkInterfaces",
  "publicIPAddresses",
  "networkSecurityGroups",
  "loadBalancers",
];

export default defineProvider({
  name: "network",
  namespaces: [
    {
      namespace: NETWORK,
      resourceTypes: TYPES.map((resourceType) => ({
        resourceType,
        locations: REGION_NAMES,
        apiVersions: NETWORK_API_VERSIONS,
      })),
    },
  ],
  effects: {
    // Children report Succeeded with their parent; tolerate a resource deleted meanwhile.
    "network.settle": ({ store }, args) => {
      const r = store.getResource(String(args.id));
      if (!r) return;
      const body = structuredClone(r.body) as Json;
      settle(body, Boolean(args.parent));
      store.putResource(r.id, body);
    },
    // Runs as a delete finishes: the deleted resource's back-references disappear.
    "network.sync": ({ store, op }, args) => {
      store.deleteTree(op.resourceId);
      syncBackReferences(store, String(args.subscriptionId));
    },
  },
  routes: [...vnetRoutes, ...publicIpRoutes, ...nicRoutes, ...nsgRoutes, ...loadBalancerRoutes, ...updateTagsRoutes],
});
