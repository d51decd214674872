import type { Metadata } from "next";
import Link from "next/link";
import { CloudCog, Plus, SearchX } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { DataTable, DataTableToolbar, parseTableParams, type SearchParamsInput } from "@/components/data-table";
import { CredentialExpiryBadge } from "@/components/credential-summary";
import { EmptyState } from "@/components/empty-state";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { pageStaff } from "@/lib/auth/page-context";
import { cloudLabels } from "@/lib/subscriptions/schema";
import {
  listSubscriptions,
  subscriptionSorts,
  subscriptionStates,
  type SubscriptionSort,
} from "@/lib/subscriptions/queries";

export const metadata: Metadata = { title: "Azure subscriptions" };

const onboardButton = (
  <Button asChild>
    <Link href="/admin/subscriptions/new">
      <Plus aria-hidden /> Onboard a subscription
    </Link>
  </Button>
);

export default async function SubscriptionsPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  const params = parseTableParams(await searchParams, {
    sortable: subscriptionSorts,
    defaultSort: "name",
    filters: { state: subscriptionStates },
  });
  const { total, rows } = await listSubscriptions(ctx, {
    q: params.q,
    state: params.filters.state as (typeof subscriptionStates)[number] | undefined,
    sort: params.sort as SubscriptionSort,
    dir: params.dir,
    skip: params.skip,
    take: params.take,
  });
  const isFiltered = Boolean(params.q || params.filters.state);
  const description = "The Azure subscriptions your plans sell from. Each one is validated before a plan can use it.";

  if (total === 0 && !isFiltered) {
    return (
      <div className="space-y-6">
        <PageHeader title="Azure subscriptions" description={description} />
        <EmptyState
          icon={CloudCog}
          title="No Azure subscriptions yet"
          description="Onboard an Azure subscription (your own or a CSP customer's) with a service principal's credentials. The portal validates it and discovers its regions, VM sizes and images, so you can build plans from it."
          action={onboardButton}
        />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {rows.some((s) => s.state === "validating") && <AutoRefresh isLive />}
      <PageHeader title="Azure subscriptions" description={description} actions={onboardButton} />
      <DataTable
        label="Azure subscriptions"
        toolbar={
          <DataTableToolbar
            searchPlaceholder="Search by name, subscription id, directory or plan"
            filters={[
              {
                name: "state",
                label: "State",
                allLabel: "All states",
                options: subscriptionStates.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) })),
              },
            ]}
          />
        }
        columns={[
          { key: "name", header: "Name", sortable: true },
          { key: "state", header: "State", sortable: true },
          { key: "cloud", header: "Cloud", hideBelow: "lg" },
          { key: "subscriptionId", header: "Subscription id", hideBelow: "md" },
          { key: "plan", header: "Plan" },
          { key: "usage", header: "vCPUs used", align: "right", hideBelow: "xl" },
          { key: "lastValidated", header: "Last validated", sortable: true, hideBelow: "sm" },
        ]}
        rows={rows.map((s) => ({
          id: s.id,
          cells: {
            name: (
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link
                  href={`/admin/subscriptions/${s.id}`}
                  className="font-medium text-foreground hover:underline focus-visible:underline"
                >
                  {s.displayName}
                </Link>
                <CredentialExpiryBadge notAfter={s.certificateNotAfter} />
              </div>
            ),
            state: <StatusBadge state={s.state} />,
            cloud: <span className="text-sm">{cloudLabels[s.cloud]}</span>,
            subscriptionId: <span className="font-mono text-xs">{s.subscriptionId}</span>,
            plan: s.plan ? s.plan.name : <span className="text-muted-foreground">Not in a plan</span>,
            usage:
              s.usage.regions.length > 0 ? (
                <span
                  className="tabular-nums"
                  title={`Portal VMs against Azure's vCPU limits in ${s.usage.regions.join(", ")}`}
                >
                  {s.usage.vCpusUsed.toLocaleString("en-US")} / {s.usage.vCpusLimit.toLocaleString("en-US")}
                </span>
              ) : (
                <span className="text-muted-foreground">No VMs</span>
              ),
            lastValidated: s.lastValidatedAt ? (
              <RelativeTime date={s.lastValidatedAt} />
            ) : (
              <span className="text-muted-foreground">Never</span>
            ),
          },
        }))}
        total={total}
        page={params.page}
        pageSize={params.pageSize}
        sort={params.sort}
        dir={params.dir}
        emptyState={
          <EmptyState
            bare
            icon={SearchX}
            title="No subscriptions match"
            description="Clear the search or choose another state."
          />
        }
      />
    </div>
  );
}
