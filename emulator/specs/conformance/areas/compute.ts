import type { ConformanceArea } from "./area.js";
import type { Prerequisites } from "../prerequisites.js";

/** Compute: what a VM can be created from, placed in or encrypted with. */
export const compute: ConformanceArea = {
  unmodelled: [
    [/\/providers\/Microsoft\.Compute\/availabilitySets\//i, "availability set"],
    [/\/providers\/Microsoft\.Compute\/diskAccesses\//i, "disk access"],
    [/\/providers\/Microsoft\.Compute\/hostGroups\//i, "dedicated host group"],
    [/\/providers\/Microsoft\.Compute\/proximityPlacementGroups\//i, "proximity placement group"],
  ],
  async ensure(pre, id) {
    const placement =
      /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/(virtualMachineScaleSets|capacityReservationGroups)\/[^/]+$/i.exec(
        id,
      );
    if (!placement) return false;
    await pre.group(placement[1], placement[2]);
    if (placement[3].toLowerCase() === "virtualmachinescalesets") await scaleSet(pre, id);
    else await reservationGroup(pre, id);
    return true;
  },
};

const vmProperties = (pre: Prerequisites) =>
  ((pre.example as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}) as {
    hardwareProfile?: { vmSize?: string };
    platformFaultDomain?: number;
  };

/**
 * The Flexible scale set a VM joins, as its owner makes one for VMs placed by hand (Learn,
 * virtual-machine-scale-sets-attach-detach-vm: Flexible orchestration, singlePlacementGroup false) with enough fault
 * domains for the one the VM asks for (ComputeRP.json: a VM naming a fault domain needs a count above 1).
 */
async function scaleSet(pre: Prerequisites, id: string) {
  const faultDomain = vmProperties(pre).platformFaultDomain;
  await pre.emu.control.call("POST", "resources/referenced", {
    id,
    location: pre.location,
    properties: {
      orchestrationMode: "Flexible",
      singlePlacementGroup: false,
      platformFaultDomainCount: typeof faultDomain === "number" ? Math.max(2, faultDomain + 1) : 1,
    },
  });
}

/**
 * A capacity reservation group with one reservation for the VM's size, as its owner makes one before a VM uses it
 * (Learn, capacity-reservation-create: the group, then a reservation per VM size in the group's region).
 */
async function reservationGroup(pre: Prerequisites, id: string) {
  const size = vmProperties(pre).hardwareProfile?.vmSize ?? "Standard_D2s_v5";
  await pre.emu.control.call("POST", "resources/referenced", { id, location: pre.location, properties: {} });
  await pre.emu.control.call("POST", "resources/referenced", {
    id: `${id}/capacityReservations/${size.toLowerCase().replace(/_/g, "-")}`,
    location: pre.location,
    sku: { name: size, capacity: 1 },
    properties: {},
  });
}
