import type { ConformanceArea } from "./area.js";
import { billing } from "./billing.js";
import { compute } from "./compute.js";
import { computeSources } from "./compute-sources.js";
import { network } from "./network.js";
import { siteRecovery } from "./site-recovery.js";

export type { ConformanceArea, ReplayRequest } from "./area.js";
export { PREREQUISITE_IMAGE } from "./area.js";
export const AREAS: ConformanceArea[] = [billing, compute, computeSources, network, siteRecovery];
