import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, linuxVm, POLL, putNic, restError, storedBody } from "./compute/test-support.js";

const SUB = PROVIDER_SUBSCRIPTION_ID;
const RG = "rg-vm";
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate(RG, { location: "westeurope" });
});
afterAll(async () => {
  await emu?.close();
});

const client = () => computeClient(emu, PROVIDER_APP_ID, SUB);
const nic = (name: string, publicIp?: Parameters<typeof putNic>[1]["publicIp"]) =>
  putNic(emu, { subscriptionId: SUB, resourceGroup: RG, name, location: "westeurope", publicIp });

describe("virtual machines: create, read, delete", () => {
  it("creates a VM as an LRO: Succeeded, running, OS and data disks, NIC linked, dynamic IP assigned", async () => {
    const nicId = await nic("nic-web01", { allocation: "Dynamic", deleteOption: "Delete" });
    const vm = await client().virtualMachines.beginCreateOrUpdateAndWait(
      RG,
      "web01",
      linuxVm("westeurope", nicId, {
        storageProfile: {
          ...linuxVm("westeurope", nicId).storageProfile,
          dataDisks: [{ lun: 0, createOption: "Empty", diskSizeGB: 64, deleteOption: "Delete" }],
        },
      }),
      POLL,
    );
    expect(vm.provisioningState).toBe("Succeeded");
    expect(vm.storageProfile?.osDisk?.osType).toBe("Linux");
    expect(vm.storageProfile?.imageReference?.exactVersion).toBe("22.04.202412110");
    expect(vm.storageProfile?.osDisk?.name).toMatch(/^web01_OsDisk_1_[0-9a-f]{32}$/);
    expect(vm.osProfile?.adminPassword).toBeUndefined();

    const view = await client().virtualMachines.instanceView(RG, "web01");
    expect(view.statuses?.map((s) => s.code)).toEqual(["ProvisioningState/succeeded", "PowerState/running"]);
    expect(view.statuses?.[1].displayStatus).toBe("VM running");
    const expanded = await client().virtualMachines.get(RG, "web01", { expand: "instanceView" });
    expect(expanded.instanceView?.statuses?.[1].code).toBe("PowerState/running");

    const osDisk = await client().disks.get(RG, vm.storageProfile!.osDisk!.name!);
    expect(osDisk.managedBy?.toLowerCase()).toBe(vm.id!.toLowerCase());
    expect(osDisk.diskSizeGB).toBe(30);
    const dataDisk = await client().disks.get(RG, vm.storageProfile!.dataDisks![0].name!);
    expect(dataDisk.diskSizeGB).toBe(64);

    const storedNic = await storedBody(emu, SUB, nicId);
    expect((storedNic?.properties as { virtualMachine?: { id: string } }).virtualMachine?.id.toLowerCase()).toBe(
      vm.id!.toLowerCase(),
    );
    const pip = await storedBody(
      emu,
      SUB,
      `${nicId.replace(/networkInterfaces\/.*/, "publicIPAddresses/nic-web01-ip")}`,
    );
    expect((pip?.properties as { ipAddress?: string }).ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("deletes a VM with deleteOption Delete: OS disk, data disk, NIC and its public IP go too", async () => {
    const vm = await client().virtualMachines.get(RG, "web01");
    const nicId = vm.networkProfile!.networkInterfaces![0].id!;
    await client().virtualMachines.beginDeleteAndWait(RG, "web01", POLL);
    expect((await restError(client().virtualMachines.get(RG, "web01"))).code).toBe("ResourceNotFound");
    expect((await restError(client().disks.get(RG, vm.storageProfile!.osDisk!.name!))).statusCode).toBe(404);
    expect((await restError(client().disks.get(RG, vm.storageProfile!.dataDisks![0].name!))).statusCode).toBe(404);
    expect(await storedBody(emu, SUB, nicId)).toBeUndefined();
    expect(
      await storedBody(emu, SUB, nicId.replace(/networkInterfaces\/.*/, "publicIPAddresses/nic-web01-ip")),
    ).toBeUndefined();
  });

  it("detaches disks and NICs on delete by default; an attached disk cannot be deleted", async () => {
    const nicId = await nic("nic-keep");
    const body = linuxVm("westeurope", nicId);
    body.storageProfile!.osDisk = { createOption: "FromImage" };
    body.networkProfile = { networkInterfaces: [{ id: nicId }] };
    const vm = await client().virtualMachines.beginCreateOrUpdateAndWait(RG, "keep01", body, POLL);
    const diskName = vm.storageProfile!.osDisk!.name!;
    const attached = await restError(client().disks.beginDeleteAndWait(RG, diskName, POLL));
    expect(attached.statusCode).toBe(409);
    expect(attached.code).toBe("OperationNotAllowed");

    await client().virtualMachines.beginDeleteAndWait(RG, "keep01", POLL);
    const disk = await client().disks.get(RG, diskName);
    expect(disk.managedBy).toBeUndefined();
    expect(disk.diskState).toBe("Unattached");
    const storedNic = await storedBody(emu, SUB, nicId);
    expect((storedNic?.properties as { virtualMachine?: unknown }).virtualMachine).toBeUndefined();
    await client().disks.beginDeleteAndWait(RG, diskName, POLL);
    expect((await restError(client().disks.get(RG, diskName))).statusCode).toBe(404);
  });

  it("answers 404 ResourceNotFound for a missing VM and 204 for deleting it", async () => {
    expect((await restError(client().virtualMachines.get(RG, "nope"))).code).toBe("ResourceNotFound");
    await client().virtualMachines.beginDeleteAndWait(RG, "nope", POLL);
  });
});
