import { readFileSync } from "node:fs";
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
  /** A confidential size (DCasv5 …): the only sizes a securityType ConfidentialVM runs on. */
  confidential: boolean;
  /** Regions where the size is not offered at all (absent from vmSizes). */
  notOffered?: string[];
  /** Regions where the size is listed but restricted for subscriptions (resource SKU restriction NotAvailableForSubscription). */
  restricted?: string[];
}

export const OS_DISK_SIZE_IN_MB = 1047552;
const GiB = 1024;

interface PublishedSize {
  name: string;
  vCPUs: number;
  memoryGiB: number;
  maxDataDisks: number;
  tempDiskGiB: number;
  family: string;
  familyLabel: string;
  cluster: string;
  premiumIO: boolean;
  confidential?: boolean;
  notOffered?: string[];
  restricted?: string[];
}

/** The vendored snapshot of Azure's published sizes (emulator/specs/catalogue/vm-sizes.json). */
const published = JSON.parse(readFileSync(new URL("../../specs/catalogue/vm-sizes.json", import.meta.url), "utf8")) as {
  sizes: PublishedSize[];
};

export const VM_SIZES: VmSize[] = published.sizes.map((p) => ({
  name: p.name,
  numberOfCores: p.vCPUs,
  memoryInMB: p.memoryGiB * GiB,
  maxDataDiskCount: p.maxDataDisks,
  resourceDiskSizeInMB: p.tempDiskGiB * GiB,
  family: p.family,
  familyLabel: p.familyLabel,
  cluster: p.cluster,
  premiumIO: p.premiumIO,
  confidential: p.confidential === true,
  ...(p.notOffered ? { notOffered: p.notOffered } : {}),
  ...(p.restricted ? { restricted: p.restricted } : {}),
}));

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
