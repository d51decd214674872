import { describe, expect, it } from "vitest";
import { sortVersions } from "./image-catalogue";
import { mapResourceGroup } from "./resource-groups";
import {
  mapLocations,
  mapProvider,
  mapSubscription,
  mapUsages,
  mapVmSize,
  mapVmSkus,
  sizesByRegion,
} from "./subscription-mappers";

// Shapes from the ARM specs' examples (AZURE-FACTS §5 and SPECS COMPUTE / RES examples).
describe("subscription mappers", () => {
  it("maps a subscription", () => {
    expect(
      mapSubscription({ subscriptionId: "s1", displayName: "Contoso CSP", state: "Enabled", tenantId: "t1" }),
    ).toEqual({ subscriptionId: "s1", displayName: "Contoso CSP", state: "Enabled", directoryId: "t1" });
  });

  it("maps provider registration", () => {
    expect(mapProvider({ namespace: "Microsoft.Compute", registrationState: "NotRegistered" })).toEqual({
      namespace: "Microsoft.Compute",
      registrationState: "NotRegistered",
      isRegistered: false,
    });
    expect(mapProvider({ namespace: "Microsoft.Network", registrationState: "Registered" }).isRegistered).toBe(true);
  });

  it("keeps physical regions only", () => {
    const out = mapLocations([
      {
        name: "westeurope",
        displayName: "West Europe",
        metadata: { regionType: "Physical", geographyGroup: "Europe", pairedRegion: [{ name: "northeurope" }] },
      },
      { name: "europe", displayName: "Europe", metadata: { regionType: "Logical" } },
      { name: "eastus", displayName: "East US", metadata: { regionType: "Physical", geography: "United States" } },
    ]);
    expect(out).toEqual([
      { name: "eastus", displayName: "East US", geography: "United States" },
      { name: "westeurope", displayName: "West Europe", geography: "Europe", pairedRegion: "northeurope" },
    ]);
  });

  it("maps VM sizes", () => {
    expect(
      mapVmSize({
        name: "Standard_D2s_v3",
        numberOfCores: 2,
        osDiskSizeInMB: 1047552,
        resourceDiskSizeInMB: 16384,
        memoryInMB: 8192,
        maxDataDiskCount: 4,
      }),
    ).toEqual({
      name: "Standard_D2s_v3",
      vCpus: 2,
      memoryMb: 8192,
      maxDataDisks: 4,
      osDiskSizeMb: 1047552,
      resourceDiskSizeMb: 16384,
    });
  });

  it("removes restricted regions from a SKU", () => {
    const skus = mapVmSkus([
      {
        resourceType: "virtualMachines",
        name: "Standard_D2s_v3",
        family: "standardDSv3Family",
        locations: ["EastUS"],
        capabilities: [
          { name: "vCPUs", value: "2" },
          { name: "MemoryGB", value: "8" },
        ],
        restrictions: [],
      },
      {
        resourceType: "virtualMachines",
        name: "Standard_M8ms",
        family: "standardMSFamily",
        locations: ["westeurope"],
        capabilities: [{ name: "vCPUs", value: "8" }],
        restrictions: [
          {
            type: "Location",
            values: ["westeurope"],
            restrictionInfo: { locations: ["westeurope"] },
            reasonCode: "NotAvailableForSubscription",
          },
        ],
      },
      { resourceType: "disks", name: "Premium_LRS", locations: ["eastus"] },
    ]);
    expect(skus).toEqual([
      {
        name: "Standard_D2s_v3",
        family: "standardDSv3Family",
        vCpus: 2,
        memoryGb: 8,
        availableLocations: ["eastus"],
        restrictedLocations: [],
      },
      {
        name: "Standard_M8ms",
        family: "standardMSFamily",
        vCpus: 8,
        availableLocations: [],
        restrictedLocations: [{ location: "westeurope", reason: "NotAvailableForSubscription" }],
      },
    ]);
    expect(sizesByRegion(skus)).toEqual({ eastus: ["Standard_D2s_v3"] });
  });

  it("reads total regional cores and families from usages", () => {
    const usage = mapUsages([
      { unit: "Count", currentValue: 8, limit: 10, name: { value: "cores", localizedValue: "Total Regional vCPUs" } },
      {
        unit: "Count",
        currentValue: 4,
        limit: 10,
        name: { value: "standardDSv3Family", localizedValue: "Standard DSv3 Family vCPUs" },
      },
      {
        unit: "Count",
        currentValue: 2,
        limit: 25000,
        name: { value: "virtualMachines", localizedValue: "Virtual Machines" },
      },
    ] as never);
    expect(usage).toEqual({
      used: 8,
      limit: 10,
      families: [{ name: "standardDSv3Family", displayName: "Standard DSv3 Family vCPUs", used: 4, limit: 10 }],
    });
  });

  it("sorts image versions newest first", () => {
    expect(sortVersions(["9.0.1", "10.0.0", "2022.1.20240101", "2022.10.20240101"], 3)).toEqual([
      "2022.10.20240101",
      "2022.1.20240101",
      "10.0.0",
    ]);
  });

  it("maps a resource group", () => {
    expect(
      mapResourceGroup({
        id: "/subscriptions/s/resourceGroups/rg",
        name: "rg",
        location: "eastus",
        properties: { provisioningState: "Succeeded" },
      }),
    ).toEqual({
      id: "/subscriptions/s/resourceGroups/rg",
      name: "rg",
      location: "eastus",
      tags: {},
      provisioningState: "Succeeded",
    });
  });
});
