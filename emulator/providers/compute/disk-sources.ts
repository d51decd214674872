import { ArmError } from "../../core/errors.js";
import { normalizeLocation } from "../../core/locations.js";
import type { JsonBody } from "../../core/plugin.js";
import type { Store } from "../../core/store.js";
import { findReferenced } from "../referenced.js";
import { DISK_TYPE } from "./constants.js";
import { invalidParameter, operationNotAllowed } from "./errors.js";

/**
 * Where a VM's disks come from beyond an image or an empty disk, and what they are encrypted with: a data disk copied
 * from a snapshot or another managed disk (createOption Copy) or restored from a disk restore point (Restore), a disk
 * encryption set, and unmanaged (blob based) disks in the user's storage account. Error codes and messages are
 * Learn's "Understand common error messages when you manage virtual machines in Azure"
 * (learn.microsoft.com/azure/virtual-machines/error-messages) where it lists them; the others say "wording unconfirmed".
 */

const SNAPSHOT = "Microsoft.Compute/snapshots";
const DISK_RESTORE_POINT = "Microsoft.Compute/restorePointCollections/restorePoints/diskRestorePoints";
const DISK_ENCRYPTION_SET = "Microsoft.Compute/diskEncryptionSets";

/** The source of a Copy or Restore data disk, checked as Azure does; `sizeGB` is the size the new disk starts from. */
export interface DiskSource {
  id: string;
  sizeGB?: number;
}

/**
 * DataDisk.sourceResource: "a snapshot, or disk restore point" (ComputeRP.json), and for Copy also a managed disk.
 * Snapshots and restore points are regional: a source in another region needs a cross-region copy first (Learn,
 * "Copy an incremental snapshot to another region"), so the disk refuses it (BadRequest, as Azure words it for a
 * source blob: "… does not belong to the same region as the disk.").
 */
export function requireDiskSource(store: Store, req: JsonBody, location: string, lun: number): DiskSource {
  const option = String(req.createOption);
  const id = typeof req.sourceResource?.id === "string" ? req.sourceResource.id : "";
  if (!id)
    throw invalidParameter(
      `dataDisks[${lun}].sourceResource`,
      `Required parameter 'sourceResource' is missing (null) for createOption '${option}'.`,
    );
  const found =
    option === "Restore"
      ? findReferenced(store, id, DISK_RESTORE_POINT)
      : (findReferenced(store, id, SNAPSHOT) ??
        (store.getResource(id)?.type === DISK_TYPE.toLowerCase() ? store.getResource(id) : undefined));
  if (!found)
    // Wording unconfirmed; NotFound as for a missing disk to attach.
    throw new ArmError(
      404,
      "NotFound",
      `The entity was not found in this Azure location. Source resource '${id}' does not exist or is not a ${option === "Restore" ? "disk restore point" : "snapshot or managed disk"}.`,
      undefined,
      { target: `dataDisks[${lun}].sourceResource` },
    );
  if (normalizeLocation(found.body.location) !== location)
    throw new ArmError(
      400,
      "BadRequest",
      `The source resource '${id}' does not belong to the same region as the disk.`,
      undefined,
      { target: `dataDisks[${lun}].sourceResource` },
    );
  const size = (found.body.properties as JsonBody | undefined)?.diskSizeGB;
  // A disk restore point carries no size of its own (DiskRestorePointProperties); the restored disk takes the size asked.
  if (typeof size === "number" && typeof req.diskSizeGB === "number" && req.diskSizeGB < size)
    throw operationNotAllowed(
      `Disk with size ${req.diskSizeGB}GB, which is smaller than the size ${size}GB of its source '${id}', is not allowed.`,
      `dataDisks[${lun}].diskSizeGB`,
    );
  return { id: found.id, sizeGB: typeof size === "number" ? size : undefined };
}

/**
 * A disk encryption set a managed disk names. It must exist and be in the disk's region (Learn, "Server-side
 * encryption of Azure Disk Storage": the disk encryption set, its key vault and the disks it encrypts are in one
 * region), and its encryptionType must suit the use (DiskRP.json DiskEncryptionSetType): customer-key encryption at
 * rest for `managedDisk.diskEncryptionSet`, ConfidentialVmEncryptedWithCustomerKey for a confidential OS disk's
 * `securityProfile.diskEncryptionSet`. Messages: wording unconfirmed.
 */
