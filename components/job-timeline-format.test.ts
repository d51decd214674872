import { describe, expect, it } from "vitest";
import { formatDuration } from "./job-timeline-format";

describe("formatDuration", () => {
  it("keeps sub-second steps in milliseconds", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(850)).toBe("850 ms");
  });
  it("uses seconds, then minutes with padded seconds, then hours", () => {
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(2 * 3600_000 + 4 * 60_000 + 30_000)).toBe("2 h 04 min");
  });
  it("shows a dash for clock skew or missing data", () => {
    expect(formatDuration(-5)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});
