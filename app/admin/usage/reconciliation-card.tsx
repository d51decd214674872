import { Scale } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/components/usage/format";
import { reconciliation } from "@/lib/usage-report/reconciliation";
import { cn } from "@/lib/utils/cn";
import { ReconcileButton } from "./reconcile-button";
import { TagInheritanceNote } from "./tag-inheritance-note";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Metered (list prices × quantities) against Azure's actual cost per tenant tag, from usage.reconcile's last reads. */
export async function ReconciliationCard({ from, to, tenant }: { from: string; to: string; tenant?: string }) {
  const all = await reconciliation({ from, to });
  const rows = tenant ? all.rows.filter((r) => r.tenant === tenant) : all.rows;
  const fetchedAt = all.fetchedAt;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Metered against actual</CardTitle>
        <CardDescription>
          Metered: usage × the price sheet&apos;s list price (no markup). Actual: Azure Cost Management&apos;s cost of
          resources carrying the tenant&apos;s tag,{" "}
          {fetchedAt ? `read ${dateFormat.format(fetchedAt)} UTC` : "not read yet for this period"}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <TagInheritanceNote lines={all.tagInheritance} />
        {rows.length === 0 ? (
          <EmptyState
            bare
            icon={Scale}
            title="Nothing to compare yet"
            description="No rated usage and no actual cost for this period."
          />
        ) : (
          <Table aria-label="Metered against actual per tenant">
            <TableHeader>
              <TableRow>
                <TableHead>Tenant</TableHead>
                <TableHead>Currency</TableHead>
                <TableHead className="text-right">Metered</TableHead>
                <TableHead className="text-right">Actual</TableHead>
                <TableHead className="text-right">Difference</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.tenantId ?? ""}|${r.currency}`}>
                  <TableCell>{r.tenantName}</TableCell>
                  <TableCell>{r.currency}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(r.metered, r.currency)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {r.actual === null ? "Not read yet" : formatMoney(r.actual, r.currency)}
                  </TableCell>
                  {/* Without Azure's figure there is nothing to compare: no difference rather than the whole amount. */}
                  <TableCell
                    className={cn(
                      "text-right tabular-nums",
                      r.actual !== null && Number(r.difference) !== 0 && "font-medium text-destructive",
                    )}
                  >
                    {r.actual === null ? "—" : formatMoney(r.difference, r.currency)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <ReconcileButton from={from} to={to} />
      </CardContent>
    </Card>
  );
}
