"use client";

import * as React from "react";
import Link from "next/link";
import { ArrowDown, ArrowUp, ChevronsUpDown, SearchX } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "../empty-state";
import { BulkActionsBar, type BulkAction } from "./bulk-actions";
import { DataTablePagination, type KeysetPager } from "./pagination";
import { nextSort, TABLE_PARAM_KEYS, type SortDir } from "./params";
import { useTableUrl } from "./use-table-url";

export type DataTableColumn = {
  key: string;
  header: React.ReactNode;
  sortable?: boolean;
  className?: string;
  align?: "left" | "right" | "center";
  /** Hide the column on narrow screens; keep the name and state columns always visible. */
  hideBelow?: "sm" | "md" | "lg" | "xl";
};

export type DataTableRow = { id: string; cells: Record<string, React.ReactNode> };

export type DataTableProps = {
  columns: DataTableColumn[];
  rows: DataTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort?: string;
  dir?: SortDir;
  pageSizes?: readonly number[];
  emptyState?: React.ReactNode;
  /** Row checkboxes; with bulkActions a bar appears while rows are selected. */
  selectable?: boolean;
  bulkActions?: BulkAction[];
  /** Cursor paging (big consoles): previous / next by cursor, and "about" for an estimated total. */
  keyset?: Omit<KeysetPager, "shown">;
  /** An accessible name for the table ("Virtual machines"). */
  label?: string;
  /** Rendered above the table inside the same card (usually a DataTableToolbar). */
  toolbar?: React.ReactNode;
  className?: string;
};

const EMPTY = new Set<string>(); // never mutated: every update copies
const alignClass = { left: "text-left", right: "text-right", center: "text-center" } as const;
const hideClass = { sm: "max-sm:hidden", md: "max-md:hidden", lg: "max-lg:hidden", xl: "max-xl:hidden" } as const;

/**
 * A page of rows the server already sorted, filtered and sliced; sorting and paging only change the URL, so the
 * server reads it again. It scales to any row count because only one page is ever sent to the browser.
 */
