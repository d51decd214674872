import Link from "next/link";
import { QuotaBar } from "@/components/quota-bar";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { VmSubscription } from "@/lib/vms/queries";

const stateOrder = ["running", "Creating", "Updating", "Deleting", "stopped", "deallocated", "Failed", "unknown"];

/** One tenant subscription: its quota bars and its VMs counted by what they are doing. */
export function SubscriptionUsage({
  subscription,
  counts,
  vmsHref,
}: {
  subscription: VmSubscription;
  counts: Record<string, number>;
  vmsHref: string;
}) {
  const { quota, used } = subscription;
  const states = Object.entries(counts).sort(([a], [b]) => stateOrder.indexOf(a) - stateOrder.indexOf(b));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{subscription.name}</CardTitle>
        <CardDescription>Plan: {subscription.planName}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div className="grid gap-3">
          <QuotaBar label="VMs" used={used.vms} limit={quota.vms} />
          <QuotaBar label="vCPUs" used={used.vcpus} limit={quota.vcpus} />
          <QuotaBar label="Public IPs" used={used.publicIps} limit={quota.publicIps} />
        </div>
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">Virtual machines by state</h3>
          {states.length === 0 ? (
            <p className="text-sm text-muted-foreground">No VMs in this subscription yet.</p>
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label={`VMs by state in ${subscription.name}`}>
              {states.map(([state, n]) => (
                <li key={state}>
                  <Link
                    href={`${vmsHref}?subscription=${subscription.id}&state=${state}`}
                    className="inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-sm hover:bg-accent"
                  >
                    <StatusBadge state={state} />
                    <span className="tabular-nums">{n}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
