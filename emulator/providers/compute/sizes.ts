import { REGION_NAMES } from "../../core/locations.js";

/**
 * The VM size catalogue. `cluster` groups sizes that share hardware, so a running VM can move between them
 * (Dv5 ↔ Dsv5 ↔ …); sizes with a temp disk never share a cluster with sizes without one (resize-vm.md).
 */
export interface VmSize {
  name: string;
  numberOfCores: number;
  memoryInMB: number;
  maxDataDiskCount: number;
  resourceDiskSizeInMB: number;
  family: string;
  familyLabel: string;
  cluster: string;
  premiumIO: boolean;
  /** Regions where the size is not offered at all (absent from vmSizes). */
  notOffered?: string[];
  /** Regions where the size is listed but restricted for subscriptions (resource SKU restriction NotAvailableForSubscription). */
  restricted?: string[];
}

export const OS_DISK_SIZE_IN_MB = 1047552;
const GiB = 1024;

function family(
  family: string,
  familyLabel: string,
  cluster: string,
  premiumIO: boolean,
  tempPerCoreGiB: number,
  memPerCoreGiB: number,
  disksPerCore: number,
) {
  return (suffix: string, cores: number, extra: Partial<VmSize> = {}): VmSize => ({
    name: `Standard_${suffix}`,
    numberOfCores: cores,
    memoryInMB: memPerCoreGiB * cores * GiB,
    maxDataDiskCount: Math.min(64, disksPerCore * cores),
    resourceDiskSizeInMB: tempPerCoreGiB * cores * GiB,
    family,
    familyLabel,
    cluster,
    premiumIO,
    ...extra,
  });
}

const dsv5 = family("standardDSv5Family", "Standard DSv5 Family vCPUs", "dv5", true, 0, 4, 2);
const dv5 = family("standardDv5Family", "Standard Dv5 Family vCPUs", "dv5", false, 0, 4, 2);
const ddsv5 = family("standardDDSv5Family", "Standard DDSv5 Family vCPUs", "ddv5", true, 37.5, 4, 2);
const esv5 = family("standardESv5Family", "Standard ESv5 Family vCPUs", "ev5", true, 0, 8, 2);
const dsv3 = family("standardDSv3Family", "Standard DSv3 Family vCPUs", "dv3", true, 8, 4, 2);
const fsv2 = family("standardFSv2Family", "Standard FSv2 Family vCPUs", "fv2", true, 8, 2, 2);
const bs = family("standardBSFamily", "Standard BS Family vCPUs", "b", true, 0, 0, 0);

export const VM_SIZES: VmSize[] = [
  bs("B1s", 1, { memoryInMB: 1 * GiB, maxDataDiskCount: 2, resourceDiskSizeInMB: 4 * GiB }),
  bs("B1ms", 1, { memoryInMB: 2 * GiB, maxDataDiskCount: 2, resourceDiskSizeInMB: 4 * GiB }),
  bs("B2s", 2, { memoryInMB: 4 * GiB, maxDataDiskCount: 4, resourceDiskSizeInMB: 8 * GiB }),
  bs("B2ms", 2, { memoryInMB: 8 * GiB, maxDataDiskCount: 4, resourceDiskSizeInMB: 16 * GiB }),
  bs("B4ms", 4, { memoryInMB: 16 * GiB, maxDataDiskCount: 8, resourceDiskSizeInMB: 32 * GiB }),
  dv5("D2_v5", 2),
  dv5("D4_v5", 4),
  dv5("D8_v5", 8),
  dsv5("D2s_v5", 2),
  dsv5("D4s_v5", 4),
  dsv5("D8s_v5", 8),
  dsv5("D16s_v5", 16),
  dsv5("D32s_v5", 32),
  ddsv5("D2ds_v5", 2),
  ddsv5("D4ds_v5", 4),
  ddsv5("D8ds_v5", 8),
  esv5("E2s_v5", 2),
  esv5("E4s_v5", 4),
  esv5("E8s_v5", 8),
  dsv3("D2s_v3", 2),
  dsv3("D4s_v3", 4),
  dsv3("D8s_v3", 8),
  fsv2("F2s_v2", 2),
  fsv2("F4s_v2", 4),
  fsv2("F8s_v2", 8, { notOffered: ["westus"] }),
  {
    name: "Standard_NC4as_T4_v3",
    numberOfCores: 4,
    memoryInMB: 28 * GiB,
    maxDataDiskCount: 8,
    resourceDiskSizeInMB: 176 * GiB,
    family: "Standard NCASv3_T4 Family",
    familyLabel: "Standard NCASv3_T4 Family vCPUs",
    cluster: "nct4",
    premiumIO: true,
    notOffered: ["westus", "japaneast"],
    restricted: ["eastus", "westeurope", "uksouth"],
  },
  {
    name: "Standard_M8ms",
    numberOfCores: 8,
    memoryInMB: 218.75 * GiB,
    maxDataDiskCount: 8,
    resourceDiskSizeInMB: 256 * GiB,
    family: "standardMSFamily",
    familyLabel: "Standard MS Family vCPUs",
    cluster: "m",
    premiumIO: true,
    notOffered: ["westus", "westus3", "uksouth", "japaneast", "southeastasia"],
    restricted: ["northeurope"],
  },
];

export function findSize(name: unknown): VmSize | undefined {
  if (typeof name !== "string") return undefined;
  return VM_SIZES.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

export const isOffered = (s: VmSize, location: string) => !(s.notOffered ?? []).includes(location);
export const isRestricted = (s: VmSize, location: string) => (s.restricted ?? []).includes(location);
export const sizesIn = (location: string) => VM_SIZES.filter((s) => isOffered(s, location));
export const regionsOf = (s: VmSize) => REGION_NAMES.filter((r) => isOffered(s, r));

/** The VirtualMachineSize shape of `GET …/vmSizes`. */
export function sizeBody(s: VmSize) {
  return {
    name: s.name,
    numberOfCores: s.numberOfCores,
    osDiskSizeInMB: OS_DISK_SIZE_IN_MB,
    resourceDiskSizeInMB: s.resourceDiskSizeInMB,
    memoryInMB: s.memoryInMB,
    maxDataDiskCount: s.maxDataDiskCount,
  };
}
