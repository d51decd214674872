import type { ConformanceArea } from "./area.js";

/** Compute: what a VM can be created from, placed in or encrypted with. */
export const compute: ConformanceArea = {
  unmodelled: [
    [/\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\//i, "virtual machine scale set"],
    [/\/providers\/Microsoft\.Compute\/images\//i, "custom image"],
    [/\/providers\/Microsoft\.Compute\/galleries\/|"(shared|community)GalleryImageId"/i, "gallery image"],
    [/\/providers\/Microsoft\.Compute\/diskEncryptionSets\//i, "disk encryption set"],
    [/\/providers\/Microsoft\.Compute\/capacityReservationGroups\//i, "capacity reservation group"],
    [/\/providers\/Microsoft\.Compute\/snapshots\//i, "snapshot"],
    [/\/providers\/Microsoft\.Compute\/restorePointCollections\//i, "restore point"],
    [/\/providers\/Microsoft\.Compute\/availabilitySets\//i, "availability set"],
    [/\/providers\/Microsoft\.Compute\/diskAccesses\//i, "disk access"],
    [/\/providers\/Microsoft\.Compute\/hostGroups\//i, "dedicated host group"],
    [/\/providers\/Microsoft\.Compute\/proximityPlacementGroups\//i, "proximity placement group"],
    [/\.blob\.core\.windows\.net\/[^"]*\.vhd"/i, "unmanaged VHD (a page blob in a storage account)"],
  ],
};
