import { describe, expect, it } from "vitest";
import { rpoSeries } from "./dashboard";

const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00.000Z`);

describe("rpoSeries", () => {
  it("is empty without samples", () => {
    expect(rpoSeries([])).toEqual({ vms: [], points: [] });
  });

  it("keeps each VM's worst RPO per 10 minutes, in time order, one series per VM", () => {
    const { vms, points } = rpoSeries([
      { at: at("10:12"), rpoSeconds: 300, vmName: "VM02" },
      { at: at("10:01"), rpoSeconds: 120, vmName: "VM01" },
      { at: at("10:08"), rpoSeconds: 480, vmName: "VM01" },
      { at: at("10:15"), rpoSeconds: 60, vmName: "VM01" },
    ]);
    expect(vms).toEqual(["VM01", "VM02"]);
    expect(points).toEqual([
      { at: "2026-11-25T10:00:00.000Z", VM01: 480 },
      { at: "2026-11-25T10:10:00.000Z", VM01: 60, VM02: 300 },
    ]);
  });
});
