import { describe, expect, it } from "vitest";
import { regionGeography } from "./geography";

describe("regionGeography", () => {
  it.each([
    ["eastus", "Americas"],
    ["westus3", "Americas"],
    ["canadacentral", "Americas"],
    ["brazilsouth", "Americas"],
    ["northeurope", "Europe"],
    ["uksouth", "Europe"],
    ["swedencentral", "Europe"],
    ["southeastasia", "Asia Pacific"],
    ["australiaeast", "Asia Pacific"],
    ["japaneast", "Asia Pacific"],
    ["centralindia", "Asia Pacific"],
    ["uaenorth", "Middle East"],
    ["southafricanorth", "Africa"],
    ["usgovvirginia", "US Government"],
    ["chinaeast2", "China"],
    ["local", "Other"],
  ])("%s is in %s", (name, geography) => {
    expect(regionGeography(name)).toBe(geography);
  });

  it("prefers the geography Azure reported", () => {
    expect(regionGeography("local", "Europe")).toBe("Europe");
    expect(regionGeography("local", "US")).toBe("Americas");
    expect(regionGeography("eastus", "Somewhere new")).toBe("Americas");
  });
});