export function requireDiskEncryptionSet(
  store: Store,
  ref: unknown,
  location: string,
  o: { target: string; confidential: boolean },
): { id: string; encryptionType: string } | undefined {
  if (ref === undefined || ref === null) return undefined;
  const id = typeof (ref as JsonBody).id === "string" ? String((ref as JsonBody).id) : "";
  const set = findReferenced(store, id, DISK_ENCRYPTION_SET);
  if (!set)
    throw new ArmError(404, "NotFound", `The Disk Encryption Set '${id}' cannot be found.`, undefined, {
      target: o.target,
    });
  if (normalizeLocation(set.body.location) !== location)
    throw invalidParameter(
      o.target,
      `Disk Encryption Set '${id}' is in location '${String(set.body.location)}'; it can only encrypt disks in that location, not in '${location}'.`,
    );
  const type = String(
    (set.body.properties as JsonBody | undefined)?.encryptionType ?? "EncryptionAtRestWithCustomerKey",
  );
  const fits = o.confidential
    ? type === "ConfidentialVmEncryptedWithCustomerKey"
    : type === "EncryptionAtRestWithCustomerKey" || type === "EncryptionAtRestWithPlatformAndCustomerKeys";
  if (!fits)
    throw invalidParameter(
      o.target,
      o.confidential
        ? `Disk Encryption Set '${id}' has encryption type '${type}'; a confidential VM's OS disk needs one of type 'ConfidentialVmEncryptedWithCustomerKey'.`
        : `Disk Encryption Set '${id}' has encryption type '${type}', which can only be used for a confidential VM's OS disk.`,
    );
  return { id: set.id, encryptionType: type };
}

const BLOB_URI = /^https?:\/\/([^./]+)\.blob\.core\.windows\.net\/([^/?]+)\/([^?]+)$/i;

/**
 * An unmanaged disk is a page blob `https://{account}.blob.core.windows.net/{container}/{blob}.vhd`. The account must be
 * a storage account of the VM's subscription in the VM's region, made through the Storage RP (Learn's
 * StorageAccountNotFound, StorageAccountSubscriptionMismatch, StorageAccountLocationMismatch); a BlobStorage account
 * holds no page blobs (StorageAccountTypeNotSupported). Whether the blob itself exists (ImageBlobNotFound for a source
 * image, TargetDiskBlobAlreadyExists for a new disk) needs a blob data plane the emulator does not have: not checked.
 */
export function requireVhdAccount(
  store: Store,
  uri: unknown,
  o: { subscriptionId: string; location: string; diskName: string; target: string; isSource: boolean },
): string {
  const text = String(uri ?? "");
  const m = BLOB_URI.exec(text);
  if (!m) throw invalidParameter(o.target, `The URI ${text} does not look to be correct blob URI.`);
  const [, account, container, blob] = m;
  if (!/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/.test(container))
    throw invalidParameter(
      o.target,
      `Container name ${container} in URL ${text} is invalid. Container names must be 3-63 characters in length and may contain only lower-case alphanumeric characters and hyphen. Hyphen must be preceded and followed by an alphanumeric character.`,
    );
  if (!o.isSource && blob.includes("/"))
    throw invalidParameter(
      o.target,
      `The blob name in URL ${text} contains a slash. This is presently not supported for disks.`,
    );
  if (!blob.toLowerCase().endsWith(".vhd"))
    throw invalidParameter(o.target, `Blob name in URL ${text} must end with '.vhd' extension.`);
  const accounts = store
    .listResources({ type: "Microsoft.Storage/storageAccounts" })
    .filter((a) => String(a.body.name).toLowerCase() === account.toLowerCase());
  const mine = accounts.find((a) => a.subscriptionId.toLowerCase() === o.subscriptionId.toLowerCase());
  // Status codes unconfirmed; the codes and messages are Learn's.
  if (!mine && accounts.length)
    throw new ArmError(
      400,
      "StorageAccountSubscriptionMismatch",
      `Storage account ${account} doesn't belong to subscription ${o.subscriptionId}.`,
    );
  if (!mine)
    throw new ArmError(
      404,
      "StorageAccountNotFound",
      `Storage account ${account} not found. Ensure storage account is not deleted and belongs to the same Azure location as the VM.`,
    );
  if (normalizeLocation(mine.body.location) !== o.location)
    throw new ArmError(
      400,
      "StorageAccountLocationMismatch",
      `Could not resolve storage account ${account}. Please ensure it was created through the Storage Resource Provider in the same location as the compute resource.`,
    );
  if (String(mine.body.kind) === "BlobStorage")
    throw new ArmError(
      400,
      "StorageAccountTypeNotSupported",
      `Disk ${o.diskName} uses ${text} which is a Blob storage account. Please retry with General purpose storage account.`,
    );
  return text;
}
