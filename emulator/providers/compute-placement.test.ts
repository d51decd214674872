import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VirtualMachineUpdate } from "@azure/arm-compute";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, linuxVm, POLL, putNic, restError } from "./compute/test-support.js";

const SUB = PROVIDER_SUBSCRIPTION_ID;
const RG = "rg-placement";
const GROUP = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const VMSS = (name: string) => `${GROUP}/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`;
const CRG = (name: string) => `${GROUP}/providers/Microsoft.Compute/capacityReservationGroups/${name}`;
let emu: TestEmulator;

const register = (body: Record<string, unknown>) => emu.control.call("POST", "resources/referenced", body);
const client = () => computeClient(emu, PROVIDER_APP_ID, SUB);
let nics = 0;
const nic = () => putNic(emu, { subscriptionId: SUB, resourceGroup: RG, name: `nic-${++nics}`, location: "eastus" });
const create = async (name: string, extra: Parameters<typeof linuxVm>[2]) =>
  client().virtualMachines.beginCreateOrUpdateAndWait(RG, name, linuxVm("eastus", await nic(), extra), POLL);
/** Runs with eastus's regional vCPU quota set to what is used now (no room for another VM), then restores its limit. */
async function withRegionalCoresFull(run: () => Promise<void>) {
  const usages = [];
  for await (const u of client().usage.list("eastus")) usages.push(u);
  const cores = usages.find((u) => u.name.value === "cores")!;
  await emu.control.setCoreQuota(SUB, { eastus: cores.currentValue });
  try {
    await run();
  } finally {
    await emu.control.setCoreQuota(SUB, { eastus: cores.limit });
  }
}
const refused = async (name: string, extra: Parameters<typeof linuxVm>[2]) => restError(create(name, extra));

beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate(RG, { location: "eastus" });
  const flex = { orchestrationMode: "Flexible", singlePlacementGroup: false };
  await register({ id: VMSS("flex"), location: "eastus", properties: { ...flex, platformFaultDomainCount: 3 } });
  await register({ id: VMSS("flex-fd1"), location: "eastus", properties: { ...flex, platformFaultDomainCount: 1 } });
  await register({ id: VMSS("flex-west"), location: "westus", properties: { ...flex, platformFaultDomainCount: 2 } });
  await register({ id: VMSS("uniform"), location: "eastus", properties: { orchestrationMode: "Uniform" } });
  await register({ id: CRG("crg"), location: "eastus", properties: {} });
  await register({
    id: `${CRG("crg")}/capacityReservations/d2s`,
    location: "eastus",
    sku: { name: "Standard_D2s_v5", capacity: 1 },
    properties: {},
  });
});
afterAll(async () => {
  await emu?.close();
});

describe("a VM placed in a Flexible scale set", () => {
  it("joins the set in the fault domain it asks for and reads back with both", async () => {
    await create("in-flex", { virtualMachineScaleSet: { id: VMSS("flex") }, platformFaultDomain: 2 });
    const vm = await client().virtualMachines.get(RG, "in-flex");
    expect(vm.virtualMachineScaleSet?.id).toBe(VMSS("flex"));
    expect(vm.platformFaultDomain).toBe(2);
  });

  it("is refused when the set does not exist, or is in another region", async () => {
    for (const id of [VMSS("missing"), VMSS("flex-west")]) {
      const err = await refused("vm-nowhere", { virtualMachineScaleSet: { id } });
      expect(err.statusCode).toBe(400);
      expect(err.message).toBe(
        `The Virtual Machine Scale Set '${id}' referenced by the Virtual Machine does not exist.`,
      );
    }
  });

  it("is refused by a Uniform set with Azure's OperationNotAllowed", async () => {
    const err = await refused("vm-uniform", { virtualMachineScaleSet: { id: VMSS("uniform") } });
    expect(err.code).toBe("OperationNotAllowed");
    expect(err.message).toContain("does not have orchestration mode set to 'Flexible'");
  });

  it("is refused a fault domain outside the set's count, or in a set with one fault domain", async () => {
    const outside = await refused("vm-fd", { virtualMachineScaleSet: { id: VMSS("flex") }, platformFaultDomain: 3 });
    expect(outside.code).toBe("InvalidParameter");
    expect(outside.message).toBe("The specified fault domain 3 must fall in the range 0 to 2.");
    const single = await refused("vm-fd1", {
      virtualMachineScaleSet: { id: VMSS("flex-fd1") },
      platformFaultDomain: 0,
    });
    expect(single.code).toBe("InvalidParameter");
    const alone = await refused("vm-nofd", { platformFaultDomain: 0 });
    expect(alone.code).toBe("InvalidParameter");
  });
});

