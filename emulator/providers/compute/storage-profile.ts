import { randomBytes } from "node:crypto";
import { ArmError } from "../../core/errors.js";
import type { Store } from "../../core/store.js";
import type { JsonBody } from "../../core/plugin.js";
import { DISK_TYPE } from "./constants.js";
import { diskManagedBy, STORAGE_ACCOUNT_TYPES } from "./disk-model.js";
import { invalidParameter, missingParameter, operationNotAllowed } from "./errors.js";
import type { PlatformImage } from "./images.js";
import type { SourceImage } from "./image-sources.js";
import type { VmSize } from "./sizes.js";
import { requireDiskEncryptionSet, requireDiskSource, requireVhdAccount } from "./disk-sources.js";

/** Builds the stored storageProfile (disk names and ids filled in) from a create or update request, validating disks. */
export interface StorageArgs {
  store: Store;
  vmId: string;
  vmName: string;
  groupId: string;
  location: string;
  size: VmSize;
  /** A catalogue image, or a custom / gallery / VHD image (image-sources.ts); only read for a new OS disk. */
  image: PlatformImage | SourceImage;
  version: string;
  requested: JsonBody;
  existing?: JsonBody;
}

const hex = () => randomBytes(16).toString("hex");
const diskId = (groupId: string, name: string) => `${groupId}/providers/Microsoft.Compute/disks/${name}`;

/** `disk`: "osDisk" or "dataDisk", the start of the `target` Azure names (e.g. osDisk.managedDisk.storageAccountType). */
function accountType(requested: unknown, size: VmSize, diskName: string, disk: "osDisk" | "dataDisk"): string {
  const sat = typeof requested === "string" ? requested : size.premiumIO ? "Premium_LRS" : "Standard_LRS";
  if (!STORAGE_ACCOUNT_TYPES.includes(sat))
    throw invalidParameter(
      `${disk}.managedDisk.storageAccountType`,
      `The value '${sat}' of parameter 'managedDisk.storageAccountType' is invalid.`,
    );
  if (sat.startsWith("Premium") && !size.premiumIO) {
    throw invalidParameter(
      `${disk}.managedDisk.storageAccountType`,
      `Requested operation cannot be performed because the VM size ${size.name} does not support the storage account type ${sat} of disk '${diskName}'. Consider updating the VM to a size that supports Premium storage.`,
    );
  }
  return sat;
}

const subscriptionOf = (vmId: string) => vmId.split("/")[2];

/** An image made from another image or a VHD: its VM's disks must all be managed (Learn's error messages). */
const isImageResource = (image: StorageArgs["image"]) =>
  !!(image as SourceImage).reference?.id || !!(image as SourceImage).reference?.communityGalleryImageId;

/** managedDisk as the VM shows it: type, id, and the disk encryption set and security profile it was given. */
function managedDiskOf(a: StorageArgs, req: JsonBody, o: { name: string; disk: "osDisk" | "dataDisk"; lun?: number }) {
  const target = o.disk === "osDisk" ? "osDisk.managedDisk" : `dataDisks[${o.lun}].managedDisk`;
  const des = requireDiskEncryptionSet(a.store, req.managedDisk?.diskEncryptionSet, a.location, {
    target: `${target}.diskEncryptionSet`,
    confidential: false,
  });
  const security = req.managedDisk?.securityProfile as JsonBody | undefined;
  const securityDes =
    o.disk === "osDisk"
      ? requireDiskEncryptionSet(a.store, security?.diskEncryptionSet, a.location, {
          target: `${target}.securityProfile.diskEncryptionSet`,
          confidential: true,
        })
      : undefined;
  return {
    storageAccountType: accountType(req.managedDisk?.storageAccountType, a.size, o.name, o.disk),
    ...(des ? { diskEncryptionSet: { id: des.id } } : {}),
    ...(security
      ? {
          securityProfile: {
            securityEncryptionType: security.securityEncryptionType,
            ...(securityDes ? { diskEncryptionSet: { id: securityDes.id } } : {}),
          },
        }
      : {}),
  };
}

