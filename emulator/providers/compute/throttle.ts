import type { RequestContext } from "../../core/plugin.js";
import type { RpPolicy } from "../../core/throttling.js";

/**
 * Compute's own throttling windows (AZURE-FACTS §3; the 3Min/30Min pairs and their sizes as seen in recorded
 * `x-ms-ratelimit-remaining-resource` headers, e.g. LowCostGet3Min;3998 and GetOperation3Min;49999). Per
 * subscription only: the per-resource windows' header names are not documented. They follow the emulator's
 * throttling config: off when throttling is disabled, and refilled on the scaled clock with `scaledRefill`.
 */
const pair = (group: string, per3Min: number, per30Min: number): RpPolicy[] => [
  { policy: `Microsoft.Compute/${group}3Min`, capacity: per3Min, refillPerSecond: per3Min / 180 },
  { policy: `Microsoft.Compute/${group}30Min`, capacity: per30Min, refillPerSecond: per30Min / 1800 },
];

export const COMPUTE_POLICIES = {
  putVm: pair("PutVM", 240, 1200),
  deleteVm: pair("DeleteVM", 240, 1200),
  lowCostGet: pair("LowCostGet", 4000, 32000),
  highCostGet: pair("HighCostGet", 140, 700),
  getOperation: pair("GetOperation", 50000, 400000),
};

export type ComputePolicy = keyof typeof COMPUTE_POLICIES;

export const throttle = (ctx: RequestContext, group: ComputePolicy) => ctx.throttle(COMPUTE_POLICIES[group]);