describe("a VM drawing on a capacity reservation group", () => {
  it("is associated with the group and reads back with it", async () => {
    await create("reserved", { capacityReservation: { capacityReservationGroup: { id: CRG("crg") } } });
    const vm = await client().virtualMachines.get(RG, "reserved");
    expect(vm.capacityReservation?.capacityReservationGroup?.id).toBe(CRG("crg"));
  });

  it("is refused when the group is missing or has no reservation for its size", async () => {
    const missing = await refused("vm-nocrg", {
      capacityReservation: { capacityReservationGroup: { id: CRG("nope") } },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.message).toContain("does not exist");
    const otherSize = await refused("vm-d4", {
      hardwareProfile: { vmSize: "Standard_D4s_v5" },
      capacityReservation: { capacityReservationGroup: { id: CRG("crg") } },
    });
    expect(otherSize.message).toContain("does not have a Capacity Reservation for VM size 'Standard_D4s_v5'");
  });

  it("is refused for a Spot VM", async () => {
    const err = await refused("vm-spot", {
      priority: "Spot",
      evictionPolicy: "Deallocate",
      capacityReservation: { capacityReservationGroup: { id: CRG("crg") } },
    });
    expect(err.code).toBe("InvalidParameter");
    expect(err.message).toContain("not supported for Spot");
  });

  it("reads back an opt-out, and refuses an opt-out that also names a group", async () => {
    await create("opted-out", { capacityReservation: { disableCapacityReservationAssignment: true } });
    const vm = await client().virtualMachines.get(RG, "opted-out");
    expect(vm.capacityReservation).toEqual({ disableCapacityReservationAssignment: true });
    const both = await refused("vm-both", {
      capacityReservation: { disableCapacityReservationAssignment: true, capacityReservationGroup: { id: CRG("crg") } },
    });
    expect(both.code).toBe("InvalidParameter");
  });

  it("takes the reserved slot without quota, and a VM beyond the capacity is checked against quota", async () => {
    const profile = { capacityReservation: { capacityReservationGroup: { id: CRG("crg") } } };
    await register({ id: CRG("crg2"), location: "eastus", properties: {} });
    await register({
      id: `${CRG("crg2")}/capacityReservations/d2s`,
      location: "eastus",
      sku: { name: "Standard_D2s_v5", capacity: 1 },
      properties: {},
    });
    // The regional vCPU quota is full before the next VM.
    await withRegionalCoresFull(async () => {
      await create("reserved-2", { capacityReservation: { capacityReservationGroup: { id: CRG("crg2") } } });
      const over = await refused("overallocated", profile);
      expect(over.statusCode).toBe(409);
      expect(over.code).toBe("OperationNotAllowed");
      expect(over.message).toMatch(/exceeding approved Total Regional Cores quota/);
    });
    await create("overallocated", profile);
    const vm = await client().virtualMachines.get(RG, "overallocated");
    expect(vm.capacityReservation?.capacityReservationGroup?.id).toBe(CRG("crg"));
  });
});

describe("updating a VM's scale set (Learn, virtual-machine-scale-sets-attach-detach-vm)", () => {
  const update = (name: string, body: VirtualMachineUpdate) =>
    client().virtualMachines.beginUpdateAndWait(RG, name, body, POLL);
  beforeAll(async () => {
    const flex = { orchestrationMode: "Flexible", singlePlacementGroup: false, platformFaultDomainCount: 1 };
    await register({ id: VMSS("flex-a"), location: "eastus", properties: flex });
    await register({ id: VMSS("flex-b"), location: "eastus", properties: flex });
    await create("standalone", {});
  });

  it("attaches an existing VM to a set with one fault domain and detaches it with a null id", async () => {
    const attached = await update("standalone", { virtualMachineScaleSet: { id: VMSS("flex-a") } });
    expect(attached.virtualMachineScaleSet?.id).toBe(VMSS("flex-a"));
    expect((await client().virtualMachines.get(RG, "standalone")).virtualMachineScaleSet?.id).toBe(VMSS("flex-a"));
    const raw = await emu.arm(
      PROVIDER_APP_ID,
      "PATCH",
      `${GROUP}/providers/Microsoft.Compute/virtualMachines/standalone?api-version=2026-04-01`,
      { properties: { virtualMachineScaleSet: null } },
    );
    expect(raw.status).toBe(200);
    expect(raw.body.properties?.virtualMachineScaleSet).toBeUndefined();
    while ((await client().virtualMachines.get(RG, "standalone")).provisioningState !== "Succeeded");
    // An empty reference (what a serializer that drops nulls sends for `id: null`) detaches too.
    await update("standalone", { virtualMachineScaleSet: { id: VMSS("flex-a") } });
    const detached = await update("standalone", { virtualMachineScaleSet: {} });
    expect(detached.virtualMachineScaleSet).toBeUndefined();
    expect((await client().virtualMachines.get(RG, "standalone")).virtualMachineScaleSet).toBeUndefined();
  });

  it("refuses moving a VM to another set without detaching it first", async () => {
    await update("standalone", { virtualMachineScaleSet: { id: VMSS("flex-a") } });
    for (const id of [VMSS("flex-b"), ""]) {
      const err = await restError(update("standalone", { virtualMachineScaleSet: { id } }));
      expect(err.statusCode).toBe(409);
      expect(err.code).toBe("PropertyChangeNotAllowed");
      expect(err.message).toBe("Changing property 'virtualMachineScaleSet.id' is not allowed.");
    }
    // A PUT of the VM as read, naming another set, is the same change.
    const vm = await client().virtualMachines.get(RG, "standalone");
    const put = await restError(
      client().virtualMachines.beginCreateOrUpdateAndWait(
        RG,
        "standalone",
        { ...vm, virtualMachineScaleSet: { id: VMSS("flex-b") } },
        POLL,
      ),
    );
    expect(put.message).toBe("Changing property 'virtualMachineScaleSet.id' is not allowed.");
    expect((await client().virtualMachines.get(RG, "standalone")).virtualMachineScaleSet?.id).toBe(VMSS("flex-a"));
    await update("standalone", { virtualMachineScaleSet: {} });
  });

  it("refuses attaching to, or detaching from, a set with more than one fault domain", async () => {
    const attach = await restError(update("standalone", { virtualMachineScaleSet: { id: VMSS("flex") } }));
    expect(attach.code).toBe("VmssDoesNotSupportAttachingExistingVMMultiFD");
    expect(attach.message).toContain("has more than 1 fault domains");
    const uniform = await restError(update("standalone", { virtualMachineScaleSet: { id: VMSS("uniform") } }));
    expect(uniform.code).toBe("OperationNotAllowed");
    const detach = await restError(update("in-flex", { virtualMachineScaleSet: {} }));
    expect(detach.code).toBe("OperationNotAllowed");
    expect(detach.message).toContain("does not support detaching an existing Virtual Machine");
    expect((await client().virtualMachines.get(RG, "in-flex")).platformFaultDomain).toBe(2);
  });

  it("refuses attaching a VM with unmanaged (blob) disks", async () => {
    const account = await emu.arm(
      PROVIDER_APP_ID,
      "PUT",
      `${GROUP}/providers/Microsoft.Storage/storageAccounts/placementvhds01?api-version=2026-09-01`,
      { location: "eastus", sku: { name: "Standard_LRS" }, kind: "StorageV2" },
    );
    expect(account.status).toBeLessThan(300);
    await create("blob-disks", {
      storageProfile: {
        imageReference: linuxVm("eastus", "").storageProfile!.imageReference,
        osDisk: {
          name: "osdisk",
          createOption: "FromImage",
          vhd: { uri: "https://placementvhds01.blob.core.windows.net/vhds/os.vhd" },
        },
      },
    });
    const err = await restError(update("blob-disks", { virtualMachineScaleSet: { id: VMSS("flex-a") } }));
    expect(err.code).toBe("VmssDoesNotSupportAttachingExistingVMUnmanagedDisk");
    expect(err.message).toBe(
      "Using a Virtual Machine 'blob-disks' with unmanaged disks and attaching it to a Virtual Machine Scale Set is not supported. For more information, see https://aka.ms/vmo/attachdetach.",
    );
  });
});

describe("resizing a VM associated with a capacity reservation group (Learn, capacity-reservation-modify)", () => {
  const resize = (vmSize: string) =>
    client().virtualMachines.beginUpdateAndWait(RG, "resized", { hardwareProfile: { vmSize } }, POLL);
  beforeAll(async () => {
    await register({ id: CRG("crg-resize"), location: "eastus", properties: {} });
    await register({
      id: `${CRG("crg-resize")}/capacityReservations/d2s`,
      location: "eastus",
      sku: { name: "Standard_D2s_v5", capacity: 1 },
      properties: {},
    });
    await create("resized", { capacityReservation: { capacityReservationGroup: { id: CRG("crg-resize") } } });
  });

  it("is refused to a size the group holds no reservation for", async () => {
    const err = await restError(resize("Standard_D4s_v5"));
    expect(err.statusCode).toBe(400);
    expect(err.message).toBe(
      "Capacity Reservation Group 'crg-resize' does not have a Capacity Reservation for VM size 'Standard_D4s_v5'.",
    );
    expect((await client().virtualMachines.get(RG, "resized")).hardwareProfile?.vmSize).toBe("Standard_D2s_v5");
  });

  it("moves into a reservation added for the new size, its slot taken without quota", async () => {
    await register({
      id: `${CRG("crg-resize")}/capacityReservations/d4s`,
      location: "eastus",
      sku: { name: "Standard_D4s_v5", capacity: 1 },
      properties: {},
    });
    await withRegionalCoresFull(async () => {
      const vm = await resize("Standard_D4s_v5");
      expect(vm.hardwareProfile?.vmSize).toBe("Standard_D4s_v5");
      expect(vm.capacityReservation?.capacityReservationGroup?.id).toBe(CRG("crg-resize"));
    });
  });
});
