import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { OperationDetail } from "@/lib/jobs/queries";
import { describeProgress } from "./operation-format";
import { describeOperationKind } from "./operation-kind";
import { OperationSteps } from "./operation-steps";

/** A running (or just finished) operation on an object's page: what it is, how far it got, and its live steps. */
export function OperationTimelineCard({
  operation: op,
  href,
  now,
  showTarget = false,
}: {
  operation: OperationDetail;
  href: string;
  now: Date;
  showTarget?: boolean;
}) {
  const progress = describeProgress(op);
  return (
    // A region, so its name is announced and found (a name on a bare div is not exposed reliably).
    <Card role="region" aria-label={`${describeOperationKind(op.kind)}: ${op.targetName}`}>
      <CardHeader className="flex-row items-center justify-between gap-3">
        <CardTitle className="flex flex-wrap items-center gap-2">
          {describeOperationKind(op.kind)}
          {showTarget && <span className="font-normal text-muted-foreground">{op.targetName}</span>}
          <StatusBadge state={op.state} />
          {progress && <span className="text-sm font-normal text-muted-foreground tabular-nums">{progress}</span>}
        </CardTitle>
        <Link href={href} className="text-sm text-primary underline-offset-4 hover:underline">
          Operation details
        </Link>
      </CardHeader>
      <CardContent>
        <OperationSteps steps={op.steps} now={now} />
      </CardContent>
    </Card>
  );
}
