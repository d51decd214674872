import type { Metadata } from "next";
import Link from "next/link";
import { ChartColumn, Download } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { DataTable, parseTableParams, readParam, type SearchParamsInput } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { StatCard } from "@/components/stat-card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatMoney, formatQuantity } from "@/components/usage/format";
import { pageStaff } from "@/lib/auth/page-context";
import { NotFound } from "@/lib/errors";
import { listReportTenants, providerUsage } from "@/lib/usage-report/provider-report";
import { monthToDate, usageQuerySchema } from "@/lib/usage-report/schema";
import { UsageFilters, type UsageFilterValues } from "./filters";
import { ReconciliationCard } from "./reconciliation-card";

export const metadata: Metadata = { title: "Usage report" };

/**
 * The provider's usage report (issue 15 point 5): every tenant's rows from the one report service, the same rows the
 * CSV export and GET /api/v1/usage give for the same filters, with totals and metered-against-actual per tenant.
 */
export default async function UsageReportPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  const params = await searchParams;
  const month = monthToDate();
  const values: UsageFilterValues = {
    from: readParam(params, "from") ?? month.from,
    to: readParam(params, "to") ?? month.to,
    granularity: readParam(params, "granularity") ?? "daily",
    tenant: readParam(params, "tenant") ?? "",
  };
  const parsed = usageQuerySchema.safeParse({ ...values, tenant: values.tenant || undefined });
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error?.issues ?? []) (errors[String(issue.path[0] ?? "from")] ??= []).push(issue.message);
  const table = parseTableParams(params, { sortable: ["tenant"], defaultSort: "tenant", pageSizes: [50, 100, 200] });
  const tenants = await listReportTenants(ctx);
  const report = parsed.success
    ? await providerUsage(ctx, parsed.data, { skip: table.skip, take: table.take }).catch((e: unknown) => {
        if (!(e instanceof NotFound)) throw e;
        errors.tenant = ["No tenant has this slug."];
        return null;
      })
    : null;
  const query = new URLSearchParams({ from: values.from, to: values.to, granularity: values.granularity });
  if (values.tenant) query.set("tenant", values.tenant);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Usage report"
        description="Metered usage and charges of every tenant, one row per tenant × meter × region × size × period. Closed days never change: a late correction is its own adjustment row. The CSV export and GET /api/v1/usage give the same rows."
        actions={
          report && report.total > 0 ? (
            <Button asChild variant="outline">
              <a href={`/admin/usage/export?${query}`} download>
                <Download aria-hidden />
                Export CSV
              </a>
            </Button>
          ) : undefined
        }
      />
      <UsageFilters values={values} errors={errors} tenants={tenants} />
      {report && (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <StatCard
              label="Rows"
              value={report.total.toLocaleString("en-GB")}
              hint={`${values.from} to ${values.to}`}
            />
            {report.totals.length === 0 && <StatCard label="Charges" value="—" hint="Nothing metered in this period" />}
            {report.totals.map((t) => (
              <StatCard key={t.currency} label={`Charges (${t.currency})`} value={formatMoney(t.amount, t.currency)} />
            ))}
          </div>
          <DataTable
            label="Usage rows"
            columns={[
              { key: "tenant", header: "Tenant", sortable: false },
              { key: "period", header: "Period" },
              { key: "meter", header: "Meter" },
              { key: "region", header: "Region", hideBelow: "lg" },
              { key: "quantity", header: "Quantity", align: "right" },
              { key: "unitPrice", header: "Unit price", align: "right", hideBelow: "md" },
              { key: "amount", header: "Amount", align: "right" },
            ]}
            rows={report.rows.map((r, i) => ({
              id: `${table.skip + i}`,
              cells: {
                tenant: (
                  <Link
                    href={`/admin/usage?${withTenant(query, r.tenant)}`}
                    className="underline-offset-4 hover:underline"
                  >
                    {r.tenantName}
                  </Link>
                ),
                period: (
                  <span className="whitespace-nowrap tabular-nums">
                    {r.period}
                    {r.adjustment && (
                      <Badge variant="warning" className="ml-2">
                        Adjustment
                      </Badge>
                    )}
                  </span>
                ),
                meter: (
                  <span>
                    {r.meterLabel}
                    <span className="block text-xs text-muted-foreground">{r.sku}</span>
                  </span>
                ),
                region: r.region,
                quantity: (
                  <span className="whitespace-nowrap tabular-nums">
                    {formatQuantity(r.quantity)} <span className="text-xs text-muted-foreground">{r.unit}</span>
                  </span>
                ),
                unitPrice: (
                  <span className="tabular-nums">
                    {r.unitPrice === null ? "Not priced" : `${r.unitPrice} ${r.currency}`}
                  </span>
                ),
                amount: <span className="tabular-nums">{formatMoney(r.amount, r.currency)}</span>,
              },
            }))}
            total={report.total}
            page={table.page}
            pageSize={table.pageSize}
            pageSizes={[50, 100, 200]}
            emptyState={
              <EmptyState
                bare
                icon={ChartColumn}
                title="No usage in this period"
                description="Usage appears after the daily rollup has run for days on which tenants had resources."
              />
            }
          />
          <ReconciliationCard from={parsed.data!.from} to={parsed.data!.to} tenant={parsed.data!.tenant} />
        </>
      )}
    </div>
  );
}

function withTenant(query: URLSearchParams, tenant: string) {
  const q = new URLSearchParams(query);
  q.set("tenant", tenant);
  return q.toString();
}
