import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import { findReferenced } from "../referenced.js";
import { VM_TYPE } from "./constants.js";
import { invalidParameter, operationNotAllowed } from "./errors.js";
import type { VmSize } from "./sizes.js";

/**
 * Where a new VM is placed: the Flexible scale set it joins (with its fault domain) and the capacity reservation
 * group it draws on. Both are resources the emulator does not serve; their owners register them through
 * `POST /_emulator/resources/referenced` (providers/referenced.ts), and the VM create checks them as Azure does.
 */
export const VMSS_TYPE = "Microsoft.Compute/virtualMachineScaleSets";
const CRG_TYPE = "Microsoft.Compute/capacityReservationGroups";
const RESERVATION_TYPE = "Microsoft.Compute/capacityReservationGroups/capacityReservations";

export type Json = Record<string, unknown>;
export const idOf = (ref: unknown) => (ref as { id?: unknown } | undefined)?.id;
export const same = (a: unknown, b: unknown) => String(a).toLowerCase() === String(b).toLowerCase();
const groupOf = (id: string) => id.split("/providers/")[0].toLowerCase();

export interface PlacementInput {
  store: Store;
  vmId: string;
  location: string;
  size: VmSize;
  zones?: unknown;
  props: Json;
}

export interface Placement {
  /** What the VM reads back with (`virtualMachineScaleSet`, `platformFaultDomain`, `capacityReservation`). */
  properties: Json;
  /**
   * True when a reservation of the group still holds an unused slot for this VM: "As the reservation itself requires
   * quota, the quota checks are omitted for VM deployment up to the reserved quantity" (Learn, capacity-reservation-overview).
   */
  isReserved: boolean;
}

/** Learn's message for a scale set the VM names that does not exist (400 InvalidParameter; code unconfirmed). */
export const scaleSetNotFound = (id: unknown) =>
  invalidParameter(
    "virtualMachineScaleSet.id",
    `The Virtual Machine Scale Set '${String(id)}' referenced by the Virtual Machine does not exist.`,
  );

export function checkPlacement(input: PlacementInput): Placement {
  const properties: Json = { ...scaleSetPlacement(input) };
  const reservation = capacityReservation(input);
  if (reservation) properties.capacityReservation = reservation.profile;
  return { properties, isReserved: reservation?.isReserved ?? false };
}

/**
 * Learn, virtual-machine-scale-sets-attach-detach-vm ("Exceptions to attaching a new VM"): the scale set exists, is in
 * Flexible orchestration mode with singlePlacementGroup false, is in the VM's resource group, and a regional set takes
 * regional VMs, a zonal one VMs in one of its zones. The messages for a missing set, a Uniform set and a single placement
 * group are that page's; the codes and statuses for the missing set (400 InvalidParameter) and the others are unconfirmed.
 */
export function scaleSetPlacement({ store, vmId, location, zones, props }: Omit<PlacementInput, "size">): Json {
  const ref = props.virtualMachineScaleSet;
  const faultDomain = props.platformFaultDomain;
  if (ref === undefined || ref === null) {
    // ComputeRP.json, platformFaultDomain: "applicable only if the 'virtualMachineScaleSet' property … is set".
    if (faultDomain !== undefined && faultDomain !== null)
      throw invalidParameter(
        "platformFaultDomain",
        "Parameter 'platformFaultDomain' can only be set when the Virtual Machine is placed in a Virtual Machine Scale Set.",
      );
    return {};
  }
  // ComputeRP.json, virtualMachineScaleSet: "cannot exist along with a non-null properties.availabilitySet reference".
  if (idOf(props.availabilitySet))
    throw invalidParameter(
      "availabilitySet",
      "A Virtual Machine placed in a Virtual Machine Scale Set cannot also reference an Availability Set.",
    );
  const id = idOf(ref);
  const vmss = findReferenced(store, id, VMSS_TYPE);
  // Compute is regional: a set in another region is not found from this one (unconfirmed).
  if (!vmss || !same(vmss.body.location, location)) throw scaleSetNotFound(id);
  const p = (vmss.body.properties ?? {}) as Json;
  const name = String(vmss.body.name);
  if (!same(p.orchestrationMode, "Flexible"))
    throw operationNotAllowed(
      `This operation is not allowed because referenced Virtual Machine Scale Set '${vmss.id}' does not have orchestration mode set to 'Flexible'.`,
      "virtualMachineScaleSet.id",
    );
  if (p.singlePlacementGroup === true)
    throw invalidParameter(
      "virtualMachineScaleSet.id",
      `Virtual Machine Scale Set '${name}' does not support attaching an existing Virtual Machine to it because the Virtual Machine Scale Set has single placement group set to true or does not have single placement group explicitly set to false. Please see https://aka.ms/vmo/attachdetach for more information.`,
    );
  if (groupOf(vmss.id) !== groupOf(vmId))
    throw invalidParameter(
      "virtualMachineScaleSet.id",
      `The Virtual Machine and the Virtual Machine Scale Set '${name}' must be in the same resource group.`,
    );
  assertZoneFits(name, vmss.body.zones, zones);
  // ComputeRP.json, platformFaultDomain: the set "must have 'platformFaultDomainCount' greater than 1"; the domain is
  // one of the set's (0 to count − 1). Wording unconfirmed, after Azure's "The specified fault domain count 3 must fall
  // in the range 1 to 2." (InvalidParameter, quoted in public issues).
  if (faultDomain !== undefined && faultDomain !== null) {
    const count = Number(p.platformFaultDomainCount ?? 1);
    if (count <= 1)
      throw invalidParameter(
        "platformFaultDomain",
        `Parameter 'platformFaultDomain' is not allowed because Virtual Machine Scale Set '${name}' has platformFaultDomainCount ${count}; it must be greater than 1.`,
      );
    if (!Number.isInteger(faultDomain) || (faultDomain as number) < 0 || (faultDomain as number) >= count)
      throw invalidParameter(
        "platformFaultDomain",
        `The specified fault domain ${String(faultDomain)} must fall in the range 0 to ${count - 1}.`,
      );
  }
  return {
    virtualMachineScaleSet: { id: vmss.id },
    ...(faultDomain === undefined || faultDomain === null ? {} : { platformFaultDomain: faultDomain }),
  };
}

