import { describe, expect, it } from "vitest";
import { classifyExpiry, describeExpiry, EXPIRY_WARNING_DAYS, formatExpiryDate } from "./credential-expiry";

const now = new Date("2026-12-07T12:00:00Z");
const at = (days: number, ms = 0) => new Date(now.getTime() + days * 86_400_000 + ms);

describe("classifyExpiry", () => {
  it("counts whole days left and warns from 30 days on", () => {
    expect(EXPIRY_WARNING_DAYS).toBe(30);
    expect(classifyExpiry(at(95), now)).toEqual({ state: "valid", daysLeft: 95 });
    expect(classifyExpiry(at(31), now)).toEqual({ state: "valid", daysLeft: 31 });
    // 30 days and 23 hours are 30 whole days: inside the warning.
    expect(classifyExpiry(at(30, 23 * 3_600_000), now)).toEqual({ state: "expiring", daysLeft: 30 });
    expect(classifyExpiry(at(30), now)).toEqual({ state: "expiring", daysLeft: 30 });
    expect(classifyExpiry(at(1), now)).toEqual({ state: "expiring", daysLeft: 1 });
    expect(classifyExpiry(at(0, 1), now)).toEqual({ state: "expiring", daysLeft: 0 });
  });

  it("is expired from its notAfter on", () => {
    expect(classifyExpiry(now, now)).toEqual({ state: "expired", daysLeft: 0 });
    expect(classifyExpiry(at(0, -1), now)).toEqual({ state: "expired", daysLeft: 0 });
    expect(classifyExpiry(at(-3), now)).toEqual({ state: "expired", daysLeft: -3 });
  });

  it("says it the way the pages do", () => {
    expect(describeExpiry(classifyExpiry(at(95), now))).toBe("in 95 days");
    expect(describeExpiry(classifyExpiry(at(1), now))).toBe("in 1 day");
    expect(describeExpiry(classifyExpiry(at(0, 60_000), now))).toBe("within a day");
    expect(describeExpiry(classifyExpiry(now, now))).toBe("expired today");
    expect(describeExpiry(classifyExpiry(at(-1), now))).toBe("expired 1 day ago");
    expect(describeExpiry(classifyExpiry(at(-3), now))).toBe("expired 3 days ago");
    expect(formatExpiryDate(new Date(2027, 2, 12, 10))).toBe("12 Mar 2027");
  });
});
