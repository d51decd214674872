import { describe, expect, it } from "vitest";
import { formatMoney, formatQuantity } from "./format";

describe("usage figures", () => {
  it("shows quantities with up to 4 decimals, and a nonzero one too small for that as < 0.0001", () => {
    expect(formatQuantity("744")).toBe("744");
    expect(formatQuantity("0.5000")).toBe("0.5");
    expect(formatQuantity("0.03234")).toBe("0.0323");
    expect(formatQuantity("0.0000396")).toBe("< 0.0001");
    expect(formatQuantity("0")).toBe("0");
  });
  it("shows money in its currency, and a dash without one", () => {
    expect(formatMoney("3.06", "USD")).toBe("$3.06");
    expect(formatMoney(null, "USD")).toBe("—");
  });
});
