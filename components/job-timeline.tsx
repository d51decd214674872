import * as React from "react";
import { format } from "date-fns";
import { CircleCheck, CircleDashed, CircleMinus, CircleX, LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Progress } from "@/components/ui/progress";
import { CopyButton } from "./copy-button";
import { formatDuration } from "./job-timeline-format";

export type JobStepState = "pending" | "running" | "succeeded" | "failed" | "skipped";

export type JobStep = {
  name: string;
  state: JobStepState;
  startedAt?: Date | string | null;
  endedAt?: Date | string | null;
  attempt?: number | null;
  /** Error message for a failed step (with the ARM code), or a short note for the others. */
  detail?: string | null;
  requestId?: string | null;
  correlationId?: string | null;
  /** 0–100 for a running step that reports progress. */
  percent?: number | null;
};

const icons: Record<JobStepState, { Icon: typeof CircleCheck; className: string; label: string }> = {
  pending: { Icon: CircleDashed, className: "text-muted-foreground/60", label: "Pending" },
  running: { Icon: LoaderCircle, className: "animate-spin text-info", label: "Running" },
  succeeded: { Icon: CircleCheck, className: "text-success", label: "Succeeded" },
  failed: { Icon: CircleX, className: "text-destructive", label: "Failed" },
  skipped: { Icon: CircleMinus, className: "text-muted-foreground/60", label: "Skipped" },
};

const toDate = (d: Date | string | null | undefined) => (d ? new Date(d) : undefined);

export type JobTimelineProps = {
  steps: JobStep[];
  /** The clock used for a running step's elapsed time; pass it for deterministic rendering. */
  now?: Date;
  className?: string;
};

/** An Operation's steps in order, with durations, the live step spinning and the failed step's error and ids. */
export function JobTimeline({ steps, now = new Date(), className }: JobTimelineProps) {
  if (steps.length === 0) {
    return <p className={cn("text-sm text-muted-foreground", className)}>No steps recorded yet.</p>;
  }
  return (
    <ol className={cn("relative", className)} aria-label="Steps">
      {steps.map((step, i) => {
        const { Icon, className: iconClass, label } = icons[step.state];
        const started = toDate(step.startedAt);
        const ended = toDate(step.endedAt) ?? (step.state === "running" ? now : undefined);
        const duration = started && ended ? formatDuration(ended.getTime() - started.getTime()) : undefined;
        const isLast = i === steps.length - 1;
        const isFailed = step.state === "failed";
        return (
          <li key={`${i}-${step.name}`} className="relative flex gap-3 pb-5 last:pb-0">
            {!isLast && (
              <span
                aria-hidden
                className={cn(
                  "absolute top-6 bottom-0 left-[9px] w-px",
                  step.state === "succeeded" ? "bg-success/40" : "bg-border",
                )}
              />
            )}
            <span className="relative z-10 grid size-5 shrink-0 place-content-center rounded-full bg-card">
              <Icon aria-hidden className={cn("size-5", iconClass)} />
            </span>
            <div className="min-w-0 flex-1 pt-px">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
                <p
                  className={cn(
                    "text-sm font-medium",
                    step.state === "pending" || step.state === "skipped" ? "text-muted-foreground" : "text-foreground",
                  )}
                >
                  {step.name}
                  <span className="sr-only">, {label}</span>
                  {step.attempt && step.attempt > 1 ? (
                    <span className="ml-2 rounded bg-warning/15 px-1.5 py-px text-[11px] font-medium text-[color-mix(in_oklab,var(--warning)_60%,black)] dark:text-warning">
                      attempt {step.attempt}
                    </span>
                  ) : null}
                </p>
                <p className="text-xs text-muted-foreground tabular-nums">
                  {started && (
                    <time dateTime={started.toISOString()} title={format(started, "PPpp")}>
                      {format(started, "HH:mm:ss")}
                    </time>
                  )}
                  {duration && (
                    <span className={cn(started && "ml-2", step.state === "running" && "text-info")}>
                      {step.state === "running" ? `${duration} so far` : duration}
                    </span>
                  )}
                  {step.state === "skipped" && !started && "skipped"}
                </p>
              </div>
              {step.state === "running" && typeof step.percent === "number" && (
                <Progress value={step.percent} className="mt-2 h-1.5 max-w-xs" aria-label={`${step.name} progress`} />
              )}
              {step.detail && (
                <div
                  className={cn(
                    "mt-1.5 text-sm break-words",
                    isFailed
                      ? "rounded-md border border-destructive/25 bg-destructive/6 px-3 py-2 text-foreground"
                      : "text-muted-foreground",
                  )}
                >
                  {step.detail}
                </div>
              )}
              {(step.requestId || step.correlationId) && (
                <dl className="mt-1.5 grid gap-0.5 text-xs">
                  {step.requestId && <IdRow label="Request ID" value={step.requestId} />}
                  {step.correlationId && <IdRow label="Correlation ID" value={step.correlationId} />}
                </dl>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function IdRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <dt className="shrink-0 text-muted-foreground">{label}</dt>
      <dd className="flex min-w-0 items-center gap-0.5">
        <code className="truncate rounded bg-muted px-1.5 py-0.5 font-mono text-[11px] text-foreground">{value}</code>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}