/** A blob-based OS disk (osDisk.vhd): the account is checked, and so is the source VHD's for a user image. */
function unmanagedOsDisk(a: StorageArgs, req: JsonBody, name: string): JsonBody {
  if (isImageResource(a.image))
    throw operationNotAllowed(
      "VM created from Image cannot have blob based disks. All disks have to be managed disks.",
      "osDisk.vhd",
    );
  const account = { subscriptionId: subscriptionOf(a.vmId), location: a.location, diskName: name };
  const vhd = requireVhdAccount(a.store, req.vhd.uri, { ...account, target: "osDisk.vhd.uri", isSource: false });
  const image =
    req.image?.uri !== undefined
      ? requireVhdAccount(a.store, req.image.uri, { ...account, target: "osDisk.image.uri", isSource: true })
      : undefined;
  const sizeGB = req.diskSizeGB ?? a.image.osDiskSizeGB;
  return {
    osType: a.image.osType,
    name,
    createOption: "FromImage",
    caching: req.caching ?? "ReadWrite",
    vhd: { uri: vhd },
    ...(image ? { image: { uri: image } } : {}),
    ...(typeof sizeGB === "number" ? { diskSizeGB: sizeGB } : {}),
  };
}

function osDisk(a: StorageArgs): JsonBody {
  if (a.existing?.osDisk)
    return { ...a.existing.osDisk, deleteOption: a.requested.osDisk?.deleteOption ?? a.existing.osDisk.deleteOption };
  const req = (a.requested.osDisk ?? {}) as JsonBody;
  const name = typeof req.name === "string" && req.name ? req.name : `${a.vmName}_OsDisk_1_${hex()}`;
  if (req.vhd?.uri !== undefined) return unmanagedOsDisk(a, req, name);
  if (req.image?.uri !== undefined) throw missingParameter("osDisk.vhd");
  const imageSize = a.image.osDiskSizeGB;
  const sizeGB = req.diskSizeGB ?? imageSize;
  if (imageSize !== undefined && (typeof sizeGB !== "number" || sizeGB < imageSize || sizeGB > 4095)) {
    throw invalidParameter(
      "osDisk.diskSizeGB",
      `The specified disk size ${String(sizeGB)} GB is smaller than the size of the corresponding disk in the VM image: ${imageSize} GB, or larger than 4095 GB. This is not allowed. Please choose equal or greater size or do not specify an explicit size.`,
    );
  }
  return {
    osType: a.image.osType,
    name,
    createOption: "FromImage",
    caching: req.caching ?? "ReadWrite",
    managedDisk: { ...managedDiskOf(a, req, { name, disk: "osDisk" }), id: diskId(a.groupId, name) },
    deleteOption: req.deleteOption === "Delete" ? "Delete" : "Detach",
    ...(typeof sizeGB === "number" ? { diskSizeGB: sizeGB } : {}),
  };
}

function newDataDisk(a: StorageArgs, req: JsonBody, lun: number): JsonBody {
  const option = String(req.createOption ?? "");
  const deleteOption = req.deleteOption === "Delete" ? "Delete" : "Detach";
  if (option === "Empty") {
    const size = req.diskSizeGB;
    if (typeof size !== "number") throw missingParameter("dataDisk.diskSizeGB");
    if (size < 1 || size > 32767)
      throw invalidParameter(
        "dataDisk.diskSizeGB",
        `The value ${size} of parameter 'dataDisk.diskSizeGB' is out of range. Value must be between 1 and 32767.`,
      );
    const name = typeof req.name === "string" && req.name ? req.name : `${a.vmName}_disk${lun + 2}_${hex()}`;
    if (req.vhd?.uri !== undefined) {
      const uri = requireVhdAccount(a.store, req.vhd.uri, {
        subscriptionId: subscriptionOf(a.vmId),
        location: a.location,
        diskName: name,
        target: `dataDisks[${lun}].vhd.uri`,
        isSource: false,
      });
      return { lun, name, createOption: "Empty", caching: req.caching ?? "None", vhd: { uri }, diskSizeGB: size };
    }
    return {
      lun,
      name,
      createOption: "Empty",
      caching: req.caching ?? "None",
      managedDisk: { ...managedDiskOf(a, req, { name, disk: "dataDisk", lun }), id: diskId(a.groupId, name) },
      deleteOption,
      diskSizeGB: size,
      toBeDetached: false,
    };
  }
  if (option === "Copy" || option === "Restore") {
    const source = requireDiskSource(a.store, req, a.location, lun);
    const name = typeof req.name === "string" && req.name ? req.name : `${a.vmName}_disk${lun + 2}_${hex()}`;
    return {
      lun,
      name,
      createOption: option,
      sourceResource: { id: source.id },
      caching: req.caching ?? "None",
      managedDisk: { ...managedDiskOf(a, req, { name, disk: "dataDisk", lun }), id: diskId(a.groupId, name) },
      deleteOption,
      diskSizeGB: req.diskSizeGB ?? source.sizeGB,
      toBeDetached: false,
    };
  }
  if (option === "Attach") {
    const id = String(req.managedDisk?.id ?? "");
    const disk = id ? a.store.getResource(id) : undefined;
    if (!disk || disk.type !== DISK_TYPE.toLowerCase())
      throw new ArmError(
        404,
        "NotFound",
        `The entity was not found in this Azure location. Disk '${id}' does not exist.`,
        undefined,
        { target: "dataDisks" },
      );
    const owner = diskManagedBy(disk);
    if (owner && owner.toLowerCase() !== a.vmId.toLowerCase())
      throw operationNotAllowed(`Disk ${String(disk.body.name)} is attached to VM ${owner}.`, "dataDisks");
    if (String(disk.body.location) !== a.location)
      throw invalidParameter(
        "dataDisks",
        `Disk ${String(disk.body.name)} is in location '${String(disk.body.location)}' and cannot be attached to a VM in '${a.location}'.`,
      );
    const sku = (disk.body.sku as JsonBody | undefined)?.name;
    const des = requireDiskEncryptionSet(a.store, req.managedDisk?.diskEncryptionSet, a.location, {
      target: `dataDisks[${lun}].managedDisk.diskEncryptionSet`,
      confidential: false,
    });
    return {
      lun,
      name: disk.body.name,
      createOption: "Attach",
      caching: req.caching ?? "None",
      managedDisk: { storageAccountType: sku, id: disk.id, ...(des ? { diskEncryptionSet: { id: des.id } } : {}) },
      deleteOption,
      diskSizeGB: (disk.body.properties as JsonBody).diskSizeGB,
      toBeDetached: false,
    };
  }
  throw invalidParameter(
    "dataDisk.createOption",
    `The value '${option}' of parameter 'dataDisk.createOption' is invalid. Use 'Empty', 'Attach', 'Copy' or 'Restore'.`,
  );
}

