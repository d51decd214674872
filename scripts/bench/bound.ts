/**
 * The lower bound of a bulk create once Compute's PutVM windows and ARM's write bucket bind (issue 18 point 2).
 *
 * Azure describes both as buckets that start full and refill continuously (AZURE-FACTS §3: ARM writes 200, 10/s;
 * Compute's PutVM3Min 240 and PutVM30Min 1,200 per subscription, each refilled over its window), and the emulator
 * models them so. The n-th request a bucket admits therefore goes no earlier than max(0, n − size) ÷ refill after the
 * first, and for V VMs in one subscription:
 *
 *   lastPut  = max(lead, max over PutVM windows w of over(V, w), over(fixedWrites + writesPerVm·V, ARM writes))
 *              — every VM's last write is its VM PUT, so the last VM PUT waits for the last write's token too;
 *                lead: what must have Succeeded before any VM PUT (the vnet), × timeScale
 *   bound    = max over subscriptions of lastPut + VM create × timeScale
 *
 * Fixed windows (all 240 of a 3-minute window, then nothing until the next) would give ceil(V ÷ 240) − 1 whole
 * windows instead; Azure documents refill rates, so the bucket form is the one used (and the smaller, so a valid bound
 * either way). Buckets refill in real time unless the emulator runs with scaledRefill (not used by the bench).
 */
import { DEFAULT_LIMITS } from "@/emulator/core/throttling";
import { COMPUTE_POLICIES } from "@/emulator/providers/compute/throttle";
import { DURATIONS } from "@/emulator/providers/compute/constants";

export type Bucket = { capacity: number; refillPerSecond: number };

/** Seconds after the first request before a bucket has admitted `n` requests. */
export const admitSeconds = (n: number, b: Bucket) => Math.max(0, n - b.capacity) / b.refillPerSecond;

export type BulkShape = {
  /** Modelled seconds of what precedes the first VM PUT of a subscription (the one-PUT create: its vnet, 3 s). */
  leadSeconds: number;
  /** Modelled seconds of a VM create (the emulator's DURATIONS.create, 60 s). */
  vmSeconds: number;
  /** ARM writes per VM (the one-PUT create: 1) and per subscription (its vnet: 1). */
  writesPerVm: number;
  fixedWrites: number;
};

/** The portal's create today: one VM PUT that creates its NIC and public IP, after the subscription's vnet. */
export const ONE_PUT_SHAPE: BulkShape = { leadSeconds: 3, vmSeconds: DURATIONS.create, writesPerVm: 1, fixedWrites: 1 };

export type BulkBound = {
  seconds: number;
  perSubscription: { vms: number; lastPutSeconds: number; binding: string }[];
  formula: string;
};

export function bulkBound(
  vmsPerSubscription: number[],
  timeScale: number,
  shape: BulkShape = ONE_PUT_SHAPE,
  windows: { name: string; capacity: number; refillPerSecond: number }[] = COMPUTE_POLICIES.putVm.map((p) => ({
    name: p.policy,
    capacity: p.capacity,
    refillPerSecond: p.refillPerSecond,
  })),
  writes: Bucket = DEFAULT_LIMITS.writes,
): BulkBound {
  const perSubscription = vmsPerSubscription.map((vms) => {
    const candidates: [string, number][] = [
      ["vnet", shape.leadSeconds * timeScale],
      ...windows.map((w): [string, number] => [w.name, admitSeconds(vms, w)]),
      ["ARM writes", admitSeconds(shape.fixedWrites + shape.writesPerVm * vms, writes)],
    ];
    const [binding, lastPutSeconds] = candidates.reduce((a, b) => (b[1] > a[1] ? b : a));
    return { vms, lastPutSeconds, binding };
  });
  const seconds = Math.max(0, ...perSubscription.map((s) => s.lastPutSeconds)) + shape.vmSeconds * timeScale;
  return {
    seconds,
    perSubscription,
    formula:
      `max over subscriptions of max(vnet ${shape.leadSeconds} s × ${timeScale}, max(0, V − size) ÷ refill for ` +
      `${windows.map((w) => w.name.split("/").pop()).join(" and ")}, max(0, ${shape.fixedWrites} + ${shape.writesPerVm}·V − 200) ÷ 10/s ARM writes) ` +
      `+ VM ${shape.vmSeconds} s × ${timeScale}`,
  };
}
