import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, Building2, CloudCog, Layers, Monitor, ShieldCheck, XCircle } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { StatCard } from "@/components/stat-card";
import { QuotaBar } from "@/components/quota-bar";
import { RelativeTime } from "@/components/relative-time";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { OperationsChart } from "@/components/operations/operations-chart";
import { describeOperationKind } from "@/components/operations/operation-kind";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { getProviderDashboard } from "@/lib/dashboard/queries";
import { operationsPerHour } from "@/lib/jobs/queries";
import { VmBars } from "./vm-bars";
import { ExpiringCredentialItem } from "./expiring-credential-item";

export const metadata: Metadata = { title: "Provider dashboard" };

const summary = (counts: Record<string, number>, order: string[]) =>
  order
    .filter((k) => counts[k])
    .map((k) => `${counts[k]} ${k.toLowerCase()}`)
    .join(", ") || "none yet";

export default async function AdminDashboard() {
  const ctx = await pageStaff("admin");
  const [d, week] = await Promise.all([
    getProviderDashboard(ctx),
    operationsPerHour({ kind: "staff" }, { hours: 168 }),
  ]);
  const subsTotal = Object.values(d.subscriptions).reduce((a, b) => a + b, 0);
  const attention =
    d.attention.failing.length +
    d.attention.stuck.length +
    d.attention.overdue.length +
    d.attention.recentFailures.length +
    d.attention.expiringCredentials.length;
  return (
    <div className="space-y-6">
      {/* What needs attention changes without anyone here acting (a validation passes, an operation ends). */}
      <AutoRefresh isLive={false} />
      <PageHeader
        title="Provider dashboard"
        description="Your Azure offer, your customers, and what needs attention."
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-6">
        <StatCard
          label="Azure subscriptions"
          value={subsTotal}
          hint={summary(d.subscriptions, ["active", "validating", "error", "disabled"])}
          icon={CloudCog}
          href="/admin/subscriptions"
        />
        <StatCard label="Plans" value={d.plans} icon={Layers} href="/admin/plans" />
        <StatCard
          label="Tenants"
          value={d.tenants}
          hint={d.suspended ? `${d.suspended} suspended` : "All active"}
          icon={Building2}
          href="/admin/tenants"
        />
        <StatCard
          label="Virtual machines"
          value={d.vmTotal}
          hint={summary(d.vmStates, [
            "running",
            "deallocated",
            "stopped",
            "Creating",
            "Updating",
            "Deleting",
            "Failed",
          ])}
          icon={Monitor}
        />
        <StatCard
          label="Protected VMs"
          value={d.protectedVms}
          hint="Replicating to Azure with Site Recovery"
          icon={ShieldCheck}
          href="/admin/dr"
        />
        <StatCard
          label="Failed operations"
          value={d.failed24h}
          hint="In the last 24 hours"
          icon={XCircle}
          href="/admin/operations?state=failed&period=24h"
        />
      </div>

      <Card>
        <CardHeader className="flex flex-row items-center gap-2">
          <AlertTriangle className="size-4 text-warning" aria-hidden />
          <CardTitle>Needs attention</CardTitle>
        </CardHeader>
        <CardContent>
          {attention === 0 ? (
            <p className="text-sm text-muted-foreground">
              Nothing needs attention: every subscription validates, no certificate expires within 30 days and no
              operation is failing, stuck or overdue.
            </p>
          ) : (
            <ul className="divide-y text-sm">
              {d.attention.expiringCredentials.map((c) => (
                <ExpiringCredentialItem key={`${c.type}-${c.id}`} credential={c} />
              ))}
              {d.attention.failing.map((s) => (
                <li key={s.id} className="flex items-center justify-between gap-4 py-2">
                  <span>
                    Azure subscription{" "}
                    <Link className="font-medium text-primary hover:underline" href={`/admin/subscriptions/${s.id}`}>
                      {s.displayName}
                    </Link>{" "}
                    fails validation
                  </span>
                  {s.lastValidatedAt && (
                    <RelativeTime date={s.lastValidatedAt} className="shrink-0 text-xs text-muted-foreground" />
                  )}
                </li>
              ))}
              {d.attention.stuck.map((o) => (
                <li key={o.id} className="flex items-center justify-between gap-4 py-2">
                  <span>
                    <Link className="font-medium text-primary hover:underline" href={`/admin/operations/${o.id}`}>
                      {describeOperationKind(o.kind)}
                    </Link>{" "}
                    on {o.targetName} looks stuck ({o.state}, no progress)
                  </span>
                </li>
              ))}
              {d.attention.overdue.map((o) => (
                <li key={o.id} className="flex items-center justify-between gap-4 py-2">
                  <span>
                    <Link className="font-medium text-primary hover:underline" href={`/admin/operations/${o.id}`}>
                      {describeOperationKind(o.kind)}
                    </Link>{" "}
                    on {o.targetName} is overdue: running far longer than this kind of operation usually takes
                  </span>
                  {o.startedAt && (
                    <span className="shrink-0 text-xs text-muted-foreground">
                      started <RelativeTime date={o.startedAt} />
                    </span>
                  )}
                </li>
              ))}
              {d.attention.recentFailures.map((o) => (
                <li key={o.id} className="flex items-center justify-between gap-4 py-2">
                  <span className="min-w-0">
                    <Link className="font-medium text-primary hover:underline" href={`/admin/operations/${o.id}`}>
                      {describeOperationKind(o.kind)}
                    </Link>{" "}
                    on {o.targetName}
                    {o.tenant && <span className="text-muted-foreground"> ({o.tenant.name})</span>} failed
                    {o.errorCode && <code className="ml-1 rounded bg-muted px-1 font-mono text-xs">{o.errorCode}</code>}
                  </span>
                  <RelativeTime date={o.createdAt} className="shrink-0 text-xs text-muted-foreground" />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <OperationsChart buckets={week} range="7d" />

      <div className="grid gap-6 xl:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>VMs per plan</CardTitle>
          </CardHeader>
          <CardContent>
            <VmBars data={d.vmsByPlan} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>VMs per tenant</CardTitle>
          </CardHeader>
          <CardContent>
            <VmBars data={d.vmsByTenant} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>vCPU quota per subscription</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {d.quota.length === 0 && (
              <p className="text-sm text-muted-foreground">Onboard a subscription to see its quota.</p>
            )}
            {d.quota.map((q) => (
              <QuotaBar key={q.id} label={q.name} used={q.used} limit={q.limit || null} unit="vCPUs" />
            ))}
            <p className="text-xs text-muted-foreground">
              Portal VMs against Azure&apos;s regional vCPU limits, in the regions where each subscription runs VMs.
            </p>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
