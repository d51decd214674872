import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowUpRight, PackagePlus } from "lucide-react";
import { CopyButton } from "@/components/copy-button";
import { CredentialSummary } from "@/components/credential-summary";
import { FormAlert } from "@/components/form-alert";
import { PageHeader } from "@/components/page-header";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { OperationSteps } from "@/components/operations/operation-steps";
import { describeOperationKind } from "@/components/operations/operation-kind";
import { isActiveState } from "@/components/operations/operation-format";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { NotFound } from "@/lib/errors";
import { registerProvidersAction } from "@/lib/subscriptions/actions";
import { getSubscriptionDetail, latestValidationOperation } from "@/lib/subscriptions/queries";
import { cloudLabels } from "@/lib/subscriptions/schema";
import { DiscoveryPanels } from "./discovery-panels";
import { ActionButton } from "@/components/ui/action-button";
import { SubscriptionActions } from "./subscription-actions";
import { ValidationPanel } from "./validation-panel";

export const metadata: Metadata = { title: "Azure subscription" };

export default async function SubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await pageStaff("admin");
  const { id } = await params;
  const sub = await getSubscriptionDetail(ctx, id).catch((error) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const operation = await latestValidationOperation(sub.id);
  const isLive = sub.state === "validating" || (operation !== null && isActiveState(operation.state));
  const missingProviders = sub.validation?.unregisteredProviders ?? [];
  const ids = [
    { label: "Subscription id", value: sub.subscriptionId },
    { label: "Directory (tenant) id", value: sub.directoryId },
    { label: "Application (client) id", value: sub.clientId },
  ];

  return (
    <div className="space-y-6">
      {isLive && <AutoRefresh isLive fastMs={2_000} />}
      <PageHeader
        breadcrumbs={[{ label: "Azure subscriptions", href: "/admin/subscriptions" }, { label: sub.displayName }]}
        title={sub.displayName}
        meta={<StatusBadge state={sub.state} />}
        description={`${cloudLabels[sub.cloud]} · onboarded ${sub.createdAt.toISOString().slice(0, 10)}`}
        actions={<SubscriptionActions sub={sub} />}
      />
      {sub.state === "disabled" && (
        <FormAlert variant="info">
          This subscription is disabled: plans cannot use it and it is not validated until you enable it.
        </FormAlert>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card aria-labelledby="facts-title">
          <CardHeader>
            <CardTitle id="facts-title">Identity</CardTitle>
            <CardDescription>
              The credential (a client secret or a certificate&apos;s key) is stored encrypted and is never shown;
              rotate it to replace it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-[max-content_minmax(0,1fr)] sm:gap-x-6">
              {ids.map((f) => (
                <div key={f.label} className="contents">
                  <dt className="text-muted-foreground">{f.label}</dt>
                  <dd className="flex min-w-0 items-center gap-1">
                    <span className="truncate font-mono text-xs">{f.value}</span>
                    <CopyButton value={f.value} label={`Copy ${f.label.toLowerCase()}`} />
                  </dd>
                </div>
              ))}
              <dt className="text-muted-foreground">Credential</dt>
              <dd>
                <CredentialSummary credential={sub} />
              </dd>
              <dt className="text-muted-foreground">Cloud</dt>
              <dd>{cloudLabels[sub.cloud]}</dd>
              {sub.cloud === "Custom" && (
                <>
                  <dt className="text-muted-foreground">ARM endpoint</dt>
                  <dd className="truncate font-mono text-xs">{sub.armEndpoint}</dd>
                  <dt className="text-muted-foreground">Authority host</dt>
                  <dd className="truncate font-mono text-xs">{sub.authorityHost}</dd>
                  <dt className="text-muted-foreground">CA certificate</dt>
                  <dd>{sub.caCertificate ? "Custom CA (PEM) stored" : "Public CAs"}</dd>
                </>
              )}
              <dt className="text-muted-foreground">Last validated</dt>
              <dd>{sub.lastValidatedAt ? <RelativeTime date={sub.lastValidatedAt} /> : "Never"}</dd>
            </dl>
          </CardContent>
        </Card>
        <Card aria-labelledby="plan-title">
          <CardHeader>
            <CardTitle id="plan-title">Plan using it</CardTitle>
            <CardDescription>A plan sells from exactly one Azure subscription.</CardDescription>
          </CardHeader>
          <CardContent>
            {sub.plan ? (
              <div className="flex items-center justify-between gap-3 rounded-lg border px-3 py-2">
                <div>
                  <Link href={`/admin/plans/${sub.plan.id}`} className="font-medium hover:underline">
                    {sub.plan.name}
                  </Link>
                  <p className="text-xs text-muted-foreground">
                    {sub.plan._count.tenantSubscriptions} tenant subscription
                    {sub.plan._count.tenantSubscriptions === 1 ? "" : "s"}
                  </p>
                </div>
                <StatusBadge state={sub.plan.state} />
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">
                No plan uses this subscription yet.
                {sub.state === "active" && " Create a plan from it to offer its capacity to tenants."}
              </p>
            )}
          </CardContent>
        </Card>
      </div>

      {operation && (
        <Card aria-labelledby="operation-title">
          <CardHeader>
            <CardTitle id="operation-title" className="flex items-center gap-2">
              {describeOperationKind(operation.kind)} <StatusBadge state={operation.state} />
            </CardTitle>
            <CardDescription>
              {isLive ? (
                "Running now; this page follows it every 2 seconds."
              ) : (
                <>
                  Started <RelativeTime date={operation.createdAt} />.
                </>
              )}
            </CardDescription>
            <CardAction>
              <Link
                href={`/admin/operations/${operation.id}`}
                className="inline-flex items-center gap-1 text-sm font-medium text-primary hover:underline"
              >
                Open operation <ArrowUpRight aria-hidden className="size-3.5" />
              </Link>
            </CardAction>
          </CardHeader>
          <CardContent>
            <OperationSteps steps={operation.steps} now={new Date()} />
          </CardContent>
        </Card>
      )}

      <ValidationPanel
        validation={sub.validation}
        action={
          // Not while the registration (or the validation it queues) runs: the page follows that operation instead.
          missingProviders.length > 0 && !isLive ? (
            <div className="flex flex-col gap-3 rounded-lg border border-warning/40 bg-warning/10 p-3 sm:flex-row sm:items-center sm:justify-between">
              <p className="text-sm">
                Not registered: <span className="font-mono text-xs">{missingProviders.join(", ")}</span>. Registering
                runs as an operation (Azure can take a few minutes per provider); validation runs again when it
                finishes.
              </p>
              <ActionButton action={registerProvidersAction.bind(null, sub.id)} pendingLabel="Starting…">
                <PackagePlus aria-hidden /> Register providers
              </ActionButton>
            </div>
          ) : undefined
        }
      />

      <DiscoveryPanels discovery={sub.discovery} />
    </div>
  );
}
