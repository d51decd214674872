import { ArmError } from "../../core/errors.js";
import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import { findReferenced } from "../referenced.js";
import { operationNotAllowed, propertyChangeNotAllowed } from "./errors.js";
import {
  capacityReservation,
  idOf,
  type Json,
  same,
  scaleSetNotFound,
  scaleSetPlacement,
  VMSS_TYPE,
} from "./placement.js";
import type { VmSize } from "./sizes.js";

/** Placement rules for an existing VM (vm-update.ts): its scale set changed, its size changed within a reservation. */

/**
 * An update naming `virtualMachineScaleSet` (PUT on an existing VM, or PATCH), as Learn documents it in
 * virtual-machine-scale-sets-attach-detach-vm: an existing VM is attached by setting the id, detached by setting it to
 * null, and moved only by detaching first — "PropertyChangeNotAllowed Changing property virtualMachineScaleSet.id is not
 * allowed" (the page's troubleshooting tables; the emulator words it as Compute's other PropertyChangeNotAllowed, with
 * the property quoted). ComputeRP.json's description still says "An existing VM cannot be added"; Learn's page documents attaching.
 * Returns the VM's scale set properties after the update, or undefined when the update leaves them as they are.
 */
export function scaleSetAfterUpdate(store: Store, vm: StoredResource, sent: Json): Json | undefined {
  if (!("virtualMachineScaleSet" in sent)) return undefined;
  const current = idOf((vm.body.properties as Json).virtualMachineScaleSet) as string | undefined;
  const next = sent.virtualMachineScaleSet === null ? null : idOf(sent.virtualMachineScaleSet);
  // The page: detach with null; "" and "null" are not a detach, so they are a change like any other id.
  if (next === null || next === undefined) return current ? detachFromScaleSet(store, current) : undefined;
  if (current) {
    if (same(current, next)) return undefined;
    throw propertyChangeNotAllowed("virtualMachineScaleSet.id");
  }
  return attachToScaleSet(store, vm, next, sent.platformFaultDomain);
}

/** The page's codes for an existing VM it will not attach (status unconfirmed; Compute answers input errors with 400). */
const attachRefused = (code: string, message: string) =>
  new ArmError(400, code, `${message} For more information, see https://aka.ms/vmo/attachdetach.`, undefined, {
    target: "virtualMachineScaleSet.id",
  });

/**
 * "Limitations for attaching an existing VM to a scale set": besides what a new VM needs (scaleSetPlacement), the set
 * has platformFaultDomainCount 1 and the VM has managed disks, each refused with the page's message and code. The page's
 * other limits (no availability set, proximity placement group or dedicated host) are not checked: the emulator keeps
 * none of them on a VM.
 */
function attachToScaleSet(store: Store, vm: StoredResource, id: unknown, faultDomain: unknown): Json {
  const p = vm.body.properties as Json;
  const name = String(vm.body.name);
  if (((p.storageProfile as Json | undefined)?.osDisk as Json | undefined)?.vhd)
    throw attachRefused(
      "VmssDoesNotSupportAttachingExistingVMUnmanagedDisk",
      `Using a Virtual Machine '${name}' with unmanaged disks and attaching it to a Virtual Machine Scale Set is not supported.`,
    );
  const placed = scaleSetPlacement({
    store,
    vmId: vm.id,
    location: String(vm.body.location),
    zones: vm.body.zones,
    props: { virtualMachineScaleSet: { id }, platformFaultDomain: faultDomain },
  });
  const vmss = findReferenced(store, idOf(placed.virtualMachineScaleSet), VMSS_TYPE)!;
  if (Number((vmss.body.properties as Json).platformFaultDomainCount ?? 1) > 1)
    throw attachRefused(
      "VmssDoesNotSupportAttachingExistingVMMultiFD",
      `Referenced Virtual Machine Scale Set '${String(vmss.body.name)}' does not support attaching an existing Virtual Machine to it because the Virtual Machine Scale Set has more than 1 fault domains.`,
    );
  return placed;
}

/**
 * "Limitations for detaching a VM from a scale set": the set is Flexible (it was, to take the VM) and has
 * platformFaultDomainCount 1. The page gives the message for more fault domains, no code (OperationNotAllowed and 409
 * unconfirmed). Detached, the VM has no scale set and no platformFaultDomain (ComputeRP.json: only with a set).
 */
function detachFromScaleSet(store: Store, id: string): Json {
  const vmss = findReferenced(store, id, VMSS_TYPE);
  if (!vmss) throw scaleSetNotFound(id);
  if (Number((vmss.body.properties as Json).platformFaultDomainCount ?? 1) > 1)
    throw operationNotAllowed(
      `Virtual Machine Scale Set '${String(vmss.body.name)}' does not support detaching an existing Virtual Machine from it because the Virtual Machine Scale Set has more than 1 fault domains. For more information, see https://aka.ms/vmo/attachdetach.`,
      "virtualMachineScaleSet.id",
    );
  return {};
}

/**
 * A resize of a VM associated with a capacity reservation group: Learn, capacity-reservation-modify ("Resize VMs
 * associated with a Capacity Reservation group") — when the group "doesn't have a reservation for the target size", the
 * user must create one or remove the VM from the group first; the target size is checked as at create (the same
 * refusal; code and wording unconfirmed, the page gives none). Returns whether the new size takes a reserved slot (its
 * quota check is then omitted, as at create).
 */
export function reservedAfterResize(store: Store, vm: StoredResource, size: VmSize): boolean {
  const props = (vm.body.properties ?? {}) as Json;
  const location = String(vm.body.location);
  return capacityReservation({ store, vmId: vm.id, location, size, zones: vm.body.zones, props })?.isReserved ?? false;
}
