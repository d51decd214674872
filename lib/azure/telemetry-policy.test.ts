import { describe, expect, it } from "vitest";
import { failureName, resourceProviderOf } from "./telemetry-policy";

describe("resourceProviderOf", () => {
  it("names the resource provider of an ARM path, never a resource's name", () => {
    const sub = "/subscriptions/6f1c2a3b-0000-4000-8000-000000000001";
    expect(resourceProviderOf(`${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`)).toBe(
      "Microsoft.Compute",
    );
    expect(resourceProviderOf(`${sub}/providers/Microsoft.Network/locations/eastus/operations/abc`)).toBe(
      "Microsoft.Network",
    );
    expect(
      resourceProviderOf(`${sub}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/replicationFabrics/f`),
    ).toBe("Microsoft.RecoveryServices");
    expect(resourceProviderOf(`${sub}/resourcegroups/portal-abc`)).toBe("Microsoft.Resources");
    expect(resourceProviderOf(`${sub}/locations`)).toBe("Microsoft.Resources");
    expect(resourceProviderOf("/providers/Microsoft.Compute/operations")).toBe("Microsoft.Compute");
    expect(resourceProviderOf("/tenant-id/oauth2/v2.0/token")).toBe("other");
  });
});

describe("failureName", () => {
  it("names what stopped a request without an answer: the socket's code, else the error's name", () => {
    expect(failureName(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toBe("ECONNRESET");
    expect(failureName(new DOMException("The operation was aborted.", "AbortError"))).toBe("AbortError");
    expect(failureName(new TypeError("x"))).toBe("TypeError");
    expect(failureName(undefined)).toBe("error");
  });
});
