import { describe, expect, it } from "vitest";
import type { Discovery } from "@/lib/subscriptions/discovery";
import { parseInput, InvalidInput } from "@/lib/errors";
import { catalogueImages, checkImages, checkQuotasAgainstUsage, checkSizes, offerableSizes, sizeFamily } from "./rules";
import { createPlanSchema, type PlanQuotas } from "./schema";

const discovery: Pick<Discovery, "sizes" | "images"> = {
  sizes: [
    {
      name: "Standard_B2s",
      vCpus: 2,
      memoryMb: 4096,
      maxDataDisks: 4,
      family: "standardBSFamily",
      regions: ["eastus", "westeurope"],
    },
    {
      name: "Standard_D2s_v5",
      vCpus: 2,
      memoryMb: 8192,
      maxDataDisks: 4,
      family: "standardDSv5Family",
      regions: ["westeurope"],
    },
    { name: "Standard_M128s", vCpus: 128, memoryMb: 2_048_000, maxDataDisks: 64, regions: ["japaneast"] },
  ],
  images: [
    {
      publisher: "Canonical",
      offer: "ubuntu-24_04-lts",
      sku: "server",
      osType: "Linux",
      versions: ["24.04.202501010", "24.04.202412010"],
    },
    {
      publisher: "MicrosoftWindowsServer",
      offer: "WindowsServer",
      sku: "2022-datacenter-azure-edition",
      osType: "Windows",
      versions: ["20348.2849.241105"],
    },
  ],
};

describe("offerable sizes", () => {
  it("keeps sizes available in at least one allowed region, with only those regions", () => {
    const sizes = offerableSizes(discovery, ["eastus"]);
    expect(sizes.map((s) => s.name)).toEqual(["Standard_B2s"]);
    expect(sizes[0].regions).toEqual(["eastus"]);
    expect(offerableSizes(discovery, ["eastus", "westeurope"]).map((s) => s.name)).toEqual([
      "Standard_B2s",
      "Standard_D2s_v5",
    ]);
  });

  it("offers nothing while no region is allowed, and matches region names regardless of case", () => {
    expect(offerableSizes(discovery, [])).toEqual([]);
    expect(offerableSizes(discovery, ["JapanEast"]).map((s) => s.name)).toEqual(["Standard_M128s"]);
  });

  it("names a family from the size when Azure gave none", () => {
    expect(offerableSizes(discovery, ["japaneast"])[0].family).toBe("M");
    expect(sizeFamily("Standard_NC6s_v3")).toBe("NC");
  });

  it("refuses sizes outside the offerable list and accepts the rest", () => {
    const offerable = offerableSizes(discovery, ["eastus"]);
    expect(checkSizes(["Standard_B2s"], offerable)).toEqual([]);
    expect(checkSizes(["Standard_B2s", "Standard_D2s_v5"], offerable)[0]).toContain(
      "Standard_D2s_v5 is not available in any allowed region",
    );
  });
});

describe("image choices", () => {
  const ubuntu = { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server" };

  it("accepts latest and discovered versions", () => {
    expect(checkImages([{ ...ubuntu, version: "latest" }], discovery.images)).toEqual([]);
    expect(checkImages([{ ...ubuntu, version: "24.04.202412010" }], discovery.images)).toEqual([]);
  });

  it("refuses a version discovery did not find, naming the image by its friendly name", () => {
    const [message] = checkImages([{ ...ubuntu, version: "1.2.3" }], discovery.images);
    expect(message).toContain("Ubuntu Server 24.04 LTS has no version 1.2.3");
  });

  it("refuses images outside the catalogue and the same image twice", () => {
    expect(
      checkImages([{ publisher: "Evil", offer: "x", sku: "y", version: "latest" }], discovery.images)[0],
    ).toContain("not in this subscription's image catalogue");
    expect(
      checkImages(
        [
          { ...ubuntu, version: "latest" },
          { ...ubuntu, version: "24.04.202412010" },
        ],
        discovery.images,
      )[0],
    ).toContain("chosen twice");
  });

  it("lists the catalogue with friendly names, Linux before Windows", () => {
    expect(catalogueImages(discovery).map((i) => i.label)).toEqual([
      "Ubuntu Server 24.04 LTS",
      "Windows Server 2022 Datacenter: Azure Edition",
    ]);
  });
});

describe("quotas against usage", () => {
  const usage: PlanQuotas = {
    quotaVms: 4,
    quotaVcpus: 16,
    quotaPublicIps: 0,
    quotaLoadBalancers: 0,
    quotaProtectedVms: 0,
  };

  it("refuses each quota below what tenants use, and only those", () => {
    const errors = checkQuotasAgainstUsage(
      { quotaVms: 3, quotaVcpus: 16, quotaPublicIps: 0, quotaLoadBalancers: 1, quotaProtectedVms: 0 },
      usage,
    );
    expect(Object.keys(errors)).toEqual(["quotaVms"]);
    expect(errors.quotaVms?.[0]).toContain("already use 4 VMs");
  });

  it("accepts quotas at or above usage", () => {
    expect(checkQuotasAgainstUsage({ ...usage, quotaVms: 4, quotaVcpus: 100 }, usage)).toEqual({});
  });
});

describe("plan form schema", () => {
  const form = () => {
    const f = new FormData();
    f.set("name", " Gold ");
    f.set("azureSubscriptionId", "sub1");
    f.append("allowedSizes", "Standard_B2s");
    f.append(
      "allowedImages",
      JSON.stringify({ publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" }),
    );
    for (const [k, v] of Object.entries({
      quotaVms: "10",
      quotaVcpus: "40",
      quotaPublicIps: "5",
      quotaLoadBalancers: "2",
      quotaProtectedVms: "5",
    }))
      f.set(k, v);
    return f;
  };

  it("reads a single size and image posted by the form, trims names and defaults to private without DR", () => {
    const input = parseInput(createPlanSchema, form());
    expect(input).toMatchObject({
      name: "Gold",
      state: "private",
      offersDr: false,
      allowedSizes: ["Standard_B2s"],
      quotaVms: 10,
    });
    expect(input.allowedImages[0].sku).toBe("server");
  });

  it("puts each problem beside its field", () => {
    const f = form();
    f.delete("allowedSizes");
    f.set("quotaVms", "-1");
    f.set("quotaVcpus", "2.5");
    f.set("quotaPublicIps", "");
    f.set("name", "x".repeat(65));
    try {
      parseInput(createPlanSchema, f);
      expect.unreachable();
    } catch (error) {
      const fields = (error as InvalidInput).fieldErrors;
      expect(fields.allowedSizes?.[0]).toContain("at least one VM size");
      expect(fields.quotaVms?.[0]).toContain("cannot be negative");
      expect(fields.quotaVcpus?.[0]).toContain("whole number");
      expect(fields.quotaPublicIps?.[0]).toContain("Enter how many public IP addresses");
      expect(fields.name?.[0]).toContain("64");
    }
  });
});
