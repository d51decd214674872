import { describe, expect, it } from "vitest";
import { monthPeriod, recentMonths } from "./months";

const now = new Date("2026-03-15T10:00:00Z");

describe("the Usage page's months", () => {
  it("reads this month up to today and a past month whole, February of a leap year included", () => {
    expect(monthPeriod(undefined, now)).toEqual({
      month: "2026-03",
      from: "2026-03-01",
      to: "2026-03-15",
      isCurrent: true,
    });
    expect(monthPeriod("2024-02", now)).toEqual({
      month: "2024-02",
      from: "2024-02-01",
      to: "2024-02-29",
      isCurrent: false,
    });
  });

  it("falls back to this month for a malformed or future month", () => {
    for (const bad of ["2026-13", "2026-3", "x", "2026-04", "2027-01"])
      expect(monthPeriod(bad, now).month).toBe("2026-03");
  });

  it("offers this month and the eleven before it, across the year boundary", () => {
    const months = recentMonths(now);
    expect(months).toHaveLength(12);
    expect([months[0], months[2], months[3], months[11]]).toEqual(["2026-03", "2026-01", "2025-12", "2025-04"]);
  });
});
