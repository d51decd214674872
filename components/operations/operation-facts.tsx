import { CopyButton } from "@/components/copy-button";
import { RelativeTime } from "@/components/relative-time";
import type { OperationDetail } from "@/lib/jobs/queries";
import { describeDuration } from "./operation-format";

/** Who asked, when, how long and how many attempts. */
export function OperationFacts({ op, showTenant, now }: { op: OperationDetail; showTenant: boolean; now: Date }) {
  const duration = describeDuration(op, now);
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2.5 text-sm">
      <Fact label="Target">
        {op.targetName} <span className="text-muted-foreground">({op.targetType})</span>
      </Fact>
      {showTenant && <Fact label="Tenant">{op.tenant ? `${op.tenant.name} (${op.tenant.slug})` : "Provider"}</Fact>}
      <Fact label="Requested by">
        {op.actor ? (
          <>
            {op.actor.name} <span className="block text-xs text-muted-foreground">{op.actor.email}</span>
          </>
        ) : (
          "System"
        )}
      </Fact>
      <Fact label="Requested">
        <RelativeTime date={op.createdAt} />
      </Fact>
      <Fact label="Started">{op.startedAt ? <RelativeTime date={op.startedAt} /> : "Not yet"}</Fact>
      {op.endedAt && (
        <Fact label="Finished">
          <RelativeTime date={op.endedAt} />
        </Fact>
      )}
      <Fact label="Duration">{duration ?? "—"}</Fact>
      <Fact label="Attempts">{op.attempts}</Fact>
      <Fact label="Operation ID">
        <span className="flex min-w-0 items-center gap-1">
          <code className="truncate font-mono text-xs">{op.id}</code>
          <CopyButton value={op.id} label="Copy operation id" />
        </span>
      </Fact>
      <Fact label="Kind">
        <code className="font-mono text-xs">{op.kind}</code>
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}
