import { describe, expect, it } from "vitest";
import { quotaLevel } from "./quota-bar";

describe("quotaLevel", () => {
  it("stays default below 80 %", () => {
    expect(quotaLevel(7, 10)).toEqual({ percent: 70, tone: "default" });
  });
  it("warns from 80 % and turns destructive at the limit and beyond", () => {
    expect(quotaLevel(8, 10).tone).toBe("warning");
    expect(quotaLevel(10, 10).tone).toBe("destructive");
    expect(quotaLevel(12, 10)).toEqual({ percent: 120, tone: "destructive" });
  });
  it("treats a missing limit as unlimited and a zero limit as full once anything is used", () => {
    expect(quotaLevel(5, null)).toEqual({ percent: null, tone: "default" });
    expect(quotaLevel(0, 0)).toEqual({ percent: 0, tone: "default" });
    expect(quotaLevel(1, 0)).toEqual({ percent: 100, tone: "destructive" });
  });
});
