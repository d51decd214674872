import { randomUUID } from "node:crypto";
import type { Store } from "../../core/store.js";
import type { JsonBody } from "../../core/plugin.js";
import type { StoredResource } from "../../core/state.js";
import { DISK_TYPE } from "./constants.js";

/** Managed disk bodies (SPECS COMPUTE DiskRP examples, Disks_Get) and the attach/detach bookkeeping VMs need. */
export const STORAGE_ACCOUNT_TYPES = [
  "Standard_LRS",
  "Premium_LRS",
  "StandardSSD_LRS",
  "UltraSSD_LRS",
  "Premium_ZRS",
  "StandardSSD_ZRS",
  "PremiumV2_LRS",
];

const PREMIUM_TIERS: [number, string, number, number][] = [
  [4, "P1", 120, 25],
  [8, "P2", 120, 25],
  [16, "P3", 120, 25],
  [32, "P4", 120, 25],
  [64, "P6", 240, 50],
  [128, "P10", 500, 100],
  [256, "P15", 1100, 125],
  [512, "P20", 2300, 150],
  [1024, "P30", 5000, 200],
  [2048, "P40", 7500, 250],
  [4096, "P50", 7500, 250],
  [8192, "P60", 16000, 500],
  [16384, "P70", 18000, 750],
  [32767, "P80", 20000, 900],
];

function performance(sku: string, sizeGB: number): { tier?: string; iops: number; mbps: number } {
  const row = PREMIUM_TIERS.find(([max]) => sizeGB <= max) ?? PREMIUM_TIERS[PREMIUM_TIERS.length - 1];
  if (sku.startsWith("Premium")) return { tier: row[1], iops: row[2], mbps: row[3] };
  if (sku.startsWith("StandardSSD")) return { tier: row[1].replace("P", "E"), iops: 500, mbps: 60 };
  return { iops: 500, mbps: 60 };
}

export interface DiskSpec {
  id: string;
  name: string;
  location: string;
  sku: string;
  sizeGB: number;
  vmId: string;
  creationData: JsonBody;
  /** Disk.encryption (a disk encryption set's key) and Disk.securityProfile (a confidential OS disk). */
  encryption?: JsonBody;
  securityProfile?: JsonBody;
  osType?: string;
  hyperVGeneration?: string;
  createdAt: string;
}

export function diskBody(spec: DiskSpec): JsonBody {
  const perf = performance(spec.sku, spec.sizeGB);
  return {
    name: spec.name,
    type: DISK_TYPE,
    location: spec.location,
    tags: {},
    managedBy: spec.vmId,
    sku: { name: spec.sku, tier: spec.sku.startsWith("Premium") ? "Premium" : "Standard" },
    properties: {
      ...(spec.osType ? { osType: spec.osType, hyperVGeneration: spec.hyperVGeneration } : {}),
      creationData: spec.creationData,
      diskSizeGB: spec.sizeGB,
      diskSizeBytes: spec.sizeGB * 1024 ** 3,
      diskIOPSReadWrite: perf.iops,
      diskMBpsReadWrite: perf.mbps,
      ...(perf.tier ? { tier: perf.tier } : {}),
      uniqueId: randomUUID(),
      encryption: spec.encryption ?? { type: "EncryptionAtRestWithPlatformKey" },
      ...(spec.securityProfile ? { securityProfile: spec.securityProfile } : {}),
      networkAccessPolicy: "AllowAll",
      publicNetworkAccess: "Enabled",
      timeCreated: spec.createdAt,
      provisioningState: "Succeeded",
      diskState: "Attached",
    },
  };
}

export const diskManagedBy = (d: StoredResource) => (d.body.managedBy as string | undefined) || undefined;

/** Sets (or clears) the VM a disk belongs to; diskState follows: Attached, Reserved (VM deallocated) or Unattached. */
export function setDiskOwner(store: Store, diskId: string, vmId: string | undefined, allocated = true): void {
  const d = store.getResource(diskId);
  if (!d || d.type !== DISK_TYPE.toLowerCase()) return;
  const body: JsonBody = {
    ...d.body,
    properties: {
      ...(d.body.properties as JsonBody),
      diskState: vmId ? (allocated ? "Attached" : "Reserved") : "Unattached",
    },
  };
  if (vmId) body.managedBy = vmId;
  else delete body.managedBy;
  store.putResource(d.id, body, d.internal);
}

export const disksOwnedBy = (store: Store, vmId: string) =>
  store.listResources({ type: DISK_TYPE }).filter((d) => diskManagedBy(d)?.toLowerCase() === vmId.toLowerCase());

/** DiskRP.json DiskSecurityTypes for a confidential VM's OS disk (VMDiskSecurityProfile.securityEncryptionType). */
function diskSecurityType(security: JsonBody): string {
  const type = String(security.securityEncryptionType);
  if (type === "VMGuestStateOnly") return "ConfidentialVM_VMGuestStateOnlyEncryptedWithPlatformKey";
  if (type === "NonPersistedTPM") return "ConfidentialVM_NonPersistedTPM";
  return security.diskEncryptionSet
    ? "ConfidentialVM_DiskEncryptedWithCustomerKey"
    : "ConfidentialVM_DiskEncryptedWithPlatformKey";
}

/**
 * Where a VM's disk came from and how it is encrypted, as the disk resource shows it (DiskRP.json CreationData,
 * Encryption, DiskSecurityProfile): the OS disk from its marketplace, custom or gallery image, a data disk empty,
 * copied or restored from its sourceResource; a disk encryption set's customer key.
 */
export function diskOrigin(
  vm: { subscriptionId: string; body: JsonBody },
  disk: JsonBody,
  isOs: boolean,
): Pick<DiskSpec, "creationData" | "encryption" | "securityProfile"> {
  const sp = ((vm.body.properties as JsonBody | undefined)?.storageProfile ?? {}) as JsonBody;
  const image = (sp.imageReference ?? {}) as JsonBody;
  let creationData: JsonBody = { createOption: String(disk.createOption ?? "Empty") };
  if (isOs && image.communityGalleryImageId)
    creationData = {
      createOption: "FromImage",
      galleryImageReference: { communityGalleryImageId: image.communityGalleryImageId },
    };
  else if (isOs && typeof image.id === "string" && /\/galleries\//i.test(image.id))
    creationData = { createOption: "FromImage", galleryImageReference: { id: image.id } };
  else if (isOs && image.id) creationData = { createOption: "FromImage", imageReference: { id: image.id } };
  else if (isOs)
    creationData = {
      createOption: "FromImage",
      imageReference: {
        id: `/Subscriptions/${vm.subscriptionId}/Providers/Microsoft.Compute/Locations/${String(vm.body.location)}/Publishers/${image.publisher}/ArtifactTypes/VMImage/Offers/${image.offer}/Skus/${image.sku}/Versions/${image.exactVersion}`,
      },
    };
  else if (disk.sourceResource?.id) creationData = { ...creationData, sourceResourceId: disk.sourceResource.id };
  const des = disk.managedDisk?.diskEncryptionSet?.id as string | undefined;
  const security = disk.managedDisk?.securityProfile as JsonBody | undefined;
  return {
    creationData,
    ...(des ? { encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: des } } : {}),
    ...(security
      ? {
          securityProfile: {
            securityType: diskSecurityType(security),
            ...(security.diskEncryptionSet ? { secureVMDiskEncryptionSetId: security.diskEncryptionSet.id } : {}),
          },
        }
      : {}),
  };
}
