import { PREREQUISITE_IMAGE, type ConformanceArea } from "./area.js";
import type { Prerequisites } from "../prerequisites.js";
import type { Example } from "../replay.js";
import { PROVIDER_APP_ID } from "../../../seed.js";

/**
 * Compute: what a VM is created from and encrypted with — custom images, gallery and community gallery images,
 * snapshots, disk restore points, managed disks to copy or attach, disk encryption sets and the storage accounts of
 * unmanaged disks. Types the emulator does not serve are registered through `resources/referenced` with the properties
 * their owner gives them (ComputeRP/DiskRP REST models); served ones (disks, storage accounts) are made through ARM.
 */
const COMPUTE_API = "2026-04-01";
const ID =
  /^(\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+))\/providers\/Microsoft\.Compute\/(images|diskEncryptionSets|snapshots|restorePointCollections|disks)\/([^/]+)/i;

const register = (pre: Prerequisites, body: Record<string, unknown>) =>
  pre.emu.control.call("POST", "resources/referenced", { location: pre.location, ...body });

const exampleText = (pre: Prerequisites) => JSON.stringify(pre.example ?? {});

/** The example's disk entries (OS disk first) that name this id, as managedDisk.id, sourceResource or encryption set. */
function disksNaming(pre: Prerequisites, id: string): Record<string, unknown>[] {
  const sp = ((pre.example as { properties?: { storageProfile?: Record<string, unknown> } } | undefined)?.properties
    ?.storageProfile ?? {}) as { osDisk?: Record<string, unknown>; dataDisks?: Record<string, unknown>[] };
  return [sp.osDisk, ...(sp.dataDisks ?? [])].filter(
    (d): d is Record<string, unknown> => !!d && JSON.stringify(d).toLowerCase().includes(id.toLowerCase()),
  );
}

async function deleteThroughArm(pre: Prerequisites, id: string): Promise<void> {
  const url = `${id}?api-version=${COMPUTE_API}`;
  const res = await pre.emu.arm(PROVIDER_APP_ID, "DELETE", url);
  if (res.status >= 300) throw new Error(`prerequisite delete ${id}: ${res.status}`);
  for (let i = 0; i < 300; i++) {
    if ((await pre.emu.arm(PROVIDER_APP_ID, "GET", url)).status === 404) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`prerequisite delete ${id} did not finish`);
}

/**
 * A managed disk a VM create copies or attaches: the emulator makes disks as Azure makes most, as a VM's OS disk —
 * a VM of its own with its own NIC (the example's NIC is for the VM it creates). A disk the example attaches must be
 * unattached, so that VM is then deleted with its OS disk kept (deleteOption Detach, the default), as its owner frees
 * a disk to attach it elsewhere.
 */
async function managedDisk(pre: Prerequisites, group: string, name: string, id: string): Promise<void> {
  const vm = `${group}/providers/Microsoft.Compute/virtualMachines/${name.slice(0, 50)}-vm`;
  const nic = `${group}/providers/Microsoft.Network/networkInterfaces/${name.slice(0, 50)}-vm-nic`;
  await pre.ensure(nic);
  await pre.put(vm, COMPUTE_API, {
    location: pre.location,
    properties: {
      hardwareProfile: { vmSize: "Standard_D2s_v5" },
      storageProfile: {
        imageReference: PREREQUISITE_IMAGE,
        osDisk: { createOption: "FromImage", name },
      },
      osProfile: { computerName: "diskowner", adminUsername: "azureuser", adminPassword: "Str0ng!Passw0rd#2024" },
      networkProfile: { networkInterfaces: [{ id: nic }] },
    },
  });
  if (disksNaming(pre, id).some((d) => String(d.createOption).toLowerCase() === "attach"))
    await deleteThroughArm(pre, vm);
}

