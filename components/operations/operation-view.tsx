import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { StaffContext } from "@/lib/auth/context";
import { pageNotFound } from "@/lib/auth/page-context";
import { isCancellable } from "@/lib/jobs/cancel-policy";
import { getOperation, listRelatedAuditEvents, type OperationScope } from "@/lib/jobs/queries";
import { AutoRefresh } from "./auto-refresh";
import { CancelNotice } from "./cancel-notice";
import { ErrorPanel } from "./error-panel";
import { OperationAdminActions } from "./operation-admin-actions";
import { OperationFacts } from "./operation-facts";
import { OperationSteps } from "./operation-steps";
import { RelatedAuditEvents } from "./related-audit-events";
import { describeOperationKind } from "./operation-kind";
import { describeProgress, isActiveState } from "./operation-format";

export type OperationViewProps = {
  id: string;
  /** Staff see the tenant, the raw Azure error and related audit events; admins also Retry and Cancel. */
  access: { staff: StaffContext } | { tenantId: string; user: { id: string; email: string } };
  /** The list this operation belongs to (for the breadcrumb). */
  listPath: string;
};

/** One operation for an admin, the helpdesk or its tenant: header, error, step timeline; live while it is still moving. */
export async function OperationView({ id, access, listPath }: OperationViewProps) {
  const staff = "staff" in access ? access.staff : undefined;
  // A tenant's scope carries the reader, so another tenant's operation id is audited as denied.
  const scope: OperationScope =
    "staff" in access ? { kind: "staff" } : { kind: "tenant", tenantId: access.tenantId, user: access.user };
  const op = await getOperation(scope, id).catch(pageNotFound);
  const events = staff ? await listRelatedAuditEvents(staff, op.id) : [];
  const progress = describeProgress(op);
  const now = new Date();
  return (
    <div className="space-y-6">
      {isActiveState(op.state) && <AutoRefresh isLive />}
      <PageHeader
        breadcrumbs={[{ label: "Operations", href: listPath }, { label: op.targetName }]}
        title={`${describeOperationKind(op.kind)}: ${op.targetName}`}
        meta={
          <>
            <StatusBadge state={op.state} />
            {progress && <span className="text-sm text-muted-foreground tabular-nums">{progress}</span>}
          </>
        }
        description={staff ? `${op.tenant?.name ?? "Provider"} · ${op.targetType}` : op.targetType}
        actions={
          staff?.staffRole === "admin" ? (
            <OperationAdminActions
              id={op.id}
              state={op.state}
              targetName={op.targetName}
              isCancelRequested={op.cancelRequestedAt !== null}
              isCancellable={isCancellable(op.kind, op.state)}
            />
          ) : undefined
        }
      />
      <CancelNotice
        state={op.state}
        cancelRequestedAt={op.cancelRequestedAt}
        cancelRequestedBy={op.cancelRequestedBy}
        message={op.errorMessage}
      />
      {op.state === "failed" && (
        <ErrorPanel
          message={op.errorMessage}
          code={op.errorCode}
          requestId={op.errorRequestId}
          correlationId={op.errorCorrelationId}
          detail={op.errorDetail}
        />
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Steps</CardTitle>
          </CardHeader>
          <CardContent>
            <OperationSteps steps={op.steps} now={now} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <OperationFacts op={op} showTenant={Boolean(staff)} now={now} />
          </CardContent>
        </Card>
      </div>
      {staff && <RelatedAuditEvents events={events} />}
    </div>
  );
}
