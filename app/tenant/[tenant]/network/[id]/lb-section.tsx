import * as React from "react";
import { cn } from "@/lib/utils/cn";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type LbColumn<T> = {
  header: string;
  cell: (row: T) => React.ReactNode;
  /** On the header and the cells (e.g. hidden on small screens). */
  className?: string;
  cellClassName?: string;
};

type Props<T> = {
  title: string;
  description?: string;
  /** The table's accessible name. */
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: LbColumn<T>[];
  /** The row's edit or remove button; absent for readers, and then the column is not there at all. */
  action?: (row: T) => React.ReactNode;
  /** Shown instead of the table when there are no rows. */
  empty: React.ReactNode;
};

/** One part of a load balancer (frontends, rules, probes): a card with its table, or what shows while it has none. */
export function LbSection<T>({ title, description, label, rows, rowKey, columns, action, empty }: Props<T>) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          empty
        ) : (
          <Table aria-label={label}>
            <TableHeader>
              <TableRow>
                {columns.map((c) => (
                  <TableHead key={c.header} className={c.className}>
                    {c.header}
                  </TableHead>
                ))}
                {action && (
                  <TableHead className="w-0">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={rowKey(row)}>
                  {columns.map((c) => (
                    <TableCell key={c.header} className={cn(c.className, c.cellClassName)}>
                      {c.cell(row)}
                    </TableCell>
                  ))}
                  {action && <TableCell>{action(row)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
