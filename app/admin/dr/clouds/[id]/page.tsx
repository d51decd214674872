import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { SetupForm } from "@/components/dr/setup-form";
import { isSetupBusy, SetupSteps } from "@/components/dr/setup-steps";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { rerunSetupStepAction, setupTenantAction } from "@/lib/dr/actions";
import { getCloudSetup } from "@/lib/dr/queries";
import { setupDefaults } from "@/lib/dr/setup-defaults";
import { NotFound } from "@/lib/errors";

export const metadata: Metadata = { title: "Tenant DR setup" };

export default async function CloudSetupPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await pageStaff("admin");
  const { id } = await params;
  const data = await getCloudSetup(ctx, id).catch((e) => (e instanceof NotFound ? notFound() : Promise.reject(e)));
  const { container, networks, operations } = data;
  const s = container.setup;
  const isBusy = isSetupBusy(s, operations);

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${container.friendlyName} — disaster recovery`}
        description={
          container.tenant
            ? `Tenant ${container.tenant.name} (${container.tenantSubscription?.name}). Replicas go to ${container.vault.region}, the vault's region.`
            : "Assign this cloud to a tenant subscription first."
        }
        breadcrumbs={[{ label: "Disaster recovery", href: "/admin/dr" }, { label: container.friendlyName }]}
      />
      <AutoRefresh isLive={isBusy} />
      {s && (
        <Card>
          <CardHeader>
            <CardTitle>Setup steps</CardTitle>
          </CardHeader>
          <CardContent>
            <SetupSteps
              setup={s}
              rerun={rerunSetupStepAction.bind(null, s.id, container.id)}
              isBusy={isBusy}
              operationHref={operations[0] && `/admin/operations/${operations[0].id}`}
            />
          </CardContent>
        </Card>
      )}
      {container.tenant && container.tenantSubscription && (
        <Card>
          <CardHeader>
            <CardTitle>{s ? "Settings" : "Set up DR for this tenant"}</CardTitle>
          </CardHeader>
          <CardContent>
            <SetupForm
              action={setupTenantAction}
              containerId={container.id}
              tenantSubscriptionId={container.tenantSubscription.id}
              defaults={setupDefaults(container.tenant, s)}
              networks={networks.map((n) => ({ value: n.id, label: n.friendlyName }))}
              isRunning={isBusy}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
