import Link from "next/link";
import { Activity } from "lucide-react";
import { DataTable, DataTableToolbar, type DataTableColumn } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import type { OperationListItem } from "@/lib/jobs/queries";
import { CustomRange } from "./custom-range";
import { describeOperationKind } from "./operation-kind";
import { describeDuration, describeProgress } from "./operation-format";

export type OperationsTableProps = {
  rows: OperationListItem[];
  total: number;
  /** Cursors of the next and previous pages; the total may be an estimate (shown as "about"). */
  keyset: { nextCursor: string | null; prevCursor: string | null; totalIsEstimate: boolean };
  page: number;
  pageSize: number;
  /** `/admin/operations`, `/helpdesk/operations` or `/tenant/<slug>/operations`; rows link to `<basePath>/<id>`. */
  basePath: string;
  kinds: string[];
  /** Staff only: the tenant filter and column. */
  tenants?: { slug: string; name: string }[];
  /** False when the scope has no operations at all, to explain what will appear here. */
  isEmptyScope: boolean;
  now: Date;
};

export const periodOptions = [
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "custom", label: "Custom range" },
];

const stateOptions = ["queued", "running", "succeeded", "failed", "cancelled"].map((s) => ({
  value: s,
  label: s.charAt(0).toUpperCase() + s.slice(1),
}));

export function OperationsTable({
  rows,
  total,
  keyset,
  page,
  pageSize,
  basePath,
  kinds,
  tenants,
  isEmptyScope,
  now,
}: OperationsTableProps) {
  const columns: DataTableColumn[] = [
    { key: "operation", header: "Operation" },
    { key: "target", header: "Target" },
    ...(tenants ? [{ key: "tenant", header: "Tenant", hideBelow: "md" } as const] : []),
    { key: "state", header: "State" },
    { key: "actor", header: "Requested by", hideBelow: "lg" },
    { key: "started", header: "Started", hideBelow: "sm" },
    { key: "duration", header: "Duration", align: "right", hideBelow: "md" },
  ];
  const filters = [
    ...(tenants
      ? [
          {
            name: "tenant",
            label: "Tenant",
            allLabel: "All tenants",
            options: tenants.map((t) => ({ value: t.slug, label: t.name })),
          },
        ]
      : []),
    {
      name: "kind",
      label: "Kind",
      allLabel: "All kinds",
      options: kinds.map((k) => ({ value: k, label: describeOperationKind(k) })),
    },
    { name: "state", label: "State", allLabel: "All states", options: stateOptions },
    { name: "period", label: "Period", allLabel: "Any time", options: periodOptions },
  ];
  return (
    <DataTable
      label="Operations"
      toolbar={
        <DataTableToolbar searchPlaceholder="Search by target, operation id or ARM request id" filters={filters}>
          <CustomRange />
        </DataTableToolbar>
      }
      columns={columns}
      rows={rows.map((op) => {
        const progress = describeProgress(op);
        const duration = describeDuration(op, now);
        return {
          id: op.id,
          cells: {
            operation: (
              <Link
                href={`${basePath}/${op.id}`}
                className="font-medium text-foreground underline-offset-4 hover:underline"
              >
                {describeOperationKind(op.kind)}
                <span className="block font-mono text-[11px] font-normal text-muted-foreground">{op.kind}</span>
              </Link>
            ),
            target: (
              <span className="min-w-0">
                <span className="block max-w-56 truncate">{op.targetName}</span>
                <span className="block text-xs text-muted-foreground">{op.targetType}</span>
              </span>
            ),
            tenant: op.tenant?.name ?? <span className="text-muted-foreground">Provider</span>,
            state: (
              <span className="flex flex-wrap items-center gap-2">
                <StatusBadge state={op.state} />
                {progress && <span className="text-xs text-muted-foreground tabular-nums">{progress}</span>}
              </span>
            ),
            actor: op.actor ? (
              <span title={op.actor.email}>{op.actor.name}</span>
            ) : (
              <span className="text-muted-foreground">System</span>
            ),
            started: op.startedAt ? (
              <RelativeTime date={op.startedAt} className="whitespace-nowrap" />
            ) : (
              <span className="whitespace-nowrap text-muted-foreground">
                queued <RelativeTime date={op.createdAt} />
              </span>
            ),
            duration: duration && <span className="whitespace-nowrap tabular-nums">{duration}</span>,
          },
        };
      })}
      total={total}
      keyset={keyset}
      page={page}
      pageSize={pageSize}
      emptyState={
        isEmptyScope ? (
          <EmptyState
            bare
            icon={Activity}
            title="No operations yet"
            description="Operations appear when someone creates or changes resources in Azure."
          />
        ) : undefined
      }
    />
  );
}
