import { closeDays, firstOpenDay } from "./close";
import { DAY_MS, isoDay, rollupDays, utcDay, type RollupResult } from "./rollup";

/** Late changes to closed days (adjustments) are looked for back to the start of the previous month. */
export const recheckFrom = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));

export type RollupWindow = { from: Date; to: Date; firstOpen: Date };

/** The days a run rolls up: every open day and the recheck window, through today. Null before anything was metered. */
export async function rollupWindow(now: Date): Promise<RollupWindow | null> {
  const firstOpen = await firstOpenDay();
  if (!firstOpen) return null;
  const recheck = recheckFrom(now);
  const from = firstOpen < recheck ? firstOpen : recheck;
  return { from, to: new Date(utcDay(now).getTime() + DAY_MS), firstOpen };
}

/** One whole run outside the job (scripts, tests): roll up, then close what is due. */
export async function runUsageRollup(now = new Date()): Promise<(RollupResult & { closed: string[] }) | null> {
  const window = await rollupWindow(now);
  if (!window) return null;
  const result = await rollupDays(window.from, window.to, now);
  return { ...result, closed: await closeDays(window.firstOpen, now) };
}

export const describeWindow = (w: RollupWindow) => `${isoDay(w.from)} to ${isoDay(new Date(w.to.getTime() - DAY_MS))}`;
