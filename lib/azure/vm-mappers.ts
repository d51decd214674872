import { compact, flat, idOf, items, lastSegment, num, obj, resourceGroupOf, str } from "./arm-json";
import { ArmError } from "./errors";

/**
 * A NIC (and public IP) created by the VM PUT itself (issue 18): named here, in the VM's resource group, deleted with
 * the VM (deleteOption Delete). Its one IP configuration is `ipconfig1`, as on a NIC the portal creates apart, so
 * its id (what a load balancer's backend pool lists) is known before Azure answers.
 */
export type ManagedNicSpec = {
  name: string;
  subnetId: string;
  /** A Standard, Static public IP of this name on the IP configuration. */
  publicIpName?: string;
  /** Tags of the NIC and public IP (Compute carries them to the Network RP; disks get none this way). */
  tags?: Record<string, string>;
};

/** The name of the one IP configuration on every NIC the portal creates, apart or with the VM. */
export const NIC_IP_CONFIGURATION = "ipconfig1";
/** The Network API version Compute uses to create a VM's managed NICs (Compute accepts 2020-11-01 and 2022-11-01). */
const NETWORK_API_VERSION = "2022-11-01";

export type VmSpec = {
  resourceGroup: string;
  name: string;
  location: string;
  size: string;
  image: { publisher: string; offer: string; sku: string; version: string };
  computerName: string;
  adminUsername: string;
  /** Sent to Azure once, in the create request; never returned, logged or stored in a continuation. */
  adminPassword?: string;
  sshPublicKey?: string;
  osType: "Windows" | "Linux";
  /** The VM's NIC: one created apart (its id), or one the VM PUT creates (`managedNic`). One of the two. */
  nicId?: string;
  managedNic?: ManagedNicSpec;
  dataDisks: { lun: number; sizeGb: number }[];
  tags: Record<string, string>;
};

/** Instance-view power state without the `PowerState/` prefix; "unknown" when Azure sent no instance view. */
export type VmPowerState = "starting" | "running" | "stopping" | "stopped" | "deallocating" | "deallocated" | "unknown";
/** `storageAccountType` is the disk's SKU (Premium_LRS, StandardSSD_LRS …) when Azure's answer names it. */
export type VmDataDisk = { lun: number; name: string; sizeGb: number; storageAccountType?: string };
export type VmInfo = {
  id: string;
  name: string;
  location: string;
  size: string;
  provisioningState: string;
  powerState: VmPowerState;
  osType?: "Windows" | "Linux";
  /** Filled by getVm from the VM's NICs (primary ipConfiguration of each). */
  privateIps?: string[];
  nicIds: string[];
  osDiskId?: string;
  /** Size and SKU of the OS disk when Azure's answer carries them (metering, lib/usage). */
  osDisk?: { sizeGb?: number; storageAccountType?: string };
  dataDisks: VmDataDisk[];
};
export type VmStatus = {
  id: string;
  name: string;
  resourceGroup: string;
  provisioningState: string;
  powerState: VmPowerState;
};

/**
 * The SDK model for a new VM. Every disk, the NIC and its public IP carry deleteOption Delete, so deleting the VM
 * leaves nothing behind. A Linux VM without a password gets password sign-in disabled.
 */
export function toArmVm(spec: VmSpec) {
  const linux = spec.osType === "Linux";
  const keys = spec.sshPublicKey
    ? [{ path: `/home/${spec.adminUsername}/.ssh/authorized_keys`, keyData: spec.sshPublicKey }]
    : [];
  return {
    location: spec.location,
    tags: spec.tags,
    hardwareProfile: { vmSize: spec.size },
    storageProfile: {
      imageReference: { ...spec.image },
      osDisk: { createOption: "FromImage", deleteOption: "Delete" },
      dataDisks: spec.dataDisks.map((d) => ({
        lun: d.lun,
        createOption: "Empty",
        diskSizeGB: d.sizeGb,
        deleteOption: "Delete",
      })),
    },
    osProfile: {
      computerName: spec.computerName,
      adminUsername: spec.adminUsername,
      ...(spec.adminPassword ? { adminPassword: spec.adminPassword } : {}),
      ...(linux
        ? {
            linuxConfiguration: {
              disablePasswordAuthentication: !spec.adminPassword,
              ...(keys.length ? { ssh: { publicKeys: keys } } : {}),
            },
          }
        : {}),
    },
    networkProfile: networkProfileOf(spec),
  };
}

type ArmNetworkProfile = {
  networkInterfaces?: { id: string; primary: boolean; deleteOption: string }[];
  networkApiVersion?: string;
  networkInterfaceConfigurations?: Record<string, unknown>[];
};

function networkProfileOf(spec: VmSpec): ArmNetworkProfile {
  if (spec.managedNic && !spec.nicId) return managedNetworkProfile(spec.managedNic);
  if (spec.nicId && !spec.managedNic)
    return { networkInterfaces: [{ id: spec.nicId, primary: true, deleteOption: "Delete" }] };
  throw new Error("A VM spec names either its NIC (nicId) or the NIC its PUT creates (managedNic).");
}

