import { describe, expect, it } from "vitest";
import { admitSeconds, bulkBound, ONE_PUT_SHAPE } from "./bound.ts";

describe("bulk lower bound with Compute's PutVM windows", () => {
  it("admits a bucket's size at once, then one request per refill", () => {
    const w = { capacity: 240, refillPerSecond: 240 / 180 };
    expect(admitSeconds(240, w)).toBe(0);
    expect(admitSeconds(241, w)).toBeCloseTo(0.75);
    expect(admitSeconds(500, w)).toBeCloseTo(195);
  });

  it("2,000 VMs in 4 subscriptions: the 3-minute window binds, then one VM create", () => {
    const b = bulkBound([500, 500, 500, 500], 1);
    // 260 past the 240 at 240 per 180 s = 195 s; the 30-minute window (1,200) and ARM's writes (501 ≤ 200 + 30 s of
    // refill) bind less; then the last VM's 60 s.
    expect(b.perSubscription[0]).toMatchObject({ binding: "Microsoft.Compute/PutVM3Min" });
    expect(b.perSubscription[0].lastPutSeconds).toBeCloseTo(195);
    expect(b.seconds).toBeCloseTo(255);
  });

  it("few VMs: only the chain (vnet, then the VM) counts, on the scaled clock", () => {
    const b = bulkBound([50, 50, 50, 50], 0.1);
    expect(b.perSubscription.every((s) => s.binding === "vnet")).toBe(true);
    expect(b.seconds).toBeCloseTo((ONE_PUT_SHAPE.leadSeconds + ONE_PUT_SHAPE.vmSeconds) * 0.1);
  });

  it("the 30-minute window binds past 2,160 VMs (its slower refill), and with three PUTs per VM ARM writes bind before the windows", () => {
    expect(bulkBound([3000], 1).perSubscription[0].binding).toBe("Microsoft.Compute/PutVM30Min");
    const threePuts = bulkBound([100], 1, { ...ONE_PUT_SHAPE, writesPerVm: 3 });
    expect(threePuts.perSubscription[0].binding).toBe("ARM writes");
    expect(threePuts.perSubscription[0].lastPutSeconds).toBeCloseTo((1 + 300 - 200) / 10);
  });
});