function dataDisks(a: StorageArgs): JsonBody[] {
  const requested =
    a.requested.dataDisks === undefined ? (a.existing?.dataDisks ?? []) : (a.requested.dataDisks as JsonBody[]);
  const existing = new Map(((a.existing?.dataDisks ?? []) as JsonBody[]).map((d) => [Number(d.lun), d]));
  const luns = new Set<number>();
  const out: JsonBody[] = [];
  for (const req of requested) {
    if (req.toBeDetached === true) continue;
    const lun = req.lun;
    if (typeof lun !== "number") throw missingParameter("dataDisk.lun");
    if (!Number.isInteger(lun) || lun < 0 || lun > 63)
      throw invalidParameter(
        "dataDisk.lun",
        `The value ${lun} of parameter 'dataDisk.lun' is out of range. Value must be between 0 and 63.`,
      );
    if (luns.has(lun)) throw invalidParameter("dataDisks", `A disk at LUN ${lun} already exists.`);
    luns.add(lun);
    const kept = existing.get(lun);
    out.push(
      kept
        ? { ...kept, caching: req.caching ?? kept.caching, deleteOption: req.deleteOption ?? kept.deleteOption }
        : newDataDisk(a, req, lun),
    );
  }
  const blobBased = (d: JsonBody) => !!d.vhd;
  const osBlobBased = blobBased((a.existing?.osDisk ?? a.requested.osDisk ?? {}) as JsonBody);
  if (out.some((d) => blobBased(d) !== osBlobBased))
    throw operationNotAllowed(
      osBlobBased
        ? "Addition of a managed disk to a VM with blob based disks is not supported."
        : "Addition of a blob based disk to VM with managed disks is not supported.",
      "dataDisks",
    );
  if (out.length > a.size.maxDataDiskCount) {
    throw operationNotAllowed(
      `The maximum number of data disks allowed to be attached to a VM of this size is ${a.size.maxDataDiskCount}.`,
      "dataDisks",
    );
  }
  return out;
}

/** storageProfile.imageReference as Azure shows it: the catalogue image with its exactVersion, or the source's own. */
function imageReferenceOf(a: StorageArgs): JsonBody | undefined {
  if (a.existing) return a.existing.imageReference as JsonBody | undefined;
  if (!("publisher" in a.image)) return a.image.reference;
  const ref = (a.requested.imageReference ?? {}) as JsonBody;
  return {
    publisher: a.image.publisher,
    offer: a.image.offer,
    sku: a.image.sku,
    version: ref.version ?? "latest",
    exactVersion: a.version,
  };
}

export function buildStorageProfile(a: StorageArgs): JsonBody {
  const imageReference = imageReferenceOf(a);
  const os = osDisk(a);
  return {
    ...(imageReference ? { imageReference } : {}),
    osDisk: os,
    dataDisks: dataDisks(a),
    diskControllerType: "SCSI",
  };
}
