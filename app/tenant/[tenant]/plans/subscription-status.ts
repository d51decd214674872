import { isActiveState } from "@/components/operations/operation-format";
import { kinds } from "@/lib/operations/kinds";

export type SubscriptionRow = {
  state: string;
  lastOperation: { id: string; kind: string; state: string } | null;
};

/** What a tenant user cares about: is the subscription being provisioned, ready, failed, or going away. */
export function subscriptionStatus(s: SubscriptionRow): { state: string; label: string } {
  const op = s.lastOperation;
  const isProvisioning = op?.kind === kinds.tenantSubscription.provision;
  if (s.state === "cancelling") return { state: "deleting", label: "Cancelling" };
  if (isProvisioning && isActiveState(op.state)) return { state: op.state, label: "Provisioning" };
  if (isProvisioning && op.state === "failed") return { state: "failed", label: "Provisioning failed" };
  // A cancelled provisioning may have stopped before the resource group existed: not ready, whatever the row says.
  if (isProvisioning && op.state === "cancelled") return { state: "cancelled", label: "Provisioning cancelled" };
  return { state: s.state, label: s.state === "active" ? "Ready" : s.state };
}

export const isSubscriptionBusy = (s: SubscriptionRow) =>
  s.state === "cancelling" || Boolean(s.lastOperation && isActiveState(s.lastOperation.state));
