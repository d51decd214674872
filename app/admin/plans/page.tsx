import type { Metadata } from "next";
import Link from "next/link";
import { Layers, Plus } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import {
  DataTable,
  DataTableToolbar,
  parseTableParams,
  readParam,
  type SearchParamsInput,
} from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FormAlert } from "@/components/form-alert";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { pageStaff } from "@/lib/auth/page-context";
import { listPlans } from "@/lib/plans/queries";
import { planStates, type PlanStateValue } from "@/lib/plans/schema";
import { quotaSummary } from "./format";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  const raw = await searchParams;
  const params = parseTableParams(raw, {
    sortable: ["name", "createdAt"],
    defaultSort: "name",
    filters: { state: planStates },
  });
  const { total, rows } = await listPlans(ctx, {
    q: params.q,
    state: params.filters.state as PlanStateValue | undefined,
    sort: params.sort as "name" | "createdAt",
    dir: params.dir,
    skip: params.skip,
    take: params.take,
  });
  const isFiltered = Boolean(params.q || params.filters.state);
  const newPlan = (
    <Button asChild>
      <Link href="/admin/plans/new">
        <Plus aria-hidden /> New plan
      </Link>
    </Button>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Plans"
        description="What you sell: each plan runs in one Azure subscription, with the VM sizes, images and quotas tenants on it may use."
        actions={total > 0 || isFiltered ? newPlan : undefined}
      />
      {readParam(raw, "saved") === "deleted" && (
        <FormAlert variant="success">
          The plan was deleted and its Azure subscription is free for another plan.
        </FormAlert>
      )}
      {total === 0 && !isFiltered ? (
        <EmptyState
          icon={Layers}
          title="No plans yet"
          description="Create a plan from an active Azure subscription, choose the sizes and images it offers and set its quotas. Tenants can then subscribe to it."
          action={newPlan}
        />
      ) : (
        <DataTable
          label="Plans"
          toolbar={
            <DataTableToolbar
              searchPlaceholder="Search by name or subscription"
              filters={[
                {
                  name: "state",
                  label: "State",
                  options: planStates.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) })),
                },
              ]}
            />
          }
          columns={[
            { key: "name", header: "Plan", sortable: true },
            { key: "state", header: "State" },
            { key: "subscription", header: "Azure subscription", hideBelow: "md" },
            { key: "tenants", header: "Tenants", align: "right" },
            { key: "quotas", header: "Quotas", hideBelow: "lg" },
            { key: "catalogue", header: "Offer", hideBelow: "xl" },
          ]}
          rows={rows.map((p) => ({
            id: p.id,
            cells: {
              name: (
                <span className="block max-w-72">
                  <Link
                    href={`/admin/plans/${p.id}`}
                    className="font-medium text-primary underline-offset-4 hover:underline"
                  >
                    {p.name}
                  </Link>
                  {p.description && (
                    <span className="block truncate text-xs text-muted-foreground">{p.description}</span>
                  )}
                </span>
              ),
              state: <StatusBadge state={p.state} />,
              subscription: (
                <span>
                  {p.azureSubscription.displayName}
                  {p.azureSubscription.state !== "active" && (
                    <StatusBadge state={p.azureSubscription.state} className="ml-2" />
                  )}
                </span>
              ),
              tenants: <span className="tabular-nums">{p.tenantCount}</span>,
              quotas: <span className="text-xs text-muted-foreground">{quotaSummary(p.quotas)}</span>,
              catalogue: (
                <span className="text-xs text-muted-foreground">
                  {p.sizeCount} size{p.sizeCount === 1 ? "" : "s"} · {p.imageCount} image{p.imageCount === 1 ? "" : "s"}
                  {p.offersDr && " · DR"}
                </span>
              ),
            },
          }))}
          total={total}
          page={params.page}
          pageSize={params.pageSize}
          sort={params.sort}
          dir={params.dir}
        />
      )}
    </div>
  );
}
