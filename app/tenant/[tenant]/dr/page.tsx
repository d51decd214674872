import type { Metadata } from "next";
import { ShieldCheck } from "lucide-react";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { isSetupBusy } from "@/components/dr/setup-steps";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageTenant } from "@/lib/auth/page-context";
import { roleAllows } from "@/lib/auth/roles";
import { refreshProtectionAction } from "@/lib/dr/actions";
import { getDrDashboard, getTenantDr, getTenantDrSetup } from "@/lib/dr/queries";
import { isReplicationMoving } from "@/lib/dr/replication";
import { DrDashboard, duration } from "./dashboard";
import { ProtectForm } from "./protect-form";
import { SetupCard } from "./setup-card";

export const metadata: Metadata = { title: "Disaster recovery" };

export default async function TenantDrPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await pageTenant(tenant);
  const [own, dr] = await Promise.all([getTenantDrSetup(ctx), getTenantDr(ctx)]);
  if (!own && !dr) {
    return (
      <div className="space-y-6">
        <PageHeader title="Disaster recovery" />
        <EmptyState
          icon={ShieldCheck}
          title="No on-premises cloud is assigned to you yet"
          description="Disaster recovery replicates the VMs of your VMM cloud to your Azure subscription. Ask your provider to assign your VMM cloud to your subscription, on a plan that offers disaster recovery."
        />
      </div>
    );
  }
  if (own && !own.tenantSubscription.plan.offersDr && !dr) {
    return (
      <div className="space-y-6">
        <PageHeader title="Disaster recovery" />
        <EmptyState
          icon={ShieldCheck}
          title="Your plan does not include disaster recovery"
          description={`${own.container.friendlyName} is assigned to ${own.tenantSubscription.name}, whose plan ${own.tenantSubscription.plan.name} does not offer disaster recovery. Ask your provider to move it to a plan that does.`}
        />
      </div>
    );
  }
  if (!dr) {
    return (
      <div className="space-y-6">
        <AutoRefresh isLive={isSetupBusy(own!.container.setup, own!.operations)} />
        <PageHeader title="Disaster recovery" />
        <SetupCard ctx={ctx} own={own!} />
      </div>
    );
  }

  const dash = await getDrDashboard(ctx);
  const canEdit = roleAllows(ctx.role, "operator") && dr.isReady;
  // Live while Azure works on a VM (the worker follows it) or the setup runs; a VM waiting for its owner (failed over, commit pending) is not.
  const isBusy =
    dr.isActing ||
    dr.items.some((i) => i.state === "enabling" || i.state === "disabling" || isReplicationMoving(i)) ||
    (own ? isSetupBusy(own.container.setup, own.operations) : false);

  return (
    <div className="space-y-6">
      <AutoRefresh isLive={isBusy} />
      <PageHeader
        title="Disaster recovery"
        description={`${dr.setup.container.friendlyName} replicates to ${dr.setup.container.vault.region} in your Azure subscription (storage ${dr.setup.storageAccount}, network ${dr.setup.vnetName}). Copy frequency ${duration(dr.setup.copyFrequencySeconds)}, ${dr.setup.recoveryPointHours} h of recovery points. Replication state is read from Azure on a schedule, and followed live while Azure works on a VM.`}
        actions={
          roleAllows(ctx.role, "operator") &&
          ctx.tenantState === "active" && (
            <ConfirmDialog
              trigger="Refresh state"
              triggerVariant="outline"
              isDestructive={false}
              title="Read replication state from Azure?"
              action={refreshProtectionAction.bind(null, tenant)}
              confirmLabel="Refresh"
            />
          )
        }
      />
      {!dr.isReady && own && <SetupCard ctx={ctx} own={own} />}
      {!dr.isReady && !own && (
        <p className="text-sm text-muted-foreground">
          Disaster recovery is still being set up; protection can be enabled once it is done.
        </p>
      )}
      <DrDashboard tenant={tenant} dash={dash} quota={dr.setup.tenantSubscription.plan.quotaProtectedVms} />
      <Card>
        <CardHeader>
          <CardTitle>On-premises VMs in {dr.setup.container.friendlyName}</CardTitle>
        </CardHeader>
        <CardContent>
          {dr.vms.length === 0 ? (
            <EmptyState
              icon={ShieldCheck}
              title="No VMs in this cloud"
              description="VMs appear here once VMM reports them to the vault."
              bare
            />
          ) : (
            <ProtectForm
              tenant={tenant}
              canEdit={canEdit}
              vms={dr.vms.map((v) => {
                const item = dr.items.find((i) => i.armName === v.armName);
                return {
                  armName: v.armName,
                  name: v.name,
                  osType: v.osType,
                  osName: v.osName,
                  disks: v.disks.length,
                  protectedItemId: item?.id ?? null,
                  state: item
                    ? item.state === "protected"
                      ? item.replicationHealth === "Normal"
                        ? "succeeded"
                        : (item.protectionState ?? "running")
                      : item.state
                    : null,
                  failoverState: item ? `${item.protectionDescription ?? ""} · ${item.failoverState}` : null,
                };
              })}
            />
          )}
        </CardContent>
      </Card>
      {dr.isReady && own && <SetupCard ctx={ctx} own={own} />}
    </div>
  );
}
