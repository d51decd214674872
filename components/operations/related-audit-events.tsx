import { ScrollText } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { describeAuditAction } from "@/lib/audit/labels";
import type { listRelatedAuditEvents } from "@/lib/jobs/queries";

type AuditRow = Awaited<ReturnType<typeof listRelatedAuditEvents>>[number];
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** Who touched this operation or its target (retries, cancels, the change that started it). */
export function RelatedAuditEvents({ events }: { events: AuditRow[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Related audit events</CardTitle>
      </CardHeader>
      <CardContent>
        {events.length === 0 ? (
          <EmptyState
            bare
            icon={ScrollText}
            title="No audit events"
            description="Nobody has retried or cancelled this operation or changed its target since."
          />
        ) : (
          <ul className="divide-y text-sm">
            {events.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2.5">
                <span className="min-w-0">
                  <span className="font-medium">{e.actorEmail ?? "system"}</span>{" "}
                  {describeAuditAction(e.action, e.outcome)}
                  {e.targetName && <span className="text-muted-foreground"> · {e.targetName}</span>}
                </span>
                <span className="flex items-center gap-3 text-xs text-muted-foreground">
                  {e.outcome !== "success" && <StatusBadge state="failed" label={e.outcome} />}
                  <time dateTime={e.at.toISOString()} className="tabular-nums">
                    {dateFormat.format(e.at)} UTC
                  </time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
