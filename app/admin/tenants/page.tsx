import type { Metadata } from "next";
import Link from "next/link";
import { Building2, Plus } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { DataTable, DataTableToolbar, parseTableParams, type SearchParamsInput } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { pageStaff } from "@/lib/auth/page-context";
import { listTenants } from "@/lib/tenancy/queries";
import { tenantStates } from "@/lib/tenancy/schema";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  const params = parseTableParams(await searchParams, {
    sortable: ["name", "createdAt"],
    defaultSort: "name",
    filters: { state: tenantStates },
  });
  const { total, rows } = await listTenants(ctx, {
    q: params.q || undefined,
    state: params.filters.state as (typeof tenantStates)[number] | undefined,
    sort: params.sort as "name" | "createdAt",
    dir: params.dir,
    skip: params.skip,
    take: params.take,
  });
  const isFiltered = Boolean(params.q || params.filters.state);
  const createButton = (
    <Button asChild>
      <Link href="/admin/tenants/new">
        <Plus aria-hidden /> Create tenant
      </Link>
    </Button>
  );
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Tenants"
        description="Your customers: their members, their state and the plans they are subscribed to."
        actions={total > 0 || isFiltered ? createButton : undefined}
      />
      <DataTable
        label="Tenants"
        toolbar={
          <DataTableToolbar
            searchPlaceholder="Search by name, address or member email"
            filters={[
              {
                name: "state",
                label: "State",
                options: tenantStates.map((s) => ({ value: s, label: s === "active" ? "Active" : "Suspended" })),
              },
            ]}
          />
        }
        columns={[
          { key: "name", header: "Name", sortable: true },
          { key: "slug", header: "Address", hideBelow: "md" },
          { key: "state", header: "State" },
          { key: "members", header: "Members", align: "right" },
          { key: "subscriptions", header: "Subscriptions", align: "right", hideBelow: "sm" },
          { key: "createdAt", header: "Created (UTC)", sortable: true, hideBelow: "lg" },
        ]}
        rows={rows.map((t) => ({
          id: t.id,
          cells: {
            name: (
              <Link
                href={`/admin/tenants/${t.id}`}
                className="font-medium text-foreground hover:underline focus-visible:underline focus-visible:outline-none"
              >
                {t.name}
              </Link>
            ),
            slug: <span className="font-mono text-xs text-muted-foreground">{t.slug}</span>,
            state: <StatusBadge state={t.state} />,
            members: <span className="tabular-nums">{t.members}</span>,
            subscriptions: <span className="tabular-nums">{t.subscriptions}</span>,
            createdAt: <span className="whitespace-nowrap tabular-nums">{dateFormat.format(t.createdAt)}</span>,
          },
        }))}
        total={total}
        page={params.page}
        pageSize={params.pageSize}
        sort={params.sort}
        dir={params.dir}
        emptyState={
          isFiltered ? undefined : (
            <EmptyState
              bare
              icon={Building2}
              title="No tenants yet"
              description="Create a tenant for each customer organisation, with its first owner; then subscribe it to a plan."
              action={createButton}
            />
          )
        }
      />
    </div>
  );
}
