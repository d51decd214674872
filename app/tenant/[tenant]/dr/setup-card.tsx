import { SetupForm } from "@/components/dr/setup-form";
import { isSetupBusy, SetupSteps } from "@/components/dr/setup-steps";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TenantContext } from "@/lib/auth/context";
import { rerunOwnSetupStepAction, setupOwnDrAction } from "@/lib/dr/actions";
import type { getTenantDrSetup } from "@/lib/dr/queries";
import { setupDefaults } from "@/lib/dr/setup-defaults";

type OwnSetup = NonNullable<Awaited<ReturnType<typeof getTenantDrSetup>>>;

/**
 * The tenant's own DR setup: its steps for everyone, and for an owner (plan with DR, tenant active) the admin's form and
 * "Run again", bound to this tenant. The form offers only the VM networks the provider gave this tenant; the same service
 * checks all of it again.
 */
export function SetupCard({ ctx, own }: { ctx: TenantContext; own: OwnSetup }) {
  const { container, tenantSubscription, networks, operations } = own;
  const s = container.setup;
  const canSetUp = ctx.role === "owner" && ctx.tenantState !== "suspended" && tenantSubscription.plan.offersDr;
  const isBusy = isSetupBusy(s, operations);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Disaster recovery setup</CardTitle>
        <CardDescription>
          Your provider assigned {container.friendlyName} to {tenantSubscription.name}. Its VMs replicate to{" "}
          {container.vault.region}: a storage account and a network in your Azure subscription, a replication policy in
          the provider&apos;s vault, and a mapping from your on-premises VM network.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        {s ? (
          <SetupSteps
            setup={s}
            rerun={canSetUp ? rerunOwnSetupStepAction.bind(null, ctx.tenantSlug, s.id) : undefined}
            isBusy={isBusy}
            operationHref={operations[0] && `/tenant/${ctx.tenantSlug}/operations/${operations[0].id}`}
          />
        ) : (
          <p className="text-sm text-muted-foreground">
            Not set up yet.
            {canSetUp
              ? " Check the values below and run the setup."
              : " An owner of your tenant, or your provider, runs the setup."}
          </p>
        )}
        {canSetUp && networks.length === 0 && (
          <p className="text-sm text-muted-foreground">
            Your provider has not given you an on-premises VM network yet, so there is nothing to map. Ask your provider
            to give you the VMM VM network your VMs in {container.friendlyName} use; the setup form appears here once it
            has.
          </p>
        )}
        {canSetUp && networks.length > 0 && (
          <SetupForm
            action={setupOwnDrAction.bind(null, ctx.tenantSlug)}
            containerId={container.id}
            tenantSubscriptionId={tenantSubscription.id}
            defaults={setupDefaults({ name: ctx.tenantName, slug: ctx.tenantSlug }, s)}
            networks={networks.map((n) => ({ value: n.id, label: n.friendlyName }))}
            isRunning={isBusy}
          />
        )}
      </CardContent>
    </Card>
  );
}
