import type { Metadata } from "next";
import Link from "next/link";
import { Pencil, Users } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { EmptyState } from "@/components/empty-state";
import { FormAlert } from "@/components/form-alert";
import { PageHeader } from "@/components/page-header";
import { QuotaBar } from "@/components/quota-bar";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { deletePlanAction } from "@/lib/plans/actions";
import { LATEST } from "@/lib/plans/rules";
import { quotaFieldNames, quotaFields } from "@/lib/plans/schema";
import { loadPlan } from "../load-plan";
import { familyLabel, formatMemory } from "../format";
import { PlanStateActions } from "./plan-state-actions";

export const metadata: Metadata = { title: "Plan" };

const saved: Record<string, string> = { created: "Plan created.", updated: "Changes saved." };

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const ctx = await pageStaff("admin");
  const plan = await loadPlan(ctx, (await params).id);
  const savedMessage = saved[(await searchParams).saved ?? ""];
  const hasTenants = plan.tenantSubscriptions.length > 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title={plan.name}
        meta={<StatusBadge state={plan.state} />}
        description={plan.description || undefined}
        breadcrumbs={[{ label: "Plans", href: "/admin/plans" }, { label: plan.name }]}
        actions={
          <>
            <Button asChild>
              <Link href={`/admin/plans/${plan.id}/edit`}>
                <Pencil aria-hidden /> Edit
              </Link>
            </Button>
            <PlanStateActions plan={plan} />
          </>
        }
      />
      {savedMessage && <FormAlert variant="success">{savedMessage}</FormAlert>}
      {plan.state === "retired" && (
        <FormAlert variant="info" title="This plan is retired">
          Nobody can subscribe to it; tenants already on it keep running.
        </FormAlert>
      )}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Overview</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2.5 text-sm">
              <dt className="text-muted-foreground">Azure subscription</dt>
              <dd className="min-w-0">
                <Link
                  href={`/admin/subscriptions/${plan.azureSubscription.id}`}
                  className="font-medium text-primary underline-offset-4 hover:underline"
                >
                  {plan.azureSubscription.displayName}
                </Link>
                {plan.azureSubscription.state !== "active" && (
                  <StatusBadge state={plan.azureSubscription.state} className="ml-2" />
                )}
                <span className="block truncate font-mono text-xs text-muted-foreground">
                  {plan.azureSubscription.subscriptionId}
                </span>
              </dd>
              <dt className="text-muted-foreground">Who may subscribe</dt>
              <dd>
                {plan.state === "public"
                  ? "Tenants themselves (self-service)"
                  : plan.state === "private"
                    ? "Only admins subscribe tenants"
                    : "Nobody (retired)"}
              </dd>
              <dt className="text-muted-foreground">Disaster recovery</dt>
              <dd>{plan.offersDr ? "Offered to tenants" : "Not offered"}</dd>
              <dt className="text-muted-foreground">Created</dt>
              <dd>
                <RelativeTime date={plan.createdAt} />
              </dd>
              <dt className="text-muted-foreground">Last changed</dt>
              <dd>
                <RelativeTime date={plan.updatedAt} />
              </dd>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Quotas</CardTitle>
            <CardDescription>
              Per tenant subscription: the most any one tenant subscription uses against each limit.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            {quotaFieldNames.map((f) => (
              <QuotaBar
                key={f}
                label={quotaFields[f].label}
                used={plan.usage[f]}
                limit={plan.quotas[f]}
                unit={quotaFields[f].unit}
              />
            ))}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>VM sizes ({plan.sizes.length})</CardTitle>
          <CardDescription>
            Regions listed are the allowed regions where the subscription offers each size.
          </CardDescription>
        </CardHeader>
        <CardContent className="p-0">
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label="Allowed VM sizes">
              <thead className="border-y bg-muted/50 text-xs text-muted-foreground">
                <tr>
                  <th className="px-5 py-2 text-left font-medium">Size</th>
                  <th className="px-3 py-2 text-right font-medium">vCPUs</th>
                  <th className="px-3 py-2 text-right font-medium">Memory</th>
                  <th className="px-3 py-2 text-right font-medium max-sm:hidden">Data disks</th>
                  <th className="px-5 py-2 text-left font-medium max-md:hidden">Regions</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {plan.sizes.map((s) => (
                  <tr key={s.name}>
                    <td className="px-5 py-2">
                      <span className="font-mono text-[13px]">{s.name}</span>
                      {s.family && (
                        <span className="block text-xs text-muted-foreground">{familyLabel(s.family)} family</span>
                      )}
                      {!s.isOfferable && (
                        <span className="block text-xs text-destructive">No longer offered in an allowed region</span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{s.vCpus ?? "—"}</td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      {s.memoryMb !== null ? formatMemory(s.memoryMb) : "—"}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums max-sm:hidden">{s.maxDataDisks ?? "—"}</td>
                    <td className="px-5 py-2 text-xs text-muted-foreground max-md:hidden">
                      {s.regions.join(", ") || "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </CardContent>
      </Card>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>OS images ({plan.images.length})</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="divide-y text-sm" aria-label="Allowed OS images">
              {plan.images.map((i) => (
                <li
                  key={`${i.publisher}:${i.offer}:${i.sku}`}
                  className="flex items-center justify-between gap-4 py-2 first:pt-0 last:pb-0"
                >
                  <span className="min-w-0">
                    <span className="font-medium">{i.label}</span>
                    <span className="block truncate font-mono text-xs text-muted-foreground">
                      {i.publisher} · {i.offer} · {i.sku}
                    </span>
                    {!i.isOffered && (
                      <span className="block text-xs text-destructive">
                        No longer in the subscription&apos;s catalogue
                      </span>
                    )}
                  </span>
                  <span className="shrink-0 text-right text-xs text-muted-foreground">
                    {i.osType && <span className="block">{i.osType}</span>}
                    {i.version === LATEST ? "Latest version" : <span className="font-mono">{i.version}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Subscribed tenants ({plan.liveTenantCount})</CardTitle>
          </CardHeader>
          <CardContent>
            {hasTenants ? (
              <ul className="divide-y text-sm" aria-label="Tenant subscriptions">
                {plan.tenantSubscriptions.map((ts) => (
                  <li key={ts.id} className="flex items-center justify-between gap-4 py-2 first:pt-0 last:pb-0">
                    <span className="min-w-0">
                      <span className="font-medium">{ts.tenant.name}</span>
                      <span className="block truncate text-xs text-muted-foreground">
                        {ts.name} · since <RelativeTime date={ts.createdAt} />
                      </span>
                    </span>
                    <StatusBadge state={ts.tenant.state === "suspended" ? "suspended" : ts.state} />
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState
                bare
                icon={Users}
                title="No tenant subscribes yet"
                description={
                  plan.state === "public"
                    ? "Tenants can subscribe from their portal."
                    : "Subscribe tenants from their page, or make the plan public for self-service."
                }
              />
            )}
          </CardContent>
        </Card>
      </div>

      <Card className="border-destructive/30">
        <CardHeader>
          <CardTitle>Delete plan</CardTitle>
          <CardDescription>
            {hasTenants
              ? `${plan.tenantSubscriptions.length} tenant subscription${plan.tenantSubscriptions.length === 1 ? "" : "s"} (cancelled ones included, for their history) use this plan, so it cannot be deleted. Retire it instead.`
              : `Deleting removes the plan and frees ${plan.azureSubscription.displayName} for another plan. Nobody subscribes to it, so nothing else changes.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="pt-0">
          <ConfirmDialog
            trigger="Delete plan"
            disabled={hasTenants}
            title={`Delete ${plan.name}?`}
            description={`The plan is removed for good and ${plan.azureSubscription.displayName} can back another plan. This cannot be undone.`}
            confirmText={plan.name}
            confirmLabel="Delete plan"
            action={deletePlanAction.bind(null, plan.id)}
          />
        </CardContent>
      </Card>
    </div>
  );
}
