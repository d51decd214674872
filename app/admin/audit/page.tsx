import type { Metadata } from "next";
import { ScrollText } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { DataTable, DataTableToolbar, parseTableParams, type SearchParamsInput } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { pageStaff } from "@/lib/auth/page-context";
import { auditPeriods, listAuditActions, listAuditEvents, type AuditPeriod } from "@/lib/audit/queries";
import { describeAuditAction, describeDenial } from "@/lib/audit/labels";

export const metadata: Metadata = { title: "Audit log" };

const outcomes = ["success", "failure", "denied"];

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  const actions = await listAuditActions();
  const params = parseTableParams(await searchParams, {
    sortable: ["at"],
    defaultSort: "at",
    defaultDir: "desc",
    filters: { action: actions, outcome: outcomes, period: Object.keys(auditPeriods) },
  });
  const { total, totalIsEstimate, rows, nextCursor, prevCursor } = await listAuditEvents(ctx, {
    q: params.q,
    action: params.filters.action,
    outcome: params.filters.outcome,
    period: params.filters.period as AuditPeriod | undefined,
    skip: params.skip,
    take: params.take,
    after: params.after,
    before: params.before,
  });
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Every sign-in, failed sign-in, change and refused attempt, with who made it and from where. Entries cannot be edited or deleted."
      />
      <DataTable
        label="Audit events"
        toolbar={
          <DataTableToolbar
            searchPlaceholder="Search by user, target or IP"
            filters={[
              { name: "action", label: "Action", options: actions.map((a) => ({ value: a, label: a })) },
              { name: "outcome", label: "Outcome", options: outcomes.map((o) => ({ value: o, label: o })) },
              {
                name: "period",
                label: "Period",
                options: [
                  { value: "24h", label: "Last 24 hours" },
                  { value: "7d", label: "Last 7 days" },
                  { value: "30d", label: "Last 30 days" },
                ],
              },
            ]}
          />
        }
        columns={[
          { key: "at", header: "Time (UTC)", sortable: false },
          { key: "actor", header: "Who" },
          { key: "action", header: "What" },
          { key: "outcome", header: "Outcome" },
          { key: "target", header: "Target", hideBelow: "md" },
          { key: "ip", header: "From", hideBelow: "lg" },
        ]}
        rows={rows.map((e) => ({
          id: e.id,
          cells: {
            at: <span className="whitespace-nowrap tabular-nums">{dateFormat.format(e.at)}</span>,
            actor: e.actorEmail ?? "system",
            action: (
              <span>
                <span className="font-mono text-xs">{e.action}</span>
                <span className="block text-xs text-muted-foreground">{describeAuditAction(e.action, e.outcome)}</span>
              </span>
            ),
            outcome: (
              <StatusBadge
                state={e.outcome === "success" ? "succeeded" : e.outcome === "denied" ? "denied" : "failed"}
                label={e.outcome}
              />
            ),
            target: (
              <span>
                {e.targetName ?? (e.targetId ? `${e.targetType ?? ""} ${e.targetId}`.trim() : "—")}
                {e.outcome === "denied" && (
                  <span className="block text-xs text-muted-foreground">{describeDenial(e.detail)}</span>
                )}
              </span>
            ),
            ip: <span className="font-mono text-xs">{e.ip ?? "—"}</span>,
          },
        }))}
        total={total}
        keyset={{ nextCursor, prevCursor, totalIsEstimate }}
        page={params.page}
        pageSize={params.pageSize}
        sort={params.sort}
        dir={params.dir}
        emptyState={
          <EmptyState
            bare
            icon={ScrollText}
            title="No audit events match"
            description="Clear the search or widen the filters."
          />
        }
      />
    </div>
  );
}
