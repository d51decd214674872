import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, linuxVm, POLL, putNic, restError } from "./compute/test-support.js";

const SUB = PROVIDER_SUBSCRIPTION_ID;
const RG = "rg-fleet";
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate(RG, { location: "uksouth" });
});
afterAll(async () => {
  await emu?.close();
});

const client = () => computeClient(emu, PROVIDER_APP_ID, SUB);

describe("fleet listing, usages and throttling headers", () => {
  it("pages listAll with statusOnly over more VMs than a page, and usages count their vCPUs", async () => {
    const names = ["fleet01", "fleet02", "fleet03", "fleet04", "fleet05"];
    const pollers = [];
    for (const name of names) {
      const nicId = await putNic(emu, {
        subscriptionId: SUB,
        resourceGroup: RG,
        name: `nic-${name}`,
        location: "uksouth",
      });
      pollers.push(await client().virtualMachines.beginCreateOrUpdate(RG, name, linuxVm("uksouth", nicId), POLL));
    }
    await Promise.all(pollers.map((p) => p.pollUntilDone()));
    await client().virtualMachines.beginDeallocateAndWait(RG, "fleet01", POLL);

    const seen: { name: string; power?: string }[] = [];
    for await (const vm of client().virtualMachines.listAll({ statusOnly: "true" })) {
      seen.push({
        name: vm.name!,
        power: vm.instanceView?.statuses?.find((s) => s.code?.startsWith("PowerState/"))?.code,
      });
    }
    expect(seen.map((s) => s.name).sort()).toEqual(names);
    expect(seen.find((s) => s.name === "fleet01")?.power).toBe("PowerState/deallocated");
    expect(seen.filter((s) => s.power === "PowerState/running")).toHaveLength(4);
    const inGroup: string[] = [];
    for await (const vm of client().virtualMachines.list(RG)) inGroup.push(vm.name!);
    expect(inGroup).toHaveLength(5);

    const usages: Record<string, { currentValue?: number; limit?: number }> = {};
    for await (const u of client().usage.list("uksouth")) usages[u.name!.value!] = u;
    expect(usages.cores.currentValue).toBe(10);
    expect(usages.cores.limit).toBe(100);
    expect(usages.virtualMachines.currentValue).toBe(5);
    expect(usages.standardDSv5Family.currentValue).toBe(10);
    expect(usages.standardDSv3Family.currentValue).toBe(0);
  });

  it("reports Compute's throttling windows in x-ms-ratelimit-remaining-resource", async () => {
    const res = await emu.arm(
      PROVIDER_APP_ID,
      "GET",
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/fleet02?api-version=2026-04-01`,
    );
    expect(res.status).toBe(200);
    expect(res.headers["x-ms-ratelimit-remaining-resource"]).toMatch(
      /^Microsoft\.Compute\/LowCostGet3Min;\d+,Microsoft\.Compute\/LowCostGet30Min;\d+$/,
    );
    const list = await emu.arm(
      PROVIDER_APP_ID,
      "GET",
      `/subscriptions/${SUB}/providers/Microsoft.Compute/virtualMachines?api-version=2026-04-01`,
    );
    expect(list.headers["x-ms-ratelimit-remaining-resource"]).toMatch(/HighCostGet3Min;\d+/);
    await emu.control.setConfig({ throttling: { enabled: false } });
    try {
      const off = await emu.arm(
        PROVIDER_APP_ID,
        "GET",
        `/subscriptions/${SUB}/providers/Microsoft.Compute/virtualMachines?api-version=2026-04-01`,
      );
      expect(off.headers["x-ms-ratelimit-remaining-resource"]).toBeUndefined();
    } finally {
      await emu.control.setConfig({ throttling: { enabled: true } });
    }
  });
});

describe("sizes, SKUs and images", () => {
  it("lists regional VM sizes and SKUs with per-region restrictions", async () => {
    const sizes: string[] = [];
    for await (const s of client().virtualMachineSizes.list("westus")) sizes.push(s.name!);
    expect(sizes).toContain("Standard_D2s_v5");
    expect(sizes).not.toContain("Standard_F8s_v2");
    const skus = [];
    for await (const s of client().resourceSkus.list({ filter: "location eq 'eastus'" })) skus.push(s);
    const gpu = skus.find((s) => s.name === "Standard_NC4as_T4_v3");
    expect(gpu?.restrictions?.[0].reasonCode).toBe("NotAvailableForSubscription");
    expect(skus.find((s) => s.name === "Standard_D2s_v5")?.restrictions).toEqual([]);
  });

  it("browses publishers, offers, skus and versions of the platform images", async () => {
    const images = client().virtualMachineImages;
    expect((await images.listPublishers("westeurope")).map((p) => p.name)).toEqual(
      expect.arrayContaining(["Canonical", "MicrosoftWindowsServer", "RedHat", "SUSE", "Debian"]),
    );
    expect((await images.listOffers("westeurope", "MicrosoftWindowsServer")).map((o) => o.name)).toEqual([
      "WindowsServer",
    ]);
    const skus = (await images.listSkus("westeurope", "MicrosoftWindowsServer", "WindowsServer")).map((s) => s.name);
    expect(skus).toEqual(
      expect.arrayContaining(["2019-datacenter-gensecond", "2022-datacenter-azure-edition", "2025-datacenter-g2"]),
    );
    const versions = await images.list("westeurope", "Canonical", "ubuntu-24_04-lts", "server");
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const image = await images.get("westeurope", "Canonical", "ubuntu-24_04-lts", "server", versions[0].name!);
    expect(image.osDiskImage?.operatingSystem).toBe("Linux");
    expect(
      (await restError(images.get("westeurope", "Canonical", "ubuntu-24_04-lts", "server", "1.0.0"))).statusCode,
    ).toBe(404);
  });
});
