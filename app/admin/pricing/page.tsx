import type { Metadata } from "next";
import Link from "next/link";
import { Receipt } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { pageStaff } from "@/lib/auth/page-context";
import { currentSheetIds, listPlanPricing, listPriceSheets } from "@/lib/pricing/queries";
import { retailPricesEndpoint } from "@/lib/pricing/retail-client";
import { ImportForm } from "./import-form";
import { MarkupForm } from "./markup-form";

export const metadata: Metadata = { title: "Pricing" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function PricingPage() {
  await pageStaff("admin");
  const [sheets, current, plans, endpoint] = await Promise.all([
    listPriceSheets(),
    currentSheetIds(),
    listPlanPricing(),
    retailPricesEndpoint(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Pricing"
        description="Price sheets per currency in the Azure Retail Prices format, and each plan's markup. Usage is rated per day: quantity × the newest sheet's price × the plan's markup. Closed days keep the price they were rated at."
      />
      <Card>
        <CardHeader>
          <CardTitle>Import a price sheet</CardTitle>
          <CardDescription>
            A sheet with a bad row is refused whole, naming each bad line; nothing is half imported.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ImportForm endpoint={endpoint.url} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Price sheets</CardTitle>
          <CardDescription>The newest sheet of each currency prices usage now.</CardDescription>
        </CardHeader>
        <CardContent>
          {sheets.length === 0 ? (
            <EmptyState
              bare
              icon={Receipt}
              title="No price sheet yet"
              description="Import one above: until then usage is metered but not priced."
            />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Imported (UTC)</TableHead>
                  <TableHead>Currency</TableHead>
                  <TableHead>Source</TableHead>
                  <TableHead className="text-right">Rows</TableHead>
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sheets.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>
                      <Link href={`/admin/pricing/${s.id}`} className="font-medium underline-offset-4 hover:underline">
                        {dateFormat.format(s.importedAt)}
                      </Link>
                    </TableCell>
                    <TableCell>{s.currency}</TableCell>
                    <TableCell className="max-w-xs truncate" title={s.sourceName}>
                      {s.source === "api" ? "Retail Prices API" : "File"}: {s.sourceName}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{s.rowCount}</TableCell>
                    <TableCell>{current.has(s.id) ? "In use" : "Superseded"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Plan markup</CardTitle>
          <CardDescription>
            The currency a plan&apos;s tenants are charged in and the provider&apos;s markup or discount: a percent of
            the list price (−100 % to +1000 %) or a fixed amount per unit (−1000 to +1000; the price never goes below
            0).
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {plans.length === 0 && <p className="text-sm text-muted-foreground">No plans yet.</p>}
          {plans.map((p) => (
            <section key={p.id} aria-label={p.name} className="grid gap-2">
              <h4 className="text-sm font-medium">{p.name}</h4>
              <MarkupForm plan={p} />
            </section>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
