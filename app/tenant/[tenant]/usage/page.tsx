import type { Metadata } from "next";
import { ChartColumn, Download, Lock } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { readParam, type SearchParamsInput } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { StatCard } from "@/components/stat-card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatMoney } from "@/components/usage/format";
import { UsageChart } from "@/components/usage/usage-chart";
import { pageTenant } from "@/lib/auth/page-context";
import { monthLabel } from "@/lib/usage-report/months";
import { tenantUsage } from "@/lib/usage-report/tenant-usage";
import { MonthPicker } from "./month-picker";
import { ByDayTable, ByMeterTable, ByResourceTable } from "./usage-tables";

export const metadata: Metadata = { title: "Usage" };

/** The tenant's usage and estimated charges for a month (issue 15 point 5): only this tenant's rows are read. */
export default async function TenantUsagePage(props: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const ctx = await pageTenant((await props.params).tenant);
  const usage = await tenantUsage(ctx.tenantId, readParam(await props.searchParams, "month"));
  const title = monthLabel(usage.month);
  const hasAny = usage.byMeter.length > 0 || usage.byResource.length > 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Usage"
        description={`What ${ctx.tenantName} used and the estimated charges, ${usage.isCurrent ? "this month so far" : `for ${title}`} (UTC days, ${usage.from} to ${usage.to}). Charges are rated daily in your plan's currency; the invoice is your provider's.`}
        meta={
          usage.isClosed ? (
            <Badge variant="muted">
              <Lock aria-hidden />
              Closed: final
            </Badge>
          ) : (
            <Badge variant="info">{usage.isCurrent ? "This month so far" : "Open"}</Badge>
          )
        }
        actions={
          <div className="flex flex-wrap items-end gap-2">
            <MonthPicker months={usage.months} value={usage.month} />
            {usage.byMeter.length > 0 && (
              <Button asChild variant="outline">
                <a href={`/tenant/${ctx.tenantSlug}/usage/export?month=${usage.month}`} download>
                  <Download aria-hidden />
                  Export CSV
                </a>
              </Button>
            )}
          </div>
        }
      />
      {usage.isClosed && (
        <p className="text-sm text-muted-foreground">
          {title} is closed: its figures never change. A late correction appears as an adjustment in the month it was
          found.
        </p>
      )}
      {!hasAny ? (
        <EmptyState
          icon={ChartColumn}
          title={`No usage in ${title}`}
          description="Usage appears here a few minutes after your VMs, disks, public IPs, load balancers or protected VMs have existed; it is rolled up by day."
        />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            {usage.totals.length === 0 && (
              <StatCard
                label="Estimated charges"
                value="—"
                hint="Not rated yet: charges appear at the next usage rollup once your provider has prices"
              />
            )}
            {usage.totals.map((t) => (
              <StatCard
                key={t.currency}
                label={`Estimated charges (${t.currency})`}
                value={formatMoney(t.amount, t.currency)}
                hint={usage.isCurrent ? "This month so far" : title}
              />
            ))}
            <StatCard label="Resources metered" value={new Set(usage.byResource.map((r) => r.resourceId)).size} />
          </div>
          {usage.currency && (
            <Card>
              <CardHeader>
                <CardTitle>By day</CardTitle>
                <CardDescription>Estimated charges per UTC day in {usage.currency}.</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-4">
                <UsageChart data={usage.byDay} currency={usage.currency} />
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Show the days as a table</summary>
                  <ByDayTable days={usage.byDay} currency={usage.currency} />
                </details>
              </CardContent>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>By meter</CardTitle>
              <CardDescription>
                Quantities in Azure&apos;s units and the price per unit your plan charges. Adjustments correct closed
                days and are booked when found.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ByMeterTable rows={usage.byMeter} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>By resource</CardTitle>
              <CardDescription>
                What each resource used, from its state history, and an estimate at this month&apos;s price. The totals
                above are the rated figures.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ByResourceTable rows={usage.byResource} />
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
