import type { Clock } from "../../core/clock.js";
import type { Store } from "../../core/store.js";
import { newGuid } from "../../core/ids.js";

/**
 * The Azure side of a failover: ASR creates the VM (and its NIC) in the tenant's target resource group and
 * network, in the vault's region. Shapes follow the Compute RP's stored VM (`internal` = compute/vm-state.ts
 * VmInternal) and the Network RP's NIC, so both RPs show and manage them like any other.
 */
export interface AzureVmSpec {
  resourceGroupId: string;
  name: string;
  location: string;
  vmSize: string;
  osType: "Windows" | "Linux";
  osName: string;
  generation: string;
  networkId?: string;
  subnetName?: string;
  tags?: Record<string, string>;
}

export function subnetIdIn(store: Store, networkId: string, wanted?: string): string | undefined {
  const vnet = store.getResource(networkId);
  const subnets = (vnet?.body.properties as { subnets?: { name: string; id?: string }[] } | undefined)?.subnets ?? [];
  const subnet = subnets.find((s) => s.name.toLowerCase() === (wanted ?? "").toLowerCase()) ?? subnets[0];
  return subnet ? (subnet.id ?? `${vnet!.id}/subnets/${subnet.name}`) : undefined;
}

export function createAzureVm(store: Store, clock: Clock, spec: AzureVmSpec): { vmId: string; nicId?: string } {
  const vmId = `${spec.resourceGroupId}/providers/Microsoft.Compute/virtualMachines/${spec.name}`;
  const subnetId = spec.networkId ? subnetIdIn(store, spec.networkId, spec.subnetName) : undefined;
  let nicId: string | undefined;
  if (subnetId) {
    nicId = `${spec.resourceGroupId}/providers/Microsoft.Network/networkInterfaces/${spec.name}-nic`;
    store.putResource(nicId, {
      name: `${spec.name}-nic`,
      type: "Microsoft.Network/networkInterfaces",
      location: spec.location,
      tags: spec.tags ?? {},
      etag: `W/"${newGuid()}"`,
      properties: {
        provisioningState: "Succeeded",
        resourceGuid: newGuid(),
        enableAcceleratedNetworking: false,
        enableIPForwarding: false,
        primary: true,
        virtualMachine: { id: vmId },
        ipConfigurations: [
          {
            name: "ipconfig1",
            id: `${nicId}/ipConfigurations/ipconfig1`,
            properties: {
              provisioningState: "Succeeded",
              privateIPAllocationMethod: "Dynamic",
              primary: true,
              privateIPAddressVersion: "IPv4",
              subnet: { id: subnetId },
            },
          },
        ],
      },
    });
  }
  const now = clock.iso();
  store.putResource(
    vmId,
    {
      name: spec.name,
      type: "Microsoft.Compute/virtualMachines",
      location: spec.location,
      tags: spec.tags ?? {},
      properties: {
        vmId: newGuid(),
        provisioningState: "Succeeded",
        timeCreated: now,
        hardwareProfile: { vmSize: spec.vmSize },
        storageProfile: {
          osDisk: {
            osType: spec.osType,
            name: `${spec.name}-osdisk`,
            createOption: "Attach",
            caching: "ReadWrite",
            managedDisk: { storageAccountType: "Standard_LRS" },
            deleteOption: "Detach",
          },
          dataDisks: [],
        },
        networkProfile: {
          networkInterfaces: nicId ? [{ id: nicId, properties: { primary: true, deleteOption: "Detach" } }] : [],
        },
        diagnosticsProfile: { bootDiagnostics: { enabled: false } },
      },
    },
    {
      powerState: "running",
      osType: spec.osType,
      osName: spec.osName,
      hyperVGeneration: spec.generation === "1" ? "V1" : "V2",
      changedAt: now,
    },
  );
  return { vmId, nicId };
}

export function deleteAzureVm(store: Store, vm: { vmId: string; nicId?: string }): void {
  store.deleteTree(vm.vmId);
  if (vm.nicId) store.deleteTree(vm.nicId);
}

export function setPower(store: Store, clock: Clock, vmId: string, powerState: "running" | "deallocated"): void {
  const r = store.getResource(vmId);
  if (!r) return;
  r.internal = { ...r.internal, powerState, changedAt: clock.iso() };
  store.markDirty();
}

/** A size close to the source VM's cores, as the portal's compute settings default to. */
export function defaultVmSize(cpuCount: number): string {
  if (cpuCount <= 1) return "Standard_A1_v2";
  if (cpuCount <= 2) return "Standard_D2s_v3";
  if (cpuCount <= 4) return "Standard_D4s_v3";
  return "Standard_D8s_v3";
}
