import * as React from "react";
import { cn } from "@/lib/utils/cn";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

type Tone = Extract<BadgeVariant, "success" | "warning" | "destructive" | "info" | "muted" | "default">;
type StateStyle = { tone: Tone; label: string; isBusy?: boolean };

/**
 * Every state a badge may show, keyed in lower case: Azure returns `Succeeded`, our tables store `succeeded`, and both
 * must look the same. Busy states pulse so a list of VMs shows at a glance what is still moving.
 */
const states: Record<string, StateStyle> = {
  // Operation
  queued: { tone: "muted", label: "Queued", isBusy: true },
  running: { tone: "info", label: "Running", isBusy: true },
  succeeded: { tone: "success", label: "Succeeded" },
  failed: { tone: "destructive", label: "Failed" },
  cancelled: { tone: "muted", label: "Cancelled" },
  canceled: { tone: "muted", label: "Cancelled" },
  // VM provisioning
  creating: { tone: "info", label: "Creating", isBusy: true },
  updating: { tone: "info", label: "Updating", isBusy: true },
  deleting: { tone: "warning", label: "Deleting", isBusy: true },
  // VM power (the `running` above covers the power state too)
  stopped: { tone: "warning", label: "Stopped" },
  deallocated: { tone: "muted", label: "Deallocated" },
  starting: { tone: "info", label: "Starting", isBusy: true },
  stopping: { tone: "warning", label: "Stopping", isBusy: true },
  deallocating: { tone: "warning", label: "Deallocating", isBusy: true },
  // Azure subscription
  validating: { tone: "info", label: "Validating", isBusy: true },
  active: { tone: "success", label: "Active" },
  error: { tone: "destructive", label: "Error" },
  disabled: { tone: "muted", label: "Disabled" },
  // Tenant
  suspended: { tone: "warning", label: "Suspended" },
  // Plan
  public: { tone: "success", label: "Public" },
  private: { tone: "info", label: "Private" },
  retired: { tone: "muted", label: "Retired" },
  // DR / replication
  protected: { tone: "success", label: "Protected" },
  enablingprotection: { tone: "info", label: "Enabling protection", isBusy: true },
  replicating: { tone: "info", label: "Replicating", isBusy: true },
  failedover: { tone: "warning", label: "Failed over" },
  normal: { tone: "success", label: "Healthy" },
  healthy: { tone: "success", label: "Healthy" },
  warning: { tone: "warning", label: "Warning" },
  critical: { tone: "destructive", label: "Critical" },
  unknown: { tone: "muted", label: "Unknown" },
  pending: { tone: "muted", label: "Pending" },
  skipped: { tone: "muted", label: "Skipped" },
  // Audit outcome of a refused attempt
  denied: { tone: "warning", label: "Denied" },
};

const dotTones: Record<Tone, string> = {
  default: "bg-primary",
  success: "bg-success",
  warning: "bg-warning",
  destructive: "bg-destructive",
  info: "bg-info",
  muted: "bg-muted-foreground/70",
};

function humanize(state: string) {
  const spaced = state
    .replace(/[_-]+/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

export function getStateStyle(state: string): StateStyle {
  const key = state.replace(/[\s_-]+/g, "").toLowerCase();
  return states[key] ?? { tone: "muted", label: humanize(state) };
}

export type StatusBadgeProps = {
  /** Any domain state: an Operation, VM provisioning or power, AzureSubscription, Tenant, Plan or replication state. */
  state: string | null | undefined;
  /** Overrides the displayed text (keeps the colour of `state`). */
  label?: React.ReactNode;
  className?: string;
};

export function StatusBadge({ state, label, className }: StatusBadgeProps) {
  const style = getStateStyle(state || "unknown");
  return (
    <Badge variant={style.tone} className={cn("gap-1.5", className)} data-state={state ?? undefined}>
      <span aria-hidden className="relative flex size-1.5">
        {style.isBusy && (
          <span
            className={cn("absolute inline-flex size-full animate-ping rounded-full opacity-70", dotTones[style.tone])}
          />
        )}
        <span className={cn("relative inline-flex size-1.5 rounded-full", dotTones[style.tone])} />
      </span>
      {label ?? style.label}
    </Badge>
  );
}
