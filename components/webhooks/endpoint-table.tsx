import Link from "next/link";
import { Webhook } from "lucide-react";
import {
  DataTable,
  DataTableToolbar,
  parseTableParams,
  type SearchParamsInput,
  type TableParams,
} from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import type { EndpointListFilter, WebhookEndpointView } from "@/lib/webhooks/queries";

/** The endpoint list's query string (search, page), read the same way on the provider's and a tenant's page. */
export function endpointTableParams(searchParams: SearchParamsInput) {
  const params = parseTableParams(searchParams, {
    sortable: ["createdAt"],
    defaultSort: "createdAt",
    defaultDir: "desc",
  });
  const filter: EndpointListFilter = { q: params.q || undefined, skip: params.skip, take: params.take };
  return { params, filter };
}

type Props = { list: { total: number; rows: WebhookEndpointView[] }; params: TableParams; basePath: string };

/** Each endpoint with what it receives, whether it is on, and what waits or failed; the URL opens its page. */
export function EndpointTable({ list, params, basePath }: Props) {
  return (
    <DataTable
      label="Webhook endpoints"
      toolbar={<DataTableToolbar searchPlaceholder="Search by URL or description" />}
      total={list.total}
      page={params.page}
      pageSize={params.pageSize}
      columns={[
        { key: "url", header: "URL" },
        { key: "events", header: "Events", hideBelow: "md" },
        { key: "deliveries", header: "Deliveries", hideBelow: "sm" },
        { key: "createdAt", header: "Created", hideBelow: "lg" },
        { key: "state", header: "State" },
      ]}
      emptyState={
        params.q ? undefined : (
          <EmptyState
            bare
            icon={Webhook}
            title="No webhook endpoints yet"
            description="Add one above to have events POSTed to your own systems as they happen."
          />
        )
      }
      rows={list.rows.map((e) => ({
        id: e.id,
        cells: {
          url: (
            <div className="grid min-w-0 gap-0.5">
              <Link href={`${basePath}/${e.id}`} className="font-medium break-all underline-offset-4 hover:underline">
                {e.url}
              </Link>
              {e.description && <span className="text-xs text-muted-foreground">{e.description}</span>}
            </div>
          ),
          events:
            e.eventTypes.length === 0 ? "All" : `${e.eventTypes.length} type${e.eventTypes.length === 1 ? "" : "s"}`,
          deliveries:
            e.pending + e.failed === 0 ? (
              <span className="text-muted-foreground">Up to date</span>
            ) : (
              <span>
                {e.pending > 0 && `${e.pending} waiting`}
                {e.pending > 0 && e.failed > 0 && ", "}
                {e.failed > 0 && <span className="text-destructive">{e.failed} failed</span>}
              </span>
            ),
          createdAt: <RelativeTime date={e.createdAt} />,
          state: (
            <span title={e.disabledReason ?? undefined}>
              <StatusBadge state={e.enabled ? "active" : "disabled"} />
              {!e.enabled && e.disabledReason && <span className="sr-only"> {e.disabledReason}</span>}
            </span>
          ),
        },
      }))}
    />
  );
}
