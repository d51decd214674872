import { describe, expect, it } from "vitest";
import { int64Field } from "./recovery-vault-gateway";

describe("int64Field", () => {
  // Azure's answer to a vault certificate upload, trimmed: resourceId is an int64 above 2^53.
  const body =
    '{"name":"c1","properties":{"authType":"AzureActiveDirectory","resourceId":154745957219930484,"serviceResourceId":"9","aadAudience":"api://t/RecoveryServices/154745957219930484"}}';

  it("keeps every digit that JSON.parse would round", () => {
    expect(JSON.parse(body).properties.resourceId).not.toBe(154745957219930484n.toString());
    expect(int64Field(body, "resourceId")).toBe("154745957219930484");
  });

  it("reads the field, not one whose name ends the same, and a quoted number too", () => {
    expect(int64Field(body, "serviceResourceId")).toBe("9");
    expect(int64Field('{"resourceId": "42"}', "resourceId")).toBe("42");
    expect(int64Field("{}", "resourceId")).toBeUndefined();
    expect(int64Field(undefined, "resourceId")).toBeUndefined();
  });
});
