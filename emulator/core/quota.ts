import { ArmError } from "./errors.js";
import { DEFAULT_CORE_QUOTA, type Subscription } from "./state.js";

export interface QuotaHelper {
  /** Regional vCPU limit of a subscription (control API `POST subscriptions` / `PUT quota` set it). */
  coreLimit(subscription: Subscription, location: string): number;
  /**
   * Throws Azure's 409 OperationNotAllowed quota message when `currentUsage + additional` exceeds the limit.
   * `family` is "Total Regional" or a VM family label like "standardDSv3Family".
   */
  assertCores(args: {
    subscription: Subscription;
    location: string;
    currentUsage: number;
    additional: number;
    family?: string;
    limit?: number;
  }): void;
}

export function coreLimit(subscription: Subscription, location: string): number {
  const q = subscription.coreQuota ?? {};
  return q[location.toLowerCase()] ?? q.default ?? DEFAULT_CORE_QUOTA;
}

export const quotaHelper: QuotaHelper = {
  coreLimit,
  assertCores({ subscription, location, currentUsage, additional, family = "Total Regional", limit }) {
    const max = limit ?? coreLimit(subscription, location);
    if (currentUsage + additional <= max) return;
    throw new ArmError(
      409,
      "OperationNotAllowed",
      `Operation could not be completed as it results in exceeding approved ${family} Cores quota. Additional details - Deployment Model: Resource Manager, Location: ${location}, Current Limit: ${max}, Current Usage: ${currentUsage}, Additional Required: ${additional}, (Minimum) New Limit Required: ${currentUsage + additional}. Submit a request for Quota increase at https://aka.ms/ProdportalCRP/#blade/Microsoft_Azure_Capacity/UsageAndQuota.ReactView/Parameters/ by specifying parameters listed in the ‘Details’ section for deployment to succeed.`,
    );
  },
};