function managedNetworkProfile(nic: ManagedNicSpec): ArmNetworkProfile {
  const tags = nic.tags ? { tags: nic.tags } : {};
  const publicIp = nic.publicIpName
    ? {
        publicIPAddressConfiguration: {
          name: nic.publicIpName,
          ...tags,
          sku: { name: "Standard", tier: "Regional" },
          publicIPAllocationMethod: "Static",
          publicIPAddressVersion: "IPv4",
          deleteOption: "Delete",
        },
      }
    : {};
  return {
    networkApiVersion: NETWORK_API_VERSION,
    networkInterfaceConfigurations: [
      {
        name: nic.name,
        ...tags,
        primary: true,
        deleteOption: "Delete",
        ipConfigurations: [{ name: NIC_IP_CONFIGURATION, primary: true, subnet: { id: nic.subnetId }, ...publicIp }],
      },
    ],
  };
}

const POWER = new Set(["starting", "running", "stopping", "stopped", "deallocating", "deallocated"]);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Power and provisioning state from instance-view statuses (`PowerState/running`, `ProvisioningState/failed/Code`). */
export function readStatuses(statuses: unknown): { powerState: VmPowerState; provisioningState?: string } {
  const codes = items(statuses).map((s) => str(s.code) ?? "");
  const power =
    codes
      .find((c) => c.startsWith("PowerState/"))
      ?.split("/")[1]
      ?.toLowerCase() ?? "unknown";
  const provisioning = codes.find((c) => c.startsWith("ProvisioningState/"))?.split("/")[1];
  return {
    powerState: (POWER.has(power) ? power : "unknown") as VmPowerState,
    provisioningState: provisioning ? capitalise(provisioning) : undefined,
  };
}

/** Accepts ARM JSON or the SDK model (see arm-json.ts). */
export function mapVm(raw: unknown): VmInfo {
  const vm = flat(raw);
  const storage = obj(vm.storageProfile);
  const osDisk = obj(storage.osDisk);
  const status = readStatuses(obj(vm.instanceView).statuses);
  const osType = str(osDisk.osType);
  return compact({
    id: str(vm.id) ?? "",
    name: str(vm.name) ?? "",
    location: str(vm.location) ?? "",
    size: str(obj(vm.hardwareProfile).vmSize) ?? "",
    provisioningState: str(vm.provisioningState) ?? status.provisioningState ?? "Unknown",
    powerState: status.powerState,
    osType: osType === "Windows" || osType === "Linux" ? osType : undefined,
    nicIds: items(obj(vm.networkProfile).networkInterfaces)
      .map((n) => str(n.id) ?? "")
      .filter(Boolean),
    osDiskId: idOf(osDisk.managedDisk),
    osDisk: compact({
      sizeGb: num(osDisk.diskSizeGB),
      storageAccountType: str(obj(osDisk.managedDisk).storageAccountType),
    }),
    dataDisks: items(storage.dataDisks).map((d) =>
      compact({
        lun: num(d.lun) ?? 0,
        name: str(d.name) ?? "",
        sizeGb: num(d.diskSizeGB) ?? 0,
        storageAccountType: str(obj(d.managedDisk).storageAccountType),
      }),
    ),
  });
}

/** One entry of `listAll(statusOnly=true)`: the instance view's statuses are all Azure sends. */
export function mapVmStatus(raw: unknown): VmStatus {
  const vm = flat(raw);
  const id = str(vm.id) ?? "";
  const status = readStatuses(obj(vm.instanceView).statuses);
  return {
    id,
    name: str(vm.name) ?? lastSegment(id),
    resourceGroup: resourceGroupOf(id),
    provisioningState: status.provisioningState ?? str(vm.provisioningState) ?? "Unknown",
    powerState: status.powerState,
  };
}

/**
 * Azure's 409 for a size outside the running VM's hardware cluster (resize-vm.md): deallocate, resize, start.
 * Quota refusals share the code OperationNotAllowed, so the message decides.
 */
export function needsDeallocation(err: unknown): boolean {
  return (
    err instanceof ArmError &&
    err.status === 409 &&
    err.code === "OperationNotAllowed" &&
    /not available in the current hardware cluster|must be deallocated/i.test(err.message)
  );
}

/**
 * Compute's 409 for a request on a VM while another operation on it runs (a create's PUT sent again by a run that did
 * not know the first had gone out): `Operation 'update' is not allowed on VM 'x' since another operation 'create' is
 * in progress.` Quota refusals share the code OperationNotAllowed, so the message decides.
 */
export function isOperationInProgress(err: unknown): boolean {
  return (
    err instanceof ArmError &&
    err.status === 409 &&
    (err.code === "OperationNotAllowed" || err.code === "Conflict") &&
    /another operation .* is in progress/i.test(err.message)
  );
}