async function ensureSource(pre: Prerequisites, id: string): Promise<boolean> {
  const m = ID.exec(id);
  if (!m || !exampleText(pre).toLowerCase().includes(id.toLowerCase())) return false;
  const [, group, sub, rg, type, name] = m;
  await pre.group(sub, rg);
  switch (type.toLowerCase()) {
    // A generalized Linux image of 30 GB, Gen1: what Azure's own answer to the custom-image examples shows for the
    // VM made from it (osDisk osType Linux, diskSizeGB 30; ComputeRP ImageOSDisk, Image.hyperVGeneration).
    case "images":
      await register(pre, {
        id,
        properties: {
          storageProfile: {
            osDisk: { osType: "Linux", osState: "Generalized", diskSizeGB: 30, storageAccountType: "Standard_LRS" },
            dataDisks: [],
          },
          hyperVGeneration: "V1",
        },
      });
      return true;
    // A disk encryption set with its key vault key (DiskRP DiskEncryptionSet: encryptionType, activeKey); for a
    // confidential OS disk's securityProfile the type confidential VMs need.
    case "diskencryptionsets": {
      const confidential = /"securityProfile":\{[^}]*"diskEncryptionSet":\{"id":"[^"]*diskEncryptionSets\//i.test(
        exampleText(pre),
      );
      const vault = `${group}/providers/Microsoft.KeyVault/vaults/${name.slice(0, 16)}-kv`;
      await register(pre, {
        id,
        properties: {
          encryptionType: confidential ? "ConfidentialVmEncryptedWithCustomerKey" : "EncryptionAtRestWithCustomerKey",
          activeKey: { sourceVault: { id: vault }, keyUrl: `https://${name.slice(0, 16)}-kv.vault.azure.net/keys/cmk` },
        },
      });
      return true;
    }
    // A full snapshot of a 128 GB managed data disk (DiskRP Snapshot: sku, diskSizeGB, incremental).
    case "snapshots":
      await register(pre, {
        id,
        sku: { name: "Standard_LRS" },
        properties: { diskSizeGB: 128, incremental: false },
      });
      return true;
    // Made with the disk restore point in prepare(): the replay's id scan stops at the restore point.
    case "restorepointcollections":
      return true;
    case "disks":
      await managedDisk(pre, group, name, id);
      return true;
  }
  return false;
}

const DISK_RESTORE_POINT =
  /(\/subscriptions\/[^/"]+\/resourceGroups\/[^/"]+\/providers\/Microsoft\.Compute\/restorePointCollections\/[^/"]+)\/restorePoints\/([^/"]+)\/diskRestorePoints\/([^/"]+)/gi;

/**
 * A restore point collection made for a VM, one restore point and its disk restore point (ComputeRP
 * RestorePointCollection.source, RestorePoint.consistencyMode, DiskRestorePoint.sourceResourceId).
 */
async function restorePoints(pre: Prerequisites, text: string): Promise<void> {
  for (const [, collection, point, disk] of text.matchAll(DISK_RESTORE_POINT)) {
    const group = collection.split("/providers/")[0];
    await register(pre, {
      id: collection,
      properties: { source: { id: `${group}/providers/Microsoft.Compute/virtualMachines/${point}-source-vm` } },
    });
    await register(pre, {
      id: `${collection}/restorePoints/${point}`,
      properties: { consistencyMode: "CrashConsistent" },
    });
    await register(pre, {
      id: `${collection}/restorePoints/${point}/diskRestorePoints/${disk}`,
      properties: { sourceResourceId: `${group}/providers/Microsoft.Compute/disks/${disk}` },
    });
  }
}

const BLOB_HOST = /^(https?:\/\/)([^./]+)(\.blob\.core\.windows\.net\/.*)$/i;

/**
 * Unmanaged disks name their storage account in the blob URI. A user fills the example's `{existing-storage-account-
 * name}` with their account's name, which Storage allows only as 3-24 lowercase letters and digits; the replay's
 * generic fill (the placeholder's own words, hyphens kept) is not one, so the account name is those words without
 * hyphens. The account is then made through ARM in the VM's region, as its owner made it.
 */
async function storageAccounts(pre: Prerequisites, example: Example, body: unknown, scope: [string, string]) {
  const names = new Set<string>();
  const visit = (value: unknown, key: string, holder: Record<string, unknown> | unknown[]) => {
    if (typeof value === "string" && key === "uri") {
      const m = BLOB_HOST.exec(value);
      if (!m) return;
      const wasPlaceholder = JSON.stringify(example.parameters).includes(`{${m[2]}}`);
      const account = wasPlaceholder
        ? m[2]
            .toLowerCase()
            .replace(/[^a-z0-9]/g, "")
            .slice(0, 24)
        : m[2];
      (holder as Record<string, unknown>)[key] = `${m[1]}${account}${m[3]}`;
      names.add(account);
    } else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) visit(v, k, value as Record<string, unknown>);
  };
  visit(body, "", []);
  for (const name of names)
    await pre.ensure(
      `/subscriptions/${scope[0]}/resourceGroups/${scope[1]}/providers/Microsoft.Storage/storageAccounts/${name}`,
    );
}

/**
 * No community gallery is registered for Azure's community-image example: it names version
 * `communityGalleryImageVersionName`, which no gallery can hold (Learn, "Troubleshoot shared image galleries": an
 * image version is MajorVersion.MinorVersion.Patch, numbers and periods only), so on Azure too it finds no image.
 */
export const computeSources: ConformanceArea = {
  unmodelled: [],
  ensure: ensureSource,
  async prepare(pre, example, request) {
    if (!/\/providers\/Microsoft\.Compute\/virtualMachines\//i.test(request.path)) return;
    const text = JSON.stringify(request.body ?? {});
    await restorePoints(pre, text);
    const [, subscriptionId, group] = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i.exec(request.path) ?? [];
    if (subscriptionId && group) await storageAccounts(pre, example, request.body, [subscriptionId, group]);
  },
};
