import type { ConformanceArea } from "./area.js";

/** Network: what a virtual network or NIC can draw on beyond the network resources the emulator serves. */
export const network: ConformanceArea = {
  unmodelled: [[/\/providers\/Microsoft\.Network\/networkManagers\//i, "network manager IPAM pool"]],
};
