import Link from "next/link";
import { isActiveState } from "@/components/operations/operation-format";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Subscription = {
  id: string;
  name: string;
  state: string;
  resourceGroup: string;
  plan: { name: string };
  lastOperation: { id: string; kind: string; state: string } | null;
};

/** What a tenant user cares about: is the subscription being provisioned, ready, failed, or going away. */
function subscriptionStatus(s: Subscription): { state: string; label: string } {
  const op = s.lastOperation;
  const isProvisioning = op?.kind === "tenantSubscription.provision";
  if (s.state === "cancelling") return { state: "deleting", label: "Cancelling" };
  if (isProvisioning && isActiveState(op.state)) return { state: op.state, label: "Provisioning" };
  if (isProvisioning && op.state === "failed") return { state: "failed", label: "Provisioning failed" };
  return { state: s.state, label: s.state === "active" ? "Ready" : s.state };
}

export const isSubscriptionBusy = (s: Subscription) => s.state === "cancelling" || Boolean(s.lastOperation && isActiveState(s.lastOperation.state));

/** The tenant's own subscriptions on its Plans page, each with its provisioning followed live by the page. */
export function MySubscriptions({ tenant, subscriptions }: { tenant: string; subscriptions: Subscription[] }) {
  const live = subscriptions.filter((s) => s.state !== "cancelled");
  if (live.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your subscriptions</CardTitle>
        <CardDescription>Each one gets its own resource group in Azure; a new one is ready once its resource group exists.</CardDescription>
      </CardHeader>
      <CardContent>
        <Table aria-label="Your subscriptions">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Name</TableHead>
              <TableHead>Plan</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="max-md:hidden">Resource group</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {live.map((s) => {
              const status = subscriptionStatus(s);
              return (
                <TableRow key={s.id}>
                  <TableCell className="font-medium">{s.name}</TableCell>
                  <TableCell>{s.plan.name}</TableCell>
                  <TableCell>
                    {s.lastOperation ? (
                      <Link href={`/tenant/${tenant}/operations/${s.lastOperation.id}`} className="hover:underline focus-visible:underline focus-visible:outline-none" title="Open the operation">
                        <StatusBadge state={status.state} label={status.label} />
                      </Link>
                    ) : (
                      <StatusBadge state={status.state} label={status.label} />
                    )}
                  </TableCell>
                  <TableCell className="font-mono text-xs max-md:hidden">{s.resourceGroup}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
