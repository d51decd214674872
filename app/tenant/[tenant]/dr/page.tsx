import type { Metadata } from "next";
import { ShieldCheck } from "lucide-react";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatCard } from "@/components/stat-card";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageTenant } from "@/lib/auth/page-context";
import { roleAllows } from "@/lib/auth/roles";
import { refreshProtectionAction } from "@/lib/dr/actions";
import { getDrDashboard, getTenantDr } from "@/lib/dr/queries";
import { ProtectForm } from "./protect-form";

export const metadata: Metadata = { title: "Disaster recovery" };

const minutes = (s: number | null | undefined) => (s == null ? "—" : s < 120 ? `${s} s` : `${Math.round(s / 60)} min`);

export default async function TenantDrPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await pageTenant(tenant);
  const dr = await getTenantDr(ctx);
  if (!dr) {
    return (
      <div className="space-y-6">
        <PageHeader title="Disaster recovery" />
        <EmptyState icon={ShieldCheck} title="Disaster recovery is not set up yet" description="Your provider assigns your on-premises VMM cloud and sets up replication to your Azure subscription. Ask them to enable it for your plan." />
      </div>
    );
  }
  const dash = await getDrDashboard(ctx);
  const canEdit = roleAllows(ctx.role, "operator") && dr.isReady;
  const isBusy = dr.items.some((i) => i.state === "enabling" || i.state === "disabling" || (i.protectionState !== "Protected" && i.protectionState !== "FailoverCommitted" && i.protectionState !== "FailbackCommitted"));
  const worstRpo = dash.rpoTrend.at(-1)?.rpoSeconds;

  return (
    <div className="space-y-6">
      <AutoRefresh isLive={isBusy} />
      <PageHeader
        title="Disaster recovery"
        description={`${dr.setup.container.friendlyName} replicates to ${dr.setup.container.vault.region} in your Azure subscription (storage ${dr.setup.storageAccount}, network ${dr.setup.vnetName}). Copy frequency ${minutes(dr.setup.copyFrequencySeconds)}, ${dr.setup.recoveryPointHours} h of recovery points.`}
        actions={<ConfirmDialog trigger="Refresh state" triggerVariant="outline" isDestructive={false} title="Read replication state from Azure?" action={refreshProtectionAction.bind(null, tenant)} confirmLabel="Refresh" />}
      />
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label="Protected VMs" value={`${dash.total} / ${dr.setup.tenantSubscription.plan.quotaProtectedVms}`} />
        <StatCard label="Healthy" value={String(dash.byHealth.Normal ?? 0)} />
        <StatCard label="Warning / critical" value={String((dash.byHealth.Warning ?? 0) + (dash.byHealth.Critical ?? 0))} />
        <StatCard label="Worst RPO (last hour)" value={minutes(worstRpo)} />
      </div>
      {!dr.isReady && <p className="text-sm text-muted-foreground">Your provider is still setting up disaster recovery; protection can be enabled once it is done.</p>}
      <Card>
        <CardHeader><CardTitle>On-premises VMs in {dr.setup.container.friendlyName}</CardTitle></CardHeader>
        <CardContent>
          {dr.vms.length === 0 ? (
            <EmptyState icon={ShieldCheck} title="No VMs in this cloud" description="VMs appear here once VMM reports them to the vault." bare />
          ) : (
            <ProtectForm tenant={tenant} canEdit={canEdit} vms={dr.vms.map((v) => {
              const item = dr.items.find((i) => i.armName === v.armName);
              return { armName: v.armName, name: v.name, osType: v.osType, osName: v.osName, disks: v.disks.length, protectedItemId: item?.id ?? null, state: item ? (item.state === "protected" ? (item.replicationHealth === "Normal" ? "succeeded" : item.protectionState ?? "running") : item.state) : null, failoverState: item ? `${item.protectionDescription ?? ""} · ${item.failoverState}` : null };
            })} />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>RPO and test failovers</CardTitle></CardHeader>
        <CardContent className="grid gap-6 sm:grid-cols-2 text-sm">
          <div>
            <h4 className="mb-2 font-medium">Worst RPO per hour (24 h)</h4>
            {dash.rpoTrend.length === 0 ? <p className="text-muted-foreground">No samples yet.</p> : (
              <ul className="space-y-1">{dash.rpoTrend.map((p) => <li key={p.at} className="flex justify-between"><span>{p.at.slice(11, 16)} UTC</span><span>{minutes(p.rpoSeconds)}</span></li>)}</ul>
            )}
          </div>
          <div>
            <h4 className="mb-2 font-medium">Last test failover</h4>
            {dash.tests.length === 0 ? <p className="text-muted-foreground">No protected VMs.</p> : (
              <ul className="space-y-1">{dash.tests.map((t) => <li key={t.id} className="flex justify-between"><span>{t.vmName}</span><span>{t.lastTestFailoverAt ? t.lastTestFailoverAt.toISOString().slice(0, 10) : "Never"}</span></li>)}</ul>
            )}
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
