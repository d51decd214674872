import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, linuxVm, POLL, putNic, restError, storedBody } from "./compute/test-support.js";

const SUB = PROVIDER_SUBSCRIPTION_ID;
const RG = "rg-power";
let emu: TestEmulator;
let nicId: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate(RG, { location: "northeurope" });
  nicId = await putNic(emu, {
    subscriptionId: SUB,
    resourceGroup: RG,
    name: "nic-app",
    location: "northeurope",
    publicIp: { allocation: "Dynamic" },
  });
  await computeClient(emu, PROVIDER_APP_ID, SUB).virtualMachines.beginCreateOrUpdateAndWait(
    RG,
    "app01",
    linuxVm("northeurope", nicId),
    POLL,
  );
});
afterAll(async () => {
  await emu?.close();
});

const client = () => computeClient(emu, PROVIDER_APP_ID, SUB);
const power = async () =>
  (await client().virtualMachines.instanceView(RG, "app01")).statuses?.find((s) => s.code?.startsWith("PowerState/"))
    ?.code;
const publicIp = async () =>
  (
    (await storedBody(emu, SUB, nicId.replace(/networkInterfaces\/.*/, "publicIPAddresses/nic-app-ip")))
      ?.properties as { ipAddress?: string }
  ).ipAddress;

describe("virtual machine power actions", () => {
  it("stops, deallocates (releasing the dynamic IP), starts and restarts", async () => {
    expect(await publicIp()).toBeDefined();
    await client().virtualMachines.beginPowerOffAndWait(RG, "app01", POLL);
    expect(await power()).toBe("PowerState/stopped");
    expect(await publicIp()).toBeDefined();
    await client().virtualMachines.beginDeallocateAndWait(RG, "app01", POLL);
    expect(await power()).toBe("PowerState/deallocated");
    expect(await publicIp()).toBeUndefined();
    const restart = await restError(client().virtualMachines.beginRestartAndWait(RG, "app01", POLL));
    expect(restart.statusCode).toBe(409);
    expect(restart.code).toBe("OperationNotAllowed");
    await client().virtualMachines.beginStartAndWait(RG, "app01", POLL);
    expect(await power()).toBe("PowerState/running");
    expect(await publicIp()).toBeDefined();
    await client().virtualMachines.beginStartAndWait(RG, "app01", POLL);
    await client().virtualMachines.beginRestartAndWait(RG, "app01", POLL);
    expect(await power()).toBe("PowerState/running");
    expect((await client().virtualMachines.get(RG, "app01")).provisioningState).toBe("Succeeded");
  });

  it("refuses a second operation while one is in progress", async () => {
    const poller = await client().virtualMachines.beginPowerOff(RG, "app01", POLL);
    const busy = await restError(client().virtualMachines.beginStartAndWait(RG, "app01", POLL));
    expect(busy.statusCode).toBe(409);
    expect(busy.code).toBe("OperationNotAllowed");
    await poller.pollUntilDone();
    await client().virtualMachines.beginStartAndWait(RG, "app01", POLL);
  });

  it("resizes a running VM within its hardware cluster, and across clusters only when deallocated", async () => {
    const available: string[] = [];
    for await (const s of client().virtualMachines.listAvailableSizes(RG, "app01")) available.push(s.name!);
    expect(available).toContain("Standard_D4s_v5");
    expect(available).not.toContain("Standard_D2s_v3");
    const resized = await client().virtualMachines.beginUpdateAndWait(
      RG,
      "app01",
      { hardwareProfile: { vmSize: "Standard_D4s_v5" } },
      POLL,
    );
    expect(resized.hardwareProfile?.vmSize).toBe("Standard_D4s_v5");
    expect(await power()).toBe("PowerState/running");

    const across = await restError(
      client().virtualMachines.beginUpdateAndWait(
        RG,
        "app01",
        { hardwareProfile: { vmSize: "Standard_D2s_v3" } },
        POLL,
      ),
    );
    expect(across.statusCode).toBe(409);
    expect(across.code).toBe("OperationNotAllowed");
    expect(across.message).toMatch(/not available in the current hardware cluster/);

    await client().virtualMachines.beginDeallocateAndWait(RG, "app01", POLL);
    const moved = await client().virtualMachines.beginUpdateAndWait(
      RG,
      "app01",
      { hardwareProfile: { vmSize: "Standard_D2s_v3" } },
      POLL,
    );
    expect(moved.hardwareProfile?.vmSize).toBe("Standard_D2s_v3");
    expect(await power()).toBe("PowerState/deallocated");
    await client().virtualMachines.beginStartAndWait(RG, "app01", POLL);
  });

  it("adds and removes data disks, enforcing unique LUNs and the size's disk limit", async () => {
    const vm = await client().virtualMachines.get(RG, "app01");
    const dup = await restError(
      client().virtualMachines.beginUpdateAndWait(
        RG,
        "app01",
        {
          storageProfile: {
            dataDisks: [
              { lun: 1, createOption: "Empty", diskSizeGB: 8 },
              { lun: 1, createOption: "Empty", diskSizeGB: 8 },
            ],
          },
        },
        POLL,
      ),
    );
    expect(dup.code).toBe("InvalidParameter");
    const tooMany = await restError(
      client().virtualMachines.beginUpdateAndWait(
        RG,
        "app01",
        {
          storageProfile: { dataDisks: [0, 1, 2, 3, 4].map((lun) => ({ lun, createOption: "Empty", diskSizeGB: 8 })) },
        },
        POLL,
      ),
    );
    expect(tooMany.code).toBe("OperationNotAllowed");

    vm.storageProfile!.dataDisks = [{ lun: 0, createOption: "Empty", diskSizeGB: 128 }];
    const added = await client().virtualMachines.beginCreateOrUpdateAndWait(RG, "app01", vm, POLL);
    const diskName = added.storageProfile!.dataDisks![0].name!;
    expect((await client().disks.get(RG, diskName)).diskState).toBe("Attached");
    const removed = await client().virtualMachines.beginUpdateAndWait(
      RG,
      "app01",
      { storageProfile: { dataDisks: [] } },
      POLL,
    );
    expect(removed.storageProfile?.dataDisks).toEqual([]);
    expect((await client().disks.get(RG, diskName)).diskState).toBe("Unattached");
  });
});
