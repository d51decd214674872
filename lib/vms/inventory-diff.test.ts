import { describe, expect, it } from "vitest";
import { diffInventory } from "./inventory-diff";

const vm = (id: string, over: Partial<Parameters<typeof diffInventory>[0][number]> = {}) => ({
  id,
  azureResourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${id}`,
  provisioningState: "Succeeded",
  powerState: "running",
  isMissing: false,
  ...over,
});
const azure = (id: string, powerState: string, provisioningState = "Succeeded") => ({
  id: `/subscriptions/S/resourcegroups/RG/providers/Microsoft.Compute/virtualMachines/${id}`,
  powerState,
  provisioningState,
});

describe("inventory diff", () => {
  it("picks up power changes made outside the portal, matching ids case-insensitively", () => {
    expect(diffInventory([vm("a"), vm("b")], [azure("a", "deallocated"), azure("b", "running")])).toEqual([
      { id: "a", powerState: "deallocated", provisioningState: "Succeeded", isMissing: false },
    ]);
  });
  it("marks VMs Azure no longer has as missing, and clears the mark when they come back", () => {
    expect(diffInventory([vm("gone")], [])).toEqual([
      { id: "gone", powerState: "running", provisioningState: "Succeeded", isMissing: true },
    ]);
    expect(diffInventory([vm("back", { isMissing: true })], [azure("back", "running")])).toEqual([
      { id: "back", powerState: "running", provisioningState: "Succeeded", isMissing: false },
    ]);
  });
  it("leaves VMs an operation is working on, and VMs not yet in Azure, alone", () => {
    expect(
      diffInventory([vm("busy", { provisioningState: "Updating" }), vm("new", { azureResourceId: null })], []),
    ).toEqual([]);
  });
});