export function DataTable(props: DataTableProps) {
  const {
    columns,
    rows,
    total,
    page,
    pageSize,
    sort,
    dir,
    pageSizes,
    emptyState,
    selectable,
    bulkActions,
    label,
    toolbar,
    className,
    keyset,
  } = props;
  const { searchParams, hrefWith, navigate, isPending } = useTableUrl();
  // The selection belongs to the rows it was made on: a new page, sort or filter starts with nothing selected.
  const rowKey = rows.map((r) => r.id).join("|");
  const [selection, setSelection] = React.useState<{ key: string; ids: Set<string> }>(() => ({
    key: rowKey,
    ids: new Set(),
  }));
  const selected = selection.key === rowKey ? selection.ids : EMPTY;
  const setSelected = (update: Set<string> | ((prev: Set<string>) => Set<string>)) =>
    setSelection((prev) => {
      const base = prev.key === rowKey ? prev.ids : EMPTY;
      return { key: rowKey, ids: typeof update === "function" ? update(base) : update };
    });

  const selectedIds = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const allChecked = rows.length > 0 && selectedIds.length === rows.length;
  const headerChecked: boolean | "indeterminate" = allChecked ? true : selectedIds.length > 0 ? "indeterminate" : false;
  const hasFilters = Array.from(searchParams?.keys() ?? []).some(
    (k) => !(TABLE_PARAM_KEYS as readonly string[]).includes(k) || k === "q",
  );

  function toggle(id: string, checked: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const colCount = columns.length + (selectable ? 1 : 0);

  return (
    <div className={cn("overflow-hidden rounded-xl border bg-card shadow-xs", className)}>
      {toolbar && <div className="border-b px-4 py-3">{toolbar}</div>}
      {selectable && bulkActions && selectedIds.length > 0 && (
        <BulkActionsBar ids={selectedIds} actions={bulkActions} onDone={() => setSelected(new Set())} />
      )}
      <Table
        aria-label={label}
        aria-busy={isPending || undefined}
        className={cn("transition-opacity", isPending && "opacity-60")}
      >
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            {selectable && (
              <TableHead>
                <Checkbox
                  checked={headerChecked}
                  onCheckedChange={(v) => setSelected(v === true ? new Set(rows.map((r) => r.id)) : new Set())}
                  aria-label="Select all rows on this page"
                  disabled={rows.length === 0}
                />
              </TableHead>
            )}
            {columns.map((col) => {
              const isSorted = sort === col.key;
              const ariaSort = isSorted
                ? dir === "desc"
                  ? "descending"
                  : "ascending"
                : col.sortable
                  ? "none"
                  : undefined;
              return (
                <TableHead
                  key={col.key}
                  aria-sort={ariaSort}
                  className={cn(
                    alignClass[col.align ?? "left"],
                    col.hideBelow && hideClass[col.hideBelow],
                    col.className,
                  )}
                >
                  {col.sortable ? (
                    <SortLink
                      href={hrefWith(nextSort({ sort, dir }, col.key))}
                      onNavigate={() => navigate(nextSort({ sort, dir }, col.key))}
                      isSorted={isSorted}
                      dir={dir}
                      align={col.align}
                    >
                      {col.header}
                    </SortLink>
                  ) : (
                    col.header
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={colCount} className="p-0">
                {emptyState ??
                  (hasFilters ? (
                    <EmptyState
                      bare
                      icon={SearchX}
                      title="No matches"
                      description="Nothing matches the current search and filters."
                      action={
                        <Button variant="outline" size="sm" onClick={() => navigate(clearFilters(searchParams))}>
                          Clear search and filters
                        </Button>
                      }
                    />
                  ) : (
                    <EmptyState bare title="Nothing here yet" />
                  ))}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((row) => {
              const isSelected = selected.has(row.id);
              return (
                <TableRow key={row.id} data-state={isSelected ? "selected" : undefined}>
                  {selectable && (
                    <TableCell>
                      <Checkbox
                        checked={isSelected}
                        onCheckedChange={(v) => toggle(row.id, v === true)}
                        aria-label="Select row"
                      />
                    </TableCell>
                  )}
                  {columns.map((col) => (
                    <TableCell
                      key={col.key}
                      className={cn(
                        alignClass[col.align ?? "left"],
                        col.hideBelow && hideClass[col.hideBelow],
                        col.className,
                      )}
                    >
                      {row.cells[col.key] ?? <span className="text-muted-foreground">—</span>}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })
          )}
        </TableBody>
      </Table>
      {total > 0 && (
        <DataTablePagination
          page={page}
          pageSize={pageSize}
          total={total}
          pageSizes={pageSizes}
          hrefWith={hrefWith}
          onNavigate={(changes) => navigate(changes)}
          keyset={keyset && { ...keyset, shown: rows.length }}
        />
      )}
    </div>
  );
}

function clearFilters(searchParams: URLSearchParams | null) {
  const changes: Record<string, null> = {};
  for (const key of searchParams?.keys() ?? [])
    if (key !== "sort" && key !== "dir" && key !== "pageSize") changes[key] = null;
  return changes;
}

function SortLink(props: {
  href: string;
  onNavigate: () => void;
  isSorted: boolean;
  dir?: SortDir;
  align?: DataTableColumn["align"];
  children: React.ReactNode;
}) {
  const Icon = !props.isSorted ? ChevronsUpDown : props.dir === "desc" ? ArrowDown : ArrowUp;
  return (
    <Link
      href={props.href}
      scroll={false}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        props.onNavigate();
      }}
      className={cn(
        "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
        props.isSorted && "text-foreground",
        props.align === "right" && "flex-row-reverse",
      )}
    >
      {props.children}
      <Icon aria-hidden className={cn("size-3.5", !props.isSorted && "opacity-50")} />
    </Link>
  );
}
