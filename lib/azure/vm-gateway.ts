import { restorePoller, type VirtualMachine } from "@azure/arm-compute";
import { lastSegment, resourceGroupOf } from "./arm-json";
import { armClientsFor } from "./clients";
import { armCall } from "./errors";
import { defineLro, startLro, type LroProgress } from "./lro";
import { mapNic } from "./network-mappers";
import { orNull } from "./not-found";
import { mapVmSize, type VmSize } from "./subscription-mappers";
import type { AzureAccess } from "./types";
import { mapVm, mapVmStatus, toArmVm, type VmInfo, type VmSpec, type VmStatus } from "./vm-mappers";

/** What a VM continuation carries: names only. */
export type VmRef = { resourceGroup: string; name: string };

/**
 * The body (with the admin password) is `input`: it goes out in the PUT and nowhere else. Restoring needs only the
 * poller state, which names the status URL and the VM URL for the final GET.
 */
const createVmLro = defineLro<VmRef, VmInfo, VirtualMachine>({
  kind: "vm.create",
  start: ({ compute }, ref, body) => compute.virtualMachines.createOrUpdate(ref.resourceGroup, ref.name, body),
  restore: ({ compute }, _ref, state) => restorePoller(compute, state, compute.virtualMachines.createOrUpdate),
  map: mapVm,
  typicalSeconds: 60,
  // The portal records the VM's id (its NIC and disks are known already); a GET would add nothing, not even the power
  // state (that needs the instance view). Azure never returns the admin password, so the answer is safe to keep.
  fromPutAnswer: (raw) => {
    const vm = mapVm(raw);
    return vm.id ? vm : undefined;
  },
});

/** Starts the create; store the continuation (names only) and finish with pollLro. */
export function createVm(access: AzureAccess, spec: VmSpec): Promise<LroProgress<VmInfo>> {
  return startLro(
    access,
    createVmLro,
    { resourceGroup: spec.resourceGroup, name: spec.name },
    toArmVm(spec) as VirtualMachine,
  );
}

/** The VM with its instance view (power state) and the private IPs of its NICs, or null when it does not exist. */
export async function getVm(access: AzureAccess, resourceGroup: string, name: string): Promise<VmInfo | null> {
  const { compute, network } = armClientsFor(access);
  const vm = await orNull(async () =>
    mapVm(await compute.virtualMachines.get(resourceGroup, name, { expand: "instanceView" })),
  );
  if (!vm) return null;
  const nics = await Promise.all(
    vm.nicIds.map((id) =>
      orNull(async () => mapNic(await network.networkInterfaces.get(resourceGroupOf(id), lastSegment(id)))),
    ),
  );
  const privateIps = nics.flatMap((n) => (n?.privateIp ? [n.privateIp] : []));
  return { ...vm, privateIps };
}

/** The VM as Azure has it (no instance view, no NIC reads: one GET), or null when it does not exist. */
export function findVm(access: AzureAccess, resourceGroup: string, name: string): Promise<VmInfo | null> {
  const { compute } = armClientsFor(access);
  return orNull(async () => mapVm(await compute.virtualMachines.get(resourceGroup, name)));
}

/**
 * Power and provisioning state of every VM in the subscription, page by page (statusOnly: no models, one High Cost Get
 * per page). This is the sync's only read, so it must never become a GET per VM.
 */
export function listVmStatuses(access: AzureAccess): Promise<VmStatus[]> {
  const { compute } = armClientsFor(access);
  return armCall(async () => {
    const out: VmStatus[] = [];
    for await (const vm of compute.virtualMachines.listAll({ statusOnly: "true" })) out.push(mapVmStatus(vm));
    return out;
  });
}

/** Sizes the VM can move to as it runs now; any other size needs deallocating first (see needsDeallocation). */
export function listAvailableResizeSizes(access: AzureAccess, resourceGroup: string, name: string): Promise<VmSize[]> {
  const { compute } = armClientsFor(access);
  return armCall(async () => {
    const out: VmSize[] = [];
    for await (const s of compute.virtualMachines.listAvailableSizes(resourceGroup, name)) out.push(mapVmSize(s));
    return out;
  });
}
