import { apiVersionsFor } from "../../specs/api-versions.js";

/** Microsoft.Compute api-versions from the spec index: @azure/arm-compute 25 sends 2026-04-01 (VMs, images, sizes, usages), 2026-03-02 (disks), 2021-07-01 (skus). */
export const VM_API_VERSIONS = apiVersionsFor("compute");
export const DISK_API_VERSIONS = apiVersionsFor("disks");
export const SKU_API_VERSIONS = apiVersionsFor("resourceSkus");

export const NS = "Microsoft.Compute";
export const VM_TYPE = "Microsoft.Compute/virtualMachines";
export const DISK_TYPE = "Microsoft.Compute/disks";
export const NIC_TYPE = "Microsoft.Network/networkInterfaces";
export const PIP_TYPE = "Microsoft.Network/publicIPAddresses";

const RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}";
const SUB = "/subscriptions/{subscriptionId}/providers/Microsoft.Compute";
export const PATHS = {
  vm: `${RG}/providers/Microsoft.Compute/virtualMachines/{vmName}`,
  vmsInGroup: `${RG}/providers/Microsoft.Compute/virtualMachines`,
  vmsInSubscription: `${SUB}/virtualMachines`,
  vmsByLocation: `${SUB}/locations/{location}/virtualMachines`,
  disk: `${RG}/providers/Microsoft.Compute/disks/{diskName}`,
  disksInGroup: `${RG}/providers/Microsoft.Compute/disks`,
  disksInSubscription: `${SUB}/disks`,
  locationSizes: `${SUB}/locations/{location}/vmSizes`,
  usages: `${SUB}/locations/{location}/usages`,
  skus: `${SUB}/skus`,
  publishers: `${SUB}/locations/{location}/publishers`,
  offers: `${SUB}/locations/{location}/publishers/{publisherName}/artifacttypes/vmimage/offers`,
  imageSkus: `${SUB}/locations/{location}/publishers/{publisherName}/artifacttypes/vmimage/offers/{offer}/skus`,
  versions: `${SUB}/locations/{location}/publishers/{publisherName}/artifacttypes/vmimage/offers/{offer}/skus/{skus}/versions`,
  version: `${SUB}/locations/{location}/publishers/{publisherName}/artifacttypes/vmimage/offers/{offer}/skus/{skus}/versions/{version}`,
  operation: `${SUB}/locations/{location}/operations/{operationId}`,
};

/** Modelled durations in seconds (scaled by the clock's time scale). Azure does not document them; these are typical observations. */
export const DURATIONS = {
  create: 60,
  update: 30,
  resize: 45,
  start: 30,
  powerOff: 30,
  restart: 40,
  deallocate: 40,
  delete: 30,
};
