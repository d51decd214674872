import { CircleX } from "lucide-react";
import { CopyButton } from "@/components/copy-button";

export type ErrorPanelProps = {
  message: string | null;
  code: string | null;
  requestId: string | null;
  correlationId: string | null;
  /** Azure's raw error, already redacted by the query; omitted for tenants. */
  detail?: unknown;
};

/** Why an operation failed: the human message first, then what support needs to find it in Azure. */
export function ErrorPanel({ message, code, requestId, correlationId, detail }: ErrorPanelProps) {
  const raw = detail == null ? null : JSON.stringify(detail, null, 2);
  return (
    <section aria-label="Error" className="rounded-xl border border-destructive/30 bg-destructive/5 p-5">
      <div className="flex gap-3">
        <CircleX aria-hidden className="mt-0.5 size-5 shrink-0 text-destructive" />
        <div className="min-w-0 flex-1 space-y-3">
          <div>
            <h2 className="text-base font-semibold">This operation failed</h2>
            <p className="mt-1 text-sm break-words">{message ?? "Azure did not say why."}</p>
          </div>
          <dl className="grid gap-1.5 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
            {code && <IdRow label="Error code" value={code} />}
            {requestId && <IdRow label="Request ID" value={requestId} />}
            {correlationId && <IdRow label="Correlation ID" value={correlationId} />}
          </dl>
          {raw && (
            <details className="group rounded-lg border bg-card">
              <summary className="cursor-pointer px-3 py-2 text-sm font-medium select-none">Raw Azure error</summary>
              <pre className="max-h-96 overflow-auto border-t px-3 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap">
                {raw}
              </pre>
            </details>
          )}
        </div>
      </div>
    </section>
  );
}

function IdRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="flex min-w-0 items-center gap-1">
        <code className="truncate rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{value}</code>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </dd>
    </>
  );
}