function assertZoneFits(name: string, setZones: unknown, vmZones: unknown): void {
  const set = Array.isArray(setZones) ? setZones.map(String) : [];
  const vm = Array.isArray(vmZones) ? vmZones.map(String) : [];
  if (!set.length && vm.length)
    throw invalidParameter(
      "zones",
      `A zonal Virtual Machine cannot be placed in the regional Virtual Machine Scale Set '${name}'.`,
    );
  if (set.length && (vm.length !== 1 || !set.includes(vm[0])))
    throw invalidParameter(
      "zones",
      `The Virtual Machine must be created in one of the zones of Virtual Machine Scale Set '${name}': ${set.join(", ")}.`,
    );
}

/**
 * Learn, capacity-reservation-overview ("Work with Capacity Reservation"): the group is in one region and holds at most
 * one reservation per VM size (per zone); "If the group doesn't have a reservation matching the size and location,
 * Azure returns an error message" (code and wording unconfirmed). A reservation does not cap the VMs: more than its
 * capacity may be associated (overallocation, capacity-reservation-overallocate), those beyond it pass the quota check
 * as any VM does. Associated VMs count whether running or deallocated ("the deallocated VM still counts against the quota
 * allocated to the reservation").
 */
export function capacityReservation({ store, location, size, zones, props }: PlacementInput) {
  const profile = props.capacityReservation as Json | undefined;
  const ref = profile?.capacityReservationGroup;
  if (!profile) return undefined;
  if (ref === undefined || ref === null) return { profile, isReserved: false };
  // ComputeRP.json, disableCapacityReservationAssignment: an opted-out VM "will not be allowed to implicitly or
  // explicitly associate with any type of capacity reservation" (wording of the refusal unconfirmed).
  if (profile.disableCapacityReservationAssignment === true)
    throw invalidParameter(
      "capacityReservation.disableCapacityReservationAssignment",
      "A Virtual Machine that disables capacity reservation assignment cannot reference a Capacity Reservation Group.",
    );
  // capacity-reservation-overview, "deployment types aren't supported": Spot VMs and Availability Sets.
  if (props.priority === "Spot" || idOf(props.availabilitySet))
    throw invalidParameter(
      "capacityReservation.capacityReservationGroup.id",
      "Capacity Reservation is not supported for Spot Virtual Machines or Virtual Machines in an Availability Set.",
    );
  const id = idOf(ref);
  const group = findReferenced(store, id, CRG_TYPE);
  if (!group || !same(group.body.location, location))
    throw invalidParameter(
      "capacityReservation.capacityReservationGroup.id",
      `The Capacity Reservation Group '${String(id)}' referenced by the Virtual Machine does not exist in location '${location}'.`,
    );
  const zone = Array.isArray(zones) && zones.length ? String(zones[0]) : undefined;
  const reservation = store
    .listResources({ scope: group.id, type: RESERVATION_TYPE })
    .find((r) => same((r.body.sku as Json | undefined)?.name, size.name) && zoneMatches(r, zone));
  if (!reservation)
    throw invalidParameter(
      "capacityReservation.capacityReservationGroup.id",
      `Capacity Reservation Group '${String(group.body.name)}' does not have a Capacity Reservation for VM size '${size.name}'${zone ? ` in zone '${zone}'` : ""}.`,
    );
  const capacity = Number((reservation.body.sku as Json).capacity ?? 0);
  const associated = store.listResources({ subscriptionId: group.subscriptionId, type: VM_TYPE }).filter((vm) => {
    const p = (vm.body.properties ?? {}) as Json;
    const groupRef = (p.capacityReservation as Json | undefined)?.capacityReservationGroup;
    return same(idOf(groupRef), group.id) && same((p.hardwareProfile as Json | undefined)?.vmSize, size.name);
  }).length;
  return {
    profile: { ...profile, capacityReservationGroup: { id: group.id } },
    isReserved: associated < capacity,
  };
}

const zoneMatches = (reservation: StoredResource, zone: string | undefined) => {
  const zones = Array.isArray(reservation.body.zones) ? reservation.body.zones.map(String) : [];
  return zone === undefined ? zones.length === 0 : zones.includes(zone);
};
