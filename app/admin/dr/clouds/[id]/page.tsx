import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormAlert } from "@/components/form-alert";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { rerunSetupStepAction } from "@/lib/dr/actions";
import { getCloudSetup } from "@/lib/dr/queries";
import { NotFound } from "@/lib/errors";
import { notFound } from "next/navigation";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Tenant DR setup" };

const STEPS = [
  { key: "targets", field: "targetsState", label: "Storage account and network in the tenant's subscription" },
  { key: "policy", field: "policyState", label: "Replication policy and its association with the cloud" },
  { key: "mapping", field: "mappingState", label: "Network mapping" },
] as const;

export default async function CloudSetupPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await pageStaff("admin");
  const { id } = await params;
  const data = await getCloudSetup(ctx, id).catch((e) => (e instanceof NotFound ? notFound() : Promise.reject(e)));
  const { container, networks, operations } = data;
  const s = container.setup;
  const slug = container.tenant?.slug ?? "tenant";
  const pascal = (container.tenant?.name ?? "Tenant").replace(/[^A-Za-z0-9]/g, "");
  const defaults = {
    resourceGroup: s?.resourceGroup ?? `${pascal}RecoveryGroup`, storageAccount: s?.storageAccount ?? `${slug.replace(/[^a-z0-9]/g, "").slice(0, 18)}drstore`,
    vnetName: s?.vnetName ?? `${pascal}-DR-VNet`, addressSpace: s?.addressSpace ?? "10.20.0.0/16", subnetName: s?.subnetName ?? "default", subnetPrefix: s?.subnetPrefix ?? "10.20.1.0/24",
    policyName: s?.policyName ?? `${pascal}-Policy`, copyFrequencySeconds: String(s?.copyFrequencySeconds ?? 900), recoveryPointHours: String(s?.recoveryPointHours ?? 1),
    appConsistentHours: String(s?.appConsistentHours ?? 1), initialReplicationStart: s?.initialReplicationStart ?? "", vmNetworkId: s?.vmNetworkId ?? "",
  };
  const isBusy = s && STEPS.some((x) => s[x.field] === "running") || operations.some((o) => o.state === "queued" || o.state === "running");

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${container.friendlyName} — disaster recovery`}
        description={container.tenant ? `Tenant ${container.tenant.name} (${container.tenantSubscription?.name}). Replicas go to ${container.vault.region}, the vault's region.` : "Assign this cloud to a tenant subscription first."}
        breadcrumbs={[{ label: "Disaster recovery", href: "/admin/dr" }, { label: container.friendlyName }]}
      />
      <AutoRefresh isLive={Boolean(isBusy)} />
      {s && (
        <Card>
          <CardHeader><CardTitle>Setup steps</CardTitle></CardHeader>
          <CardContent className="space-y-3">
            {STEPS.map((x, n) => (
              <div key={x.key} className="flex flex-wrap items-center justify-between gap-2 border-b pb-2 last:border-0">
                <span>{n + 1}. {x.label}</span>
                <span className="flex items-center gap-2">
                  <StatusBadge state={s[x.field]} />
                  <ConfirmDialog trigger="Run again" triggerVariant="outline" triggerSize="sm" isDestructive={false} title={`Run step ${n + 1} again?`} description="Every call is a PUT of the same names, so running it again converges." action={rerunSetupStepAction.bind(null, s.id, container.id)} fields={{ step: x.key }} confirmLabel="Run" disabled={Boolean(isBusy)} />
                </span>
              </div>
            ))}
            {s.lastError && <FormAlert>{s.lastError}</FormAlert>}
            {operations[0] && <Link className="text-sm underline" href={`/helpdesk/operations/${operations[0].id}`}>Latest setup operation and its steps</Link>}
          </CardContent>
        </Card>
      )}
      {container.tenant && container.tenantSubscription && (
        <Card>
          <CardHeader><CardTitle>{s ? "Settings" : "Set up DR for this tenant"}</CardTitle></CardHeader>
          <CardContent>
            <SetupForm containerId={container.id} tenantSubscriptionId={container.tenantSubscription.id} defaults={defaults} networks={networks.map((n) => ({ value: n.id, label: n.friendlyName }))} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
