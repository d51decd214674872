import type { JsonBody } from "../../core/plugin.js";
import { invalidParameter } from "./errors.js";
import type { VmSize } from "./sizes.js";

/**
 * securityType ConfidentialVM, as Azure documents it:
 * - only confidential sizes run it (Learn, "About Azure confidential VMs": the DCasv5/ECasv5 … series; catalogue
 *   `confidential`), and only on Gen2 images (the series pages list VM Generation 2 as their only generation);
 * - a confidential VM always has a vTPM (same page: "Dedicated virtual Trusted Platform Module (TPM) instance"), so
 *   uefiSettings.vTpmEnabled false is refused;
 * - its OS disk names how it is encrypted: managedDisk.securityProfile.securityEncryptionType (DiskWithVMGuestState,
 *   VMGuestStateOnly or NonPersistedTPM) — "It can be set for only Confidential VMs" (ComputeRP.json
 *   VMDiskSecurityProfile), so it is refused on any other VM, and a customer-key disk encryption set there needs
 *   DiskWithVMGuestState (the OS disk itself is encrypted only then).
 * Messages: wording unconfirmed; InvalidParameter with the property as target, as Azure answers other create checks.
 */
export function checkSecurityType(o: {
  securityProfile: JsonBody | undefined;
  size: VmSize;
  storageProfile: JsonBody | undefined;
  hyperVGeneration: "V1" | "V2";
}): void {
  const type = String(o.securityProfile?.securityType ?? "Standard");
  const diskSecurity = (o.storageProfile?.osDisk?.managedDisk?.securityProfile ?? undefined) as JsonBody | undefined;
  const encryption = diskSecurity?.securityEncryptionType as string | undefined;
  if (type.toLowerCase() !== "confidentialvm") {
    if (encryption)
      throw invalidParameter(
        "osDisk.managedDisk.securityProfile.securityEncryptionType",
        "SecurityEncryptionType can only be set for a VM whose securityType is ConfidentialVM.",
      );
    return;
  }
  if (!o.size.confidential)
    throw invalidParameter(
      "securityProfile.securityType",
      `The VM size ${o.size.name} does not support securityType ConfidentialVM. Use a confidential VM size such as Standard_DC2as_v5.`,
    );
  if (o.hyperVGeneration !== "V2")
    throw invalidParameter(
      "securityProfile.securityType",
      "securityType ConfidentialVM needs a Generation 2 image; the image is Generation 1.",
    );
  if (o.securityProfile?.uefiSettings?.vTpmEnabled === false)
    throw invalidParameter(
      "securityProfile.uefiSettings.vTpmEnabled",
      "vTPM cannot be disabled for a VM whose securityType is ConfidentialVM.",
    );
  if (!encryption)
    throw invalidParameter(
      "osDisk.managedDisk.securityProfile.securityEncryptionType",
      "Required parameter 'osDisk.managedDisk.securityProfile.securityEncryptionType' is missing (null) for securityType ConfidentialVM.",
    );
  if (diskSecurity?.diskEncryptionSet && encryption !== "DiskWithVMGuestState")
    throw invalidParameter(
      "osDisk.managedDisk.securityProfile.diskEncryptionSet",
      `A disk encryption set for a confidential OS disk needs securityEncryptionType DiskWithVMGuestState, not ${encryption}.`,
    );
}
