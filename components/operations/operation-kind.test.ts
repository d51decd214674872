import { describe, expect, it } from "vitest";
import { describeOperationKind } from "./operation-kind";

describe("describeOperationKind", () => {
  it("uses the label map for known kinds", () => {
    expect(describeOperationKind("vm.create")).toBe("Create VM");
    expect(describeOperationKind("lb.addFrontend")).toBe("Add frontend IP");
  });

  it("falls back to noun and verb for kinds it does not know", () => {
    expect(describeOperationKind("vm.attachDisk")).toBe("VM: attach disk");
    expect(describeOperationKind("storageAccount.rotateKeys")).toBe("Storage account: rotate keys");
    expect(describeOperationKind("cleanup")).toBe("Cleanup");
  });
});
