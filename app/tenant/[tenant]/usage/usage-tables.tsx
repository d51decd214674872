import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney, formatQuantity } from "@/components/usage/format";
import type { TenantUsage } from "@/lib/usage-report/tenant-usage";

export function ByDayTable({ days, currency }: { days: TenantUsage["byDay"]; currency: string }) {
  return (
    <Table aria-label="Estimated charges per day">
      <TableHeader>
        <TableRow>
          <TableHead>Day</TableHead>
          <TableHead className="text-right">Usage</TableHead>
          <TableHead className="text-right">Adjustments</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {days.map((d) => (
          <TableRow key={d.day}>
            <TableCell className="tabular-nums">{d.day}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(d.amount, currency)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {d.adjustments ? formatMoney(d.adjustments, currency) : "—"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ByMeterTable({ rows }: { rows: TenantUsage["byMeter"] }) {
  if (!rows.length)
    return (
      <p className="text-sm text-muted-foreground">
        Not rolled up yet: what your resources used becomes daily rows, rated with your plan&apos;s prices, at the next
        usage rollup.
      </p>
    );
  return (
    <Table aria-label="Usage by meter">
      <TableHeader>
        <TableRow>
          <TableHead>Meter</TableHead>
          <TableHead className="max-md:hidden">Region</TableHead>
          <TableHead className="text-right">Quantity</TableHead>
          <TableHead className="text-right max-md:hidden">Unit price</TableHead>
          <TableHead className="text-right">Estimated charge</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.meter}|${r.region}|${r.sku}|${r.adjustment}|${r.unitPrice}|${r.currency}`}>
            <TableCell>
              {r.meterLabel}
              {r.adjustment && (
                <Badge variant="warning" className="ml-2">
                  Adjustment
                </Badge>
              )}
              <span className="block text-xs text-muted-foreground">{r.sku}</span>
            </TableCell>
            <TableCell className="max-md:hidden">{r.region}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {formatQuantity(r.quantity)} <span className="text-xs text-muted-foreground">{r.unit}</span>
            </TableCell>
            <TableCell className="text-right tabular-nums max-md:hidden">
              {r.unitPrice === null ? "Not priced" : `${r.unitPrice} ${r.currency}`}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(r.amount, r.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ByResourceTable({ rows }: { rows: TenantUsage["byResource"] }) {
  if (!rows.length) return <p className="text-sm text-muted-foreground">No resource was metered in this month.</p>;
  return (
    <Table aria-label="Usage by resource">
      <TableHeader>
        <TableRow>
          <TableHead>Resource</TableHead>
          <TableHead>Meter</TableHead>
          <TableHead className="text-right">Quantity</TableHead>
          <TableHead className="text-right">Estimate</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.resourceId}|${r.meter}|${r.region}|${r.sku}`}>
            <TableCell>
              {r.resourceName}
              <span className="block text-xs text-muted-foreground">{r.resourceType}</span>
            </TableCell>
            <TableCell>
              {r.meterLabel}
              <span className="block text-xs text-muted-foreground">{r.sku}</span>
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {formatQuantity(r.quantity)} <span className="text-xs text-muted-foreground">{r.unit}</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(r.amount, r.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
