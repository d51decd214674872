import type { ConformanceArea } from "./area.js";

/** Cost Management: the billing scopes a cost query can be asked at. */
export const billing: ConformanceArea = {
  unmodelled: [
    [/providers\/Microsoft\.Billing\/billingAccounts\//i, "billing account scope"],
    [/providers\/Microsoft\.Management\/managementGroups\//i, "management group"],
  ],
};
