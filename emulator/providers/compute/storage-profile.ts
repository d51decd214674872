import { randomBytes } from "node:crypto";
import { ArmError } from "../../core/errors.js";
import type { Store } from "../../core/store.js";
import type { JsonBody } from "../../core/plugin.js";
import { DISK_TYPE } from "./constants.js";
import { diskManagedBy, STORAGE_ACCOUNT_TYPES } from "./disk-model.js";
import { invalidParameter, missingParameter, operationNotAllowed } from "./errors.js";
import type { PlatformImage } from "./images.js";
import type { VmSize } from "./sizes.js";

/** Builds the stored storageProfile (disk names and ids filled in) from a create or update request, validating disks. */
export interface StorageArgs {
  store: Store;
  vmId: string;
  vmName: string;
  groupId: string;
  location: string;
  size: VmSize;
  image: PlatformImage;
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

function osDisk(a: StorageArgs): JsonBody {
  if (a.existing?.osDisk)
    return { ...a.existing.osDisk, deleteOption: a.requested.osDisk?.deleteOption ?? a.existing.osDisk.deleteOption };
  const req = (a.requested.osDisk ?? {}) as JsonBody;
  const name = typeof req.name === "string" && req.name ? req.name : `${a.vmName}_OsDisk_1_${hex()}`;
  const sizeGB = req.diskSizeGB ?? a.image.osDiskSizeGB;
  if (typeof sizeGB !== "number" || sizeGB < a.image.osDiskSizeGB || sizeGB > 4095) {
    throw invalidParameter(
      "osDisk.diskSizeGB",
      `The specified disk size ${String(sizeGB)} GB is smaller than the size of the corresponding disk in the VM image: ${a.image.osDiskSizeGB} GB, or larger than 4095 GB. This is not allowed. Please choose equal or greater size or do not specify an explicit size.`,
    );
  }
  return {
    osType: a.image.osType,
    name,
    createOption: "FromImage",
    caching: req.caching ?? "ReadWrite",
    managedDisk: {
      storageAccountType: accountType(req.managedDisk?.storageAccountType, a.size, name, "osDisk"),
      id: diskId(a.groupId, name),
    },
    deleteOption: req.deleteOption === "Delete" ? "Delete" : "Detach",
    diskSizeGB: sizeGB,
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
    const sat = accountType(req.managedDisk?.storageAccountType, a.size, name, "dataDisk");
    return {
      lun,
      name,
      createOption: "Empty",
      caching: req.caching ?? "None",
      managedDisk: { storageAccountType: sat, id: diskId(a.groupId, name) },
      deleteOption,
      diskSizeGB: size,
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
    return {
      lun,
      name: disk.body.name,
      createOption: "Attach",
      caching: req.caching ?? "None",
      managedDisk: { storageAccountType: sku, id: disk.id },
      deleteOption,
      diskSizeGB: (disk.body.properties as JsonBody).diskSizeGB,
      toBeDetached: false,
    };
  }
  throw invalidParameter(
    "dataDisk.createOption",
    `The value '${option}' of parameter 'dataDisk.createOption' is invalid. Use 'Empty' or 'Attach'.`,
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
  if (out.length > a.size.maxDataDiskCount) {
    throw operationNotAllowed(
      `The maximum number of data disks allowed to be attached to a VM of this size is ${a.size.maxDataDiskCount}.`,
      "dataDisks",
    );
  }
  return out;
}

export function buildStorageProfile(a: StorageArgs): JsonBody {
  const version = a.version;
  const ref = (a.existing?.imageReference ?? a.requested.imageReference) as JsonBody;
  return {
    imageReference: {
      publisher: a.image.publisher,
      offer: a.image.offer,
      sku: a.image.sku,
      version: ref.version ?? "latest",
      exactVersion: version,
    },
    osDisk: osDisk(a),
    dataDisks: dataDisks(a),
    diskControllerType: "SCSI",
  };
}
