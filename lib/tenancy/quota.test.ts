import { describe, expect, it } from "vitest";
import { QuotaExceeded } from "@/lib/errors";
import { assertQuotaLines, quotaExceededMessage, quotaOverruns, type QuotaLine } from "./quota";

const line = (what: string, used: number, adding: number, limit: number): QuotaLine => ({ what, used, adding, limit });

describe("quota maths", () => {
  it("allows a request that lands exactly on the limit, and refuses one unit more", () => {
    expect(quotaOverruns([line("VMs", 2, 1, 3)])).toEqual([]);
    expect(quotaOverruns([line("VMs", 2, 2, 3)])).toEqual([line("VMs", 2, 2, 3)]);
  });

  it("returns only the lines over their limit, in the order given", () => {
    const lines = [line("VMs", 1, 1, 5), line("vCPUs", 8, 4, 10), line("public IPs", 3, 1, 3)];
    expect(quotaOverruns(lines).map((l) => l.what)).toEqual(["vCPUs", "public IPs"]);
  });

  it("never refuses a line that adds nothing or frees capacity, even when usage is already over the limit", () => {
    expect(quotaOverruns([line("load balancers", 4, 0, 2), line("vCPUs", 12, -2, 10)])).toEqual([]);
  });

  it("treats a limit of 0 as offering none", () => {
    expect(quotaOverruns([line("public IPs", 0, 1, 0)])).toHaveLength(1);
  });

  it("names every exceeded quota with its figures, then the advice", () => {
    expect(
      quotaExceededMessage(
        [line("VMs", 2, 2, 3), line("vCPUs", 4, 4, 6)],
        "Delete resources or ask your provider for a larger plan.",
      ),
    ).toBe(
      "Your plan's quota would be exceeded: VMs 2 used + 2 requested > 3 allowed; vCPUs 4 used + 4 requested > 6 allowed. Delete resources or ask your provider for a larger plan.",
    );
  });

  it("throws QuotaExceeded only when a line is over", () => {
    expect(() => assertQuotaLines([line("VMs", 0, 1, 1)], "x")).not.toThrow();
    expect(() => assertQuotaLines([line("VMs", 1, 1, 1)], "Ask for more.")).toThrow(QuotaExceeded);
    expect(() => assertQuotaLines([line("VMs", 1, 1, 1)], "Ask for more.")).toThrow(
      "VMs 1 used + 1 requested > 1 allowed. Ask for more.",
    );
  });
});
