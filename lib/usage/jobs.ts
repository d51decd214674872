import { defineJob } from "@/lib/jobs/define-job";
import { enqueueOperationNow } from "@/lib/jobs/enqueue";
import { kinds } from "@/lib/operations/kinds";
import { rateUsage } from "@/lib/pricing/rate";
import { closeDays } from "./close";
import { rollupDays } from "./rollup";
import { describeWindow, rollupWindow } from "./run";

/**
 * usage.rollup (the worker's USAGE_ROLLUP_MINUTES timer): rolls the state history up into daily rows, then closes the
 * days past their grace period. Each step is one transaction per batch or day, so a worker killed mid-run leaves
 * nothing half-written: the retry recomputes the same rows (see rollup.ts). Then rates what changed (lib/pricing), so the
 * Usage pages, the report and the API show charges as fresh as the rollup.
 */
export const rollupUsageJob = defineJob({
  kind: kinds.usage.rollup,
  async run(_input, op) {
    await op.plan(["Roll up usage", "Close finished days", "Rate usage"]);
    const now = new Date();
    const window = await rollupWindow(now);
    await op.step("Roll up usage", async () => {
      if (!window) return op.note("Nothing metered yet");
      const r = await rollupDays(window.from, window.to, now);
      op.note(`${describeWindow(window)}: ${r.rows} rows written, ${r.zeroed} zeroed, ${r.adjustments} adjustments`);
      return r;
    });
    await op.step("Close finished days", async () => {
      const closed = window ? await closeDays(window.firstOpen, now) : [];
      op.note(closed.length ? `Closed ${closed[0]} to ${closed.at(-1)}` : "No day to close yet");
      return closed;
    });
    await op.step("Rate usage", async () => op.note(`${(await rateUsage()).rated} usage rows rated`));
  },
});

/** The worker's timer: one rollup at a time (an operation already queued or running is not doubled). */
export function enqueueUsageRollup() {
  return enqueueOperationNow({
    kind: kinds.usage.rollup,
    tenantId: null,
    actorId: null,
    target: { type: "Usage", id: "usage", name: "Usage rollup" },
    input: {},
  });
}
