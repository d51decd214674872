import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { subscriptionStatus, type SubscriptionRow } from "./subscription-status";

type Subscription = SubscriptionRow & { id: string; name: string; resourceGroup: string; plan: { name: string } };

/** The tenant's own subscriptions on its Plans page, each with its provisioning followed live by the page. */
export function MySubscriptions({ tenant, subscriptions }: { tenant: string; subscriptions: Subscription[] }) {
  const live = subscriptions.filter((s) => s.state !== "cancelled");
  if (live.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your subscriptions</CardTitle>
        <CardDescription>
          Each one gets its own resource group in Azure; a new one is ready once its resource group exists.
        </CardDescription>
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
                      <Link
                        href={`/tenant/${tenant}/operations/${s.lastOperation.id}`}
                        className="hover:underline focus-visible:underline focus-visible:outline-none"
                        title="Open the operation"
                      >
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
