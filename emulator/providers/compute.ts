import { defineProvider } from "../core/plugin.js";
import { REGION_NAMES } from "../core/locations.js";
import { catalogRoutes } from "./compute/catalog-routes.js";
import { DISK_API_VERSIONS, SKU_API_VERSIONS, VM_API_VERSIONS } from "./compute/constants.js";
import { diskRoutes } from "./compute/disk-routes.js";
import { COMPUTE_EFFECTS } from "./compute/effects.js";
import { vmRoutes } from "./compute/vm-routes.js";

/**
 * Microsoft.Compute: virtual machines (create/update/resize/power actions/delete as LROs), managed disks,
 * VM sizes, resource SKUs, platform images and usages. VM power state lives in the stored record's `internal`
 * (see compute/vm-state.ts); NICs and public IPs are read from the store where the Network RP keeps them.
 */
export default defineProvider({
  name: "compute",
  namespaces: [
    {
      namespace: "Microsoft.Compute",
      resourceTypes: [
        { resourceType: "virtualMachines", locations: REGION_NAMES, apiVersions: VM_API_VERSIONS },
        { resourceType: "disks", locations: REGION_NAMES, apiVersions: DISK_API_VERSIONS },
        { resourceType: "locations/vmSizes", locations: [], apiVersions: VM_API_VERSIONS },
        { resourceType: "locations/usages", locations: [], apiVersions: VM_API_VERSIONS },
        { resourceType: "locations/publishers", locations: [], apiVersions: VM_API_VERSIONS },
        { resourceType: "locations/operations", locations: [], apiVersions: VM_API_VERSIONS },
        { resourceType: "skus", locations: [], apiVersions: SKU_API_VERSIONS },
      ],
    },
  ],
  effects: COMPUTE_EFFECTS,
  routes: [...vmRoutes, ...diskRoutes, ...catalogRoutes],
});
