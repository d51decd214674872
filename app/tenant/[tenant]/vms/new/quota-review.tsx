import * as React from "react";
import { QuotaBar } from "@/components/quota-bar";
import { quotaRows, type QuotaNumbers } from "./create-vm-state";

export function QuotaReview({
  used,
  adding,
  limit,
}: {
  used: QuotaNumbers;
  adding: QuotaNumbers;
  limit: QuotaNumbers;
}) {
  return (
    <div className="grid gap-3" aria-label="Quota">
      {quotaRows.map(([key, label]) => (
        <div key={key} className="grid gap-0.5">
          <QuotaBar label={label} used={used[key] + adding[key]} limit={limit[key]} />
          <p className="text-xs text-muted-foreground tabular-nums">
            {used[key]} in use{adding[key] > 0 ? ` + ${adding[key]} for this request` : ""} ·{" "}
            {Math.max(0, limit[key] - used[key])} left
          </p>
        </div>
      ))}
    </div>
  );
}

/** The choices so far, label and value, as the review card lists them before submit. */
export function ReviewList({ rows }: { rows: [label: string, value: string][] }) {
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm" aria-label="Review">
      {rows.map(([label, value]) => (
        <React.Fragment key={label}>
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="truncate" title={value}>
            {value}
          </dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
