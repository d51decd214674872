import * as React from "react";
import { cn } from "@/lib/utils/cn";
import { Progress, type ProgressTone } from "@/components/ui/progress";

/** Pure: the share used and the tone the bar takes (warning from 80 %, destructive at or over the limit). */
export function quotaLevel(
  used: number,
  limit: number | null | undefined,
): { percent: number | null; tone: ProgressTone } {
  if (limit === null || limit === undefined || limit < 0) return { percent: null, tone: "default" };
  if (limit === 0) return { percent: used > 0 ? 100 : 0, tone: used > 0 ? "destructive" : "default" };
  const percent = (used / limit) * 100;
  const tone: ProgressTone = percent >= 100 ? "destructive" : percent >= 80 ? "warning" : "default";
  return { percent, tone };
}

export type QuotaBarProps = {
  label: React.ReactNode;
  used: number;
  /** null or undefined means unlimited. */
  limit: number | null | undefined;
  unit?: string;
  className?: string;
};

export function QuotaBar({ label, used, limit, unit, className }: QuotaBarProps) {
  const { percent, tone } = quotaLevel(used, limit);
  const fmt = (n: number) => n.toLocaleString("en-US");
  const isUnlimited = percent === null;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className="flex min-w-0 items-baseline justify-between gap-3 text-sm">
        <span className="min-w-0 truncate font-medium" title={typeof label === "string" ? label : undefined}>
          {label}
        </span>
        <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
          <span className="font-medium text-foreground">{fmt(used)}</span>
          {isUnlimited ? " used · no limit" : ` / ${fmt(limit as number)}${unit ? ` ${unit}` : ""}`}
          {!isUnlimited && (
            <span
              className={cn(
                "ml-2 font-medium",
                tone === "warning" && "text-[color-mix(in_oklab,var(--warning)_65%,black)] dark:text-warning",
                tone === "destructive" && "text-destructive",
              )}
            >
              {Math.round(percent)}%
            </span>
          )}
        </span>
      </div>
      <Progress
        value={isUnlimited ? 0 : Math.min(percent, 100)}
        tone={tone}
        aria-label={typeof label === "string" ? `${label} quota` : "Quota"}
        aria-valuetext={isUnlimited ? `${used} used, no limit` : `${used} of ${limit} used`}
      />
    </div>
  );
}
