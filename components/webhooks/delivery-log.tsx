import { History } from "lucide-react";
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
import type { WebhookDeliveryView } from "@/lib/webhooks/queries";
import type { ActionResult } from "@/lib/utils/action-result";
import { ActionButton } from "@/components/ui/action-button";

const deliveryStates = ["pending", "succeeded", "failed"] as const;
type DeliveryState = (typeof deliveryStates)[number];
const stateLabels: Record<DeliveryState, string> = { pending: "Pending", succeeded: "Succeeded", failed: "Failed" };
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export function deliveryLogParams(searchParams: SearchParamsInput) {
  const params = parseTableParams(searchParams, {
    sortable: ["createdAt"],
    defaultSort: "createdAt",
    defaultDir: "desc",
    filters: { state: deliveryStates },
  });
  return { params, state: params.filters.state as DeliveryState | undefined };
}

type Props = {
  list: { total: number; rows: WebhookDeliveryView[] };
  params: TableParams;
  /** The bound redelivery of one delivery; null when the viewer may not redeliver. */
  redeliver: ((deliveryId: string) => () => Promise<ActionResult>) | null;
};

const ms = (d: number | null) => (d === null ? "—" : d < 1000 ? `${d} ms` : `${(d / 1000).toFixed(1)} s`);

/**
 * One row per event sent to the endpoint: its last attempt's status code and response time, the attempt count, and
 * when the next retry is due; each attempt is listed under "Attempts". Redeliver sends the same event (same id) again.
 */
export function DeliveryLog({ list, params, redeliver }: Props) {
  return (
    <DataTable
      label="Delivery log"
      toolbar={
        <DataTableToolbar
          search={false}
          filters={[
            {
              name: "state",
              label: "State",
              options: deliveryStates.map((s) => ({ value: s, label: stateLabels[s] })),
            },
          ]}
        />
      }
      total={list.total}
      page={params.page}
      pageSize={params.pageSize}
      columns={[
        { key: "event", header: "Event" },
        { key: "status", header: "Status code" },
        { key: "duration", header: "Response time", hideBelow: "sm" },
        { key: "attempts", header: "Attempts", hideBelow: "md" },
        { key: "next", header: "Next retry", hideBelow: "lg" },
        { key: "state", header: "State" },
        { key: "actions", header: <span className="sr-only">Actions</span>, align: "right" },
      ]}
      emptyState={
        params.filters.state ? undefined : (
          <EmptyState
            bare
            icon={History}
            title="Nothing delivered yet"
            description="Events appear here as they are sent. Send a test event to try the endpoint."
          />
        )
      }
      rows={list.rows.map((d) => {
        const last = d.attemptLog[0];
        return {
          id: d.id,
          cells: {
            event: (
              <div className="grid min-w-0 gap-0.5">
                <span className="font-medium">{d.eventType}</span>
                <code className="font-mono text-xs break-all text-muted-foreground">{d.eventId}</code>
                <span className="text-xs text-muted-foreground">
                  Published <RelativeTime date={d.createdAt} />
                </span>
              </div>
            ),
            status: last ? (
              <span className={last.statusCode && last.statusCode < 300 ? undefined : "text-destructive"}>
                {last.statusCode ?? "No answer"}
              </span>
            ) : (
              <span className="text-muted-foreground">Not sent yet</span>
            ),
            duration: last ? ms(last.durationMs) : "—",
            attempts:
              d.attemptLog.length === 0 ? (
                "0"
              ) : (
                <details>
                  <summary className="cursor-pointer">{d.attempts}</summary>
                  <ol className="mt-1 grid gap-1 text-xs">
                    {d.attemptLog.map((a) => (
                      <li key={a.id}>
                        #{a.attempt}
                        {a.manual && " (redelivery)"} · {timeFormat.format(a.at)} UTC · {a.statusCode ?? "no answer"} ·{" "}
                        {ms(a.durationMs)}
                        {a.error && <span className="block text-destructive">{a.error}</span>}
                      </li>
                    ))}
                  </ol>
                </details>
              ),
            next:
              d.state === "pending" && d.attempts > 0 ? (
                <RelativeTime date={d.nextAttemptAt} />
              ) : (
                <span className="text-muted-foreground">—</span>
              ),
            state: (
              <span title={d.lastError ?? undefined}>
                <StatusBadge state={d.state} />
              </span>
            ),
            actions: redeliver ? (
              <ActionButton action={redeliver(d.id)} variant="outline" size="sm" pendingLabel="Queuing…">
                Redeliver
              </ActionButton>
            ) : null,
          },
        };
      })}
    />
  );
}
