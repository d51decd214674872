import type { ConformanceArea } from "./area.js";

/** Site Recovery: the fabric, container and protected item states an example is written against. */
export const siteRecovery: ConformanceArea = {
  unmodelled: [],
};
