import * as React from "react";
import { cn } from "@/lib/utils/cn";

const tones = {
  default: "bg-primary",
  success: "bg-success",
  warning: "bg-warning",
  destructive: "bg-destructive",
} as const;

export type ProgressTone = keyof typeof tones;

/** A determinate bar, or an indeterminate one when `value` is null/undefined. Server-safe. */
export function Progress({
  value,
  max = 100,
  tone = "default",
  className,
  ...props
}: Omit<React.ComponentProps<"div">, "children"> & { value?: number | null; max?: number; tone?: ProgressTone }) {
  const isIndeterminate = value === null || value === undefined;
  const pct = isIndeterminate ? 0 : Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={isIndeterminate ? undefined : value}
      data-slot="progress"
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <div
        className={cn(
          "h-full rounded-full transition-[width] duration-500",
          tones[tone],
          isIndeterminate && "w-2/5 animate-indeterminate",
        )}
        style={isIndeterminate ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
