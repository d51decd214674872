import type { Metadata } from "next";
import Link from "next/link";
import { Activity, Cpu, Layers, Server, ShieldCheck, Users } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { isActiveState } from "@/components/operations/operation-format";
import { OperationList } from "@/components/operations/operation-list";
import { StatCard } from "@/components/stat-card";
import { StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/empty-state";
import { FormAlert } from "@/components/form-alert";
import { QuotaBar } from "@/components/quota-bar";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageTenant } from "@/lib/auth/page-context";
import { tenantRoleLabels } from "@/lib/auth/roles";
import { getDrDashboard } from "@/lib/dr/queries";
import { listOperations } from "@/lib/jobs/queries";
import { getTenantOverview } from "@/lib/tenancy/queries";
import { countVmsByState, listVmSubscriptions } from "@/lib/vms/queries";
import { SubscriptionUsage } from "./subscription-usage";

export const metadata: Metadata = { title: "Overview" };

export default async function TenantOverview({ params }: { params: Promise<{ tenant: string }> }) {
  const ctx = await pageTenant((await params).tenant);
  const base = `/tenant/${ctx.tenantSlug}`;
  const [overview, subscriptions, recent] = await Promise.all([
    getTenantOverview(ctx),
    listVmSubscriptions(ctx),
    listOperations({ kind: "tenant", tenantId: ctx.tenantId }, { skip: 0, take: 6 }),
  ]);
  const counts = await Promise.all(subscriptions.map((s) => countVmsByState(ctx, s.id)));
  const totalVms = subscriptions.reduce((n, s) => n + s.used.vms, 0);
  const running = counts.reduce((n, c) => n + (c.running ?? 0), 0);
  const vcpus = subscriptions.reduce((n, s) => n + s.used.vcpus, 0);
  const drPlans = subscriptions.filter((s) => s.offersDr);
  const dr = drPlans.length > 0 ? await getDrDashboard(ctx) : null;
  const pending = overview.subscriptions.filter((s) => s.state !== "active");
  // Followed live while an operation shown here is moving or a subscription is still changing state.
  const isLive = pending.length > 0 || recent.rows.some((o) => isActiveState(o.state));

  return (
    <div className="space-y-6">
      {isLive && <AutoRefresh isLive />}
      <PageHeader
        title={ctx.tenantName}
        description={`You are signed in as ${tenantRoleLabels[ctx.role].toLowerCase()} of ${ctx.tenantName}.`}
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          label="Virtual machines"
          value={totalVms}
          hint={`${running} running`}
          icon={Server}
          href={`${base}/vms`}
        />
        <StatCard label="vCPUs in use" value={vcpus} hint="Across your subscriptions" icon={Cpu} />
        <StatCard
          label="Subscriptions"
          value={overview.subscriptions.length}
          hint="Plans you are subscribed to"
          icon={Layers}
          href={`${base}/plans`}
        />
        <StatCard label="Members" value={overview.members} hint="People with access to this tenant" icon={Users} />
      </div>
      {pending.length > 0 && (
        <FormAlert variant="info">
          {pending.map((s) => s.name).join(", ")} {pending.length === 1 ? "is" : "are"} not active yet;{" "}
          {pending.length === 1 ? "its" : "their"} quota appears here once provisioned.
        </FormAlert>
      )}
      {overview.subscriptions.length === 0 ? (
        <EmptyState
          icon={Layers}
          title="No subscriptions yet"
          description={
            ctx.role === "owner"
              ? "Choose one of your provider's plans to get a resource group in Azure with its quotas; it appears here once you subscribe."
              : "An owner of your tenant, or your service provider, subscribes you to a plan; its resources and quotas then appear here."
          }
          action={
            ctx.role === "owner" && (
              <Button asChild>
                <Link href={`${base}/plans`}>Browse plans</Link>
              </Button>
            )
          }
        />
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {subscriptions.map((s, i) => (
            <SubscriptionUsage key={s.id} subscription={s} counts={counts[i]} vmsHref={`${base}/vms`} />
          ))}
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader className="flex-row items-center justify-between gap-3">
            <CardTitle className="flex items-center gap-2">
              <Activity aria-hidden className="size-4 text-muted-foreground" /> Recent operations
            </CardTitle>
            <Link href={`${base}/operations`} className="text-sm text-primary underline-offset-4 hover:underline">
              All operations
            </Link>
          </CardHeader>
          <CardContent>
            <OperationList
              rows={recent.rows}
              basePath={`${base}/operations`}
              label="Recent operations"
              emptyText="Nothing has run yet. Operations appear here when resources are created or changed."
            />
          </CardContent>
        </Card>
        {drPlans.length > 0 && (
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                <ShieldCheck aria-hidden className="size-4 text-muted-foreground" /> Protected VMs
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <QuotaBar
                label="Protected VMs"
                used={dr?.total ?? 0}
                limit={drPlans.reduce((n, s) => n + s.protectedVmsQuota, 0)}
              />
              {dr && dr.total > 0 ? (
                <ul className="flex flex-wrap gap-2" aria-label="Protected VMs by replication health">
                  {Object.entries(dr.byHealth).map(([health, n]) => (
                    <li key={health} className="inline-flex items-center gap-1.5">
                      <StatusBadge state={health} />
                      <span className="tabular-nums">{n}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-muted-foreground">
                  Your plan includes disaster recovery for on-premises VMs; none are protected yet.
                </p>
              )}
              <Link href={`${base}/dr`} className="text-primary underline-offset-4 hover:underline">
                Open disaster recovery
              </Link>
            </CardContent>
          </Card>
        )}
      </div>
    </div>
  );
}
