import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, POLL, putNic, restError, windowsVm } from "../providers/compute/test-support.js";

const SUB = PROVIDER_SUBSCRIPTION_ID;
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate("rg-catalogue", { location: "eastus" });
});
afterAll(async () => {
  await emu?.close();
});
const client = () => computeClient(emu, PROVIDER_APP_ID, SUB);

describe("the vendored size and image catalogue (issue 17 point 6)", () => {
  it("lists Dv2 in eastus with Azure's published figures and its quota family", async () => {
    const sizes = [];
    for await (const s of client().virtualMachineSizes.list("eastus")) sizes.push(s);
    expect(sizes.find((s) => s.name === "Standard_D1_v2")).toMatchObject({
      numberOfCores: 1,
      memoryInMB: 3584,
      maxDataDiskCount: 4,
      resourceDiskSizeInMB: 51200,
    });
    expect(sizes.find((s) => s.name === "Standard_D14_v2")).toMatchObject({ numberOfCores: 16, maxDataDiskCount: 64 });
    const skus = [];
    for await (const s of client().resourceSkus.list({ filter: "location eq 'eastus'" })) skus.push(s);
    expect(skus.find((s) => s.name === "Standard_D1_v2")?.family).toBe("standardDv2Family");
  });

  it("lists the DCasv5 confidential sizes with the series page's figures and their quota family", async () => {
    const sizes = [];
    for await (const s of client().virtualMachineSizes.list("westus")) sizes.push(s);
    expect(sizes.find((s) => s.name === "Standard_DC2as_v5")).toMatchObject({
      numberOfCores: 2,
      memoryInMB: 8192,
      maxDataDiskCount: 4,
      resourceDiskSizeInMB: 0,
    });
    expect(sizes.find((s) => s.name === "Standard_DC96as_v5")).toMatchObject({ numberOfCores: 96, memoryInMB: 393216 });
    const skus = [];
    for await (const s of client().resourceSkus.list({ filter: "location eq 'westus'" })) skus.push(s);
    expect(skus.find((s) => s.name === "Standard_DC2as_v5")?.family).toBe("standardDCASv5Family");
  });

  it("offers Windows Server 2016 to 2025 (Gen2 and Azure Edition), Ubuntu 20.04 to 24.04, Debian, RHEL and SLES", async () => {
    const skus = async (publisher: string, offer: string) =>
      (await client().virtualMachineImages.listSkus("eastus", publisher, offer)).map((s) => s.name);
    expect(await skus("MicrosoftWindowsServer", "WindowsServer")).toEqual(
      expect.arrayContaining([
        "2016-Datacenter",
        "2016-datacenter-gensecond",
        "2019-Datacenter",
        "2019-datacenter-gensecond",
        "2022-datacenter-g2",
        "2022-datacenter-azure-edition",
        "2025-datacenter-g2",
        "2025-datacenter-azure-edition",
      ]),
    );
    const offers = (publisher: string) =>
      client()
        .virtualMachineImages.listOffers("eastus", publisher)
        .then((o) => o.map((x) => x.name));
    expect(await offers("Canonical")).toEqual(
      expect.arrayContaining(["0001-com-ubuntu-server-focal", "0001-com-ubuntu-server-jammy", "ubuntu-24_04-lts"]),
    );
    expect(await offers("Debian")).toEqual(expect.arrayContaining(["debian-11", "debian-12"]));
    expect(await offers("RedHat")).toEqual(["RHEL"]);
    expect(await offers("SUSE")).toEqual(expect.arrayContaining(["sles-15-sp6"]));
    const versions = await client().virtualMachineImages.list(
      "eastus",
      "MicrosoftWindowsServer",
      "WindowsServer",
      "2016-Datacenter",
    );
    expect(versions.map((v) => v.name)).toContain("14393.7606.241205");
  });

  it("creates a VM from MicrosoftWindowsServer:WindowsServer:2016-Datacenter:latest on Standard_D1_v2", async () => {
    const nicId = await putNic(emu, {
      subscriptionId: SUB,
      resourceGroup: "rg-catalogue",
      name: "nic-2016",
      location: "eastus",
    });
    const vm = await client().virtualMachines.beginCreateOrUpdateAndWait(
      "rg-catalogue",
      "win2016",
      windowsVm("eastus", nicId, {
        hardwareProfile: { vmSize: "Standard_D1_v2" },
        storageProfile: {
          imageReference: {
            publisher: "MicrosoftWindowsServer",
            offer: "WindowsServer",
            sku: "2016-Datacenter",
            version: "latest",
          },
        },
      }),
      POLL,
    );
    expect(vm.provisioningState).toBe("Succeeded");
    expect(vm.storageProfile?.imageReference?.exactVersion).toBe("14393.7606.241205");
  });

  it("carries the plan of a marketplace image with terms and refuses a VM that names none, or names one on an image without", async () => {
    const dsvm = {
      publisher: "microsoft-ads",
      offer: "windows-data-science-vm",
      sku: "windows2016",
      version: "latest",
    };
    const image = await client().virtualMachineImages.get("eastus", dsvm.publisher, dsvm.offer, dsvm.sku, "19.01.14");
    expect(image.plan).toEqual({ publisher: "microsoft-ads", product: "windows-data-science-vm", name: "windows2016" });
    const nicId = await putNic(emu, {
      subscriptionId: SUB,
      resourceGroup: "rg-catalogue",
      name: "nic-dsvm",
      location: "eastus",
    });
    const create = (name: string, extra: Parameters<typeof windowsVm>[2]) =>
      client().virtualMachines.beginCreateOrUpdateAndWait(
        "rg-catalogue",
        name,
        windowsVm("eastus", nicId, extra),
        POLL,
      );
    const noPlan = await restError(
      create("dsvm", { hardwareProfile: { vmSize: "Standard_DS1_v2" }, storageProfile: { imageReference: dsvm } }),
    );
    expect([noPlan.statusCode, noPlan.code]).toEqual([400, "VMMarketplaceInvalidInput"]);
    expect(noPlan.message).toMatch(/requires Plan information in the request\. VM: '.*\/virtualMachines\/dsvm'\.$/);
    const stray = await restError(
      create("win-plan", {
        plan: { publisher: "microsoft-ads", product: "windows-data-science-vm", name: "windows2016" },
      }),
    );
    expect([stray.statusCode, stray.code]).toEqual([400, "VMMarketplaceInvalidInput"]);
    expect(stray.message).toMatch(
      /^Creating a virtual machine from a non Marketplace image does not need Plan information/,
    );
  });
});
