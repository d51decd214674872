import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Receipt } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { DataTable, DataTableToolbar, parseTableParams, type SearchParamsInput } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { pageStaff } from "@/lib/auth/page-context";
import { boundId } from "@/lib/errors/parse";
import { getPriceSheet, listPriceSheetRows } from "@/lib/pricing/queries";

export const metadata: Metadata = { title: "Price sheet" };

export default async function PriceSheetPage({
  params,
  searchParams,
}: {
  params: Promise<{ sheetId: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  await pageStaff("admin");
  const { sheetId } = await params;
  const sheet = await getPriceSheet(boundId(sheetId));
  if (!sheet) notFound();
  const table = parseTableParams(await searchParams, { sortable: ["line"], defaultSort: "line" });
  const { rows, total } = await listPriceSheetRows(sheet.id, {
    search: table.q,
    page: table.page,
    pageSize: table.pageSize,
  });
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${sheet.currency} price sheet`}
        description={`${sheet.rowCount} rows from ${sheet.sourceName}, imported ${sheet.importedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`}
        breadcrumbs={[{ label: "Pricing", href: "/admin/pricing" }, { label: sheet.currency }]}
      />
      <DataTable
        label="Price sheet rows"
        toolbar={<DataTableToolbar searchPlaceholder="Search service, product, sku, meter or region" />}
        columns={[
          { key: "line", header: "Line" },
          { key: "service", header: "Service" },
          { key: "product", header: "Product", hideBelow: "md" },
          { key: "meter", header: "Meter / sku" },
          { key: "region", header: "Region" },
          { key: "unit", header: "Unit", hideBelow: "lg" },
          { key: "price", header: "Unit price" },
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            line: <span className="tabular-nums">{r.line}</span>,
            service: r.serviceName,
            product: r.productName,
            meter: (
              <span>
                {r.meterName}
                <span className="block text-xs text-muted-foreground">{r.armSkuName || r.skuName}</span>
              </span>
            ),
            region: r.armRegionName,
            unit: r.unitOfMeasure,
            price: (
              <span className="tabular-nums">
                {r.unitPrice.toString()} {sheet.currency}
              </span>
            ),
          },
        }))}
        total={total}
        page={table.page}
        pageSize={table.pageSize}
        sort={table.sort}
        dir={table.dir}
        emptyState={
          <EmptyState bare icon={Receipt} title="No rows match" description="Clear the search to see every row." />
        }
      />
    </div>
  );
}
