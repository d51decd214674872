import type { Clock } from "../../core/clock.js";
import type { Store } from "../../core/store.js";
import { stableGuid, stableHex, T } from "./common.js";

/** What a VMM server reports when it registers: its clouds, their Hyper-V VMs, and its VM networks. */
export interface VmmSpec {
  serverName: string;
  /** The fabric's ARM name; by default a hash of the vault and server, as Azure names VMM fabrics. */
  fabricName?: string;
  /** `containerName`: the cloud's ARM name; by default `cloud_` and a GUID of the fabric and cloud. */
  clouds: { name: string; containerName?: string; vms: VmSpec[] }[];
  networks: { name: string; subnets?: string[] }[];
}
export interface VmSpec {
  name: string;
  /**
   * The VM's id in VMM, which VMM assigns; Site Recovery names the protectable item (and the portal the protected item)
   * after it (SPECS ASR examples/ReplicationProtectedItems_Get.json: protectableItemId ends with the item's name). By
   * default a GUID of the cloud and the VM's name.
   */
  id?: string;
  osType?: "Windows" | "Linux";
  osName?: string;
  generation?: "1" | "2";
  cpuCount?: number;
  memoryMB?: number;
  /** Disk sizes in GB; the first is the OS disk. */
  disksGB?: number[];
}

const PROVIDER_VERSION = "5.1.8800.0";
const VMM_VERSION = "10.22.1287.0";

export const fabricNameFor = (vaultId: string, server: string) => stableHex(vaultId, server);

/** Writes (or refreshes) the fabric, DRA provider, clouds, VMs and networks of a VMM server under a vault. Idempotent. */
export function registerVmm(store: Store, clock: Clock, vaultId: string, spec: VmmSpec): string {
  const location = String(store.getResource(vaultId)?.body.location ?? "westus");
  const fabricName = spec.fabricName ?? fabricNameFor(vaultId, spec.serverName);
  const fabricId = `${vaultId}/replicationFabrics/${fabricName}`;
  const put = (id: string, type: string, properties: Record<string, unknown>) => {
    if (store.getResource(id)) return;
    store.putResource(id, { name: id.split("/").pop(), type, location, properties });
  };
  put(fabricId, T.fabric, {
    friendlyName: spec.serverName,
    encryptionDetails: { kekState: "None" },
    rolloverEncryptionDetails: { kekState: "None" },
    internalIdentifier: stableGuid(fabricId, "internal"),
    bcdrState: "Valid",
    customDetails: { instanceType: "VMM" },
    healthErrorDetails: [],
    health: "Normal",
  });
  const providerName = stableGuid(fabricId, "dra");
  put(`${fabricId}/replicationRecoveryServicesProviders/${providerName}`, T.provider, {
    fabricType: "VMM",
    friendlyName: spec.serverName,
    providerVersion: PROVIDER_VERSION,
    serverVersion: VMM_VERSION,
    providerVersionState: "Latest",
    providerVersionDetails: { version: PROVIDER_VERSION, status: "Supported" },
    fabricFriendlyName: spec.serverName,
    connectionStatus: "Connected",
    allowedScenarios: ["Refresh"],
    healthErrorDetails: [],
    draIdentifier: stableGuid(fabricId, "dra-id"),
    machineName: spec.serverName,
    registeredAtMs: clock.now(),
  });
  for (const cloud of spec.clouds) {
    const containerName = cloud.containerName ?? `cloud_${stableGuid(fabricId, cloud.name)}`;
    const containerId = `${fabricId}/replicationProtectionContainers/${containerName}`;
    put(containerId, T.container, {
      friendlyName: cloud.name,
      fabricFriendlyName: spec.serverName,
      fabricType: "VMM",
      role: "Primary",
      fabricSpecificDetails: { instanceType: "VMM" },
    });
    for (const vm of cloud.vms) putVm(store, containerId, location, vm);
  }
  for (const net of spec.networks) {
    const netId = `${fabricId}/replicationNetworks/${stableGuid(fabricId, "net", net.name)}`;
    put(netId, T.network, {
      fabricType: "VMM",
      friendlyName: net.name,
      networkType: "WindowsNetworkVirtualization",
      subnets: (net.subnets ?? [`${net.name}_Subnet`]).map((s) => ({ name: s, friendlyName: s, addressList: [] })),
    });
  }
  store.markDirty();
  return fabricId;
}

function putVm(store: Store, containerId: string, location: string, vm: VmSpec): void {
  const vmId = vm.id ?? stableGuid(containerId, vm.name);
  const id = `${containerId}/replicationProtectableItems/${vmId}`;
  if (store.getResource(id)) return;
  const linux = vm.osType === "Linux";
  const disks = (vm.disksGB ?? [127]).map((gb, i) => {
    const vhdName = i === 0 ? `${vm.name}_OS` : `${vm.name}_Data${i}`;
    return {
      maxSizeMB: gb * 1024,
      vhdType: i === 0 ? "OperatingSystem" : "DataDisk",
      vhdId: stableGuid(vmId, vhdName),
      vhdName,
    };
  });
  store.putResource(
    id,
    {
      name: vmId,
      type: T.protectable,
      location,
      properties: {
        friendlyName: vm.name,
        protectionReadinessErrors: [],
        supportedReplicationProviders: ["HyperVReplicaAzure", "HyperVReplica2012R2"],
        customDetails: {
          instanceType: "HyperVVirtualMachine",
          sourceItemId: vmId,
          generation: vm.generation ?? "2",
          osDetails: {
            osType: linux ? "Linux" : "Windows",
            productType: linux ? "Linux" : "Server",
            osEdition: vm.osName ?? (linux ? "Ubuntu 22.04 LTS" : "Windows Server 2022 Datacenter"),
            oSVersion: linux ? "5.15" : "10.0",
            oSMajorVersion: linux ? "5" : "10",
            oSMinorVersion: linux ? "15" : "0",
          },
          diskDetails: disks,
          hasPhysicalDisk: "No",
          hasFibreChannelAdapter: "No",
          hasSharedVhd: "No",
          hyperVHostId: stableGuid(containerId, "host"),
        },
      },
    },
    { cpuCount: vm.cpuCount ?? 2, memoryMB: vm.memoryMB ?? 4096 },
  );
}
