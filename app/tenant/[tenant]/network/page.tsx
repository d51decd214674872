import type { Metadata } from "next";
import Link from "next/link";
import { Layers, Network, Plus } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { pageTenant } from "@/lib/auth/page-context";
import { roleAllows } from "@/lib/auth/roles";
import { getLoadBalancerFormOptions, listLoadBalancers } from "@/lib/network/queries";
import { RefreshButton } from "./refresh-button";

export const metadata: Metadata = { title: "Load balancers" };

export default async function LoadBalancersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const ctx = await pageTenant((await params).tenant);
  const base = `/tenant/${ctx.tenantSlug}/network`;
  const canChange = roleAllows(ctx.role, "operator") && ctx.tenantState === "active";
  const [lbs, options] = await Promise.all([listLoadBalancers(ctx), getLoadBalancerFormOptions(ctx)]);
  const createButton = canChange && options.subscriptions.length > 0 && (
    <Button asChild>
      <Link href={`${base}/new`}>
        <Plus aria-hidden /> Create load balancer
      </Link>
    </Button>
  );
  const refresh = canChange && options.subscriptions.length === 1 && (
    <RefreshButton
      tenant={ctx.tenantSlug}
      fields={{ tenantSubscriptionId: options.subscriptions[0].id }}
      label="Find in Azure"
    />
  );

  return (
    <div className="space-y-6">
      {lbs.some((lb) => ["Creating", "Updating"].includes(lb.provisioningState)) && <AutoRefresh isLive />}
      <PageHeader
        title="Load balancers"
        description="Public Azure load balancers: several public IP addresses (VIPs) in front of the same VMs, each with its own probe and rules."
        actions={
          lbs.length > 0 ? (
            <div className="flex flex-wrap gap-2">
              {refresh}
              {createButton}
            </div>
          ) : undefined
        }
      />
      {lbs.length === 0 ? (
        options.subscriptions.length === 0 ? (
          <EmptyState
            icon={Layers}
            title="You need a subscription first"
            description="Load balancers live in a subscription to one of your provider's plans, which sets how many load balancers and public IPs you can have."
            action={
              <Button asChild variant="outline">
                <Link href={`/tenant/${ctx.tenantSlug}/plans`}>See plans</Link>
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Network}
            title="No load balancers yet"
            description={
              canChange
                ? "Create one in front of your VMs with a first public IP, a health probe and a rule; add more public IPs (one per SSL site) afterwards. Load balancers already in your resource group can be found with “Find in Azure”."
                : "Load balancers that operators and owners of your tenant create appear here."
            }
            action={
              (createButton || refresh) && (
                <div className="flex flex-wrap justify-center gap-2">
                  {refresh}
                  {createButton}
                </div>
              )
            }
          />
        )
      ) : (
        <Table aria-label="Load balancers">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Frontends (public IPs)</TableHead>
              <TableHead className="hidden md:table-cell">Backend pools</TableHead>
              <TableHead className="hidden lg:table-cell">Rules</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lbs.map((lb) => (
              <TableRow key={lb.id}>
                <TableCell>
                  <Link
                    href={`${base}/${lb.id}`}
                    className="font-medium text-primary underline-offset-4 hover:underline"
                  >
                    {lb.name}
                  </Link>
                  <span className="block text-xs text-muted-foreground">
                    {lb.sku} · {lb.region} · {lb.resourceGroup}
                  </span>
                </TableCell>
                <TableCell>
                  <span title={lb.errorMessage ?? undefined}>
                    <StatusBadge state={lb.provisioningState} />
                  </span>
                </TableCell>
                <TableCell>
                  <ul className="space-y-0.5 text-sm">
                    {lb.frontends.map((fe) => (
                      <li key={fe.name}>
                        {fe.name}{" "}
                        <span className="font-mono text-xs text-muted-foreground">
                          {fe.publicIpAddress ?? fe.publicIpName ?? ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                </TableCell>
                <TableCell className="hidden text-sm md:table-cell">
                  {lb.backendPools.map((p) => (
                    <span key={p.name} className="block">
                      {p.name}{" "}
                      <span className="text-muted-foreground">
                        ({p.members.length ? p.members.map((m) => m.vmName).join(", ") : "empty"})
                      </span>
                    </span>
                  ))}
                </TableCell>
                <TableCell className="hidden text-sm lg:table-cell">{lb.rules.length}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
