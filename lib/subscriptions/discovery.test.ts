import { describe, expect, it } from "vitest";
import { PLATFORM_IMAGES } from "@/emulator/providers/compute/images";
import { imageLabel } from "./discovery";

describe("imageLabel", () => {
  it("names Windows editions and generations apart", () => {
    const label = (sku: string) => imageLabel({ publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku });
    expect(label("2019-Datacenter")).toBe("Windows Server 2019 Datacenter");
    expect(label("2019-datacenter-gensecond")).toBe("Windows Server 2019 Datacenter (Gen2)");
    expect(label("2022-datacenter-g2")).toBe("Windows Server 2022 Datacenter (Gen2)");
    expect(label("2022-datacenter-azure-edition")).toBe("Windows Server 2022 Datacenter: Azure Edition");
    expect(label("2022-datacenter-core-g2")).toBe("Windows Server 2022 Datacenter Core (Gen2)");
  });

  it("gives every image of a full catalogue its own name, so pickers never show two alike", () => {
    const labels = PLATFORM_IMAGES.map(imageLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
