import * as React from "react";
import { Construction, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { renderIcon } from "./empty-state";

export type NotAvailableProps = {
  title?: React.ReactNode;
  /** What the section will do and why it is not here yet; say it plainly. */
  explanation?: React.ReactNode;
  icon?: LucideIcon | React.ReactElement;
  /** E.g. a link back to a section that works. */
  action?: React.ReactNode;
  className?: string;
};

/** An honest placeholder for a section later work will build: no fake data, no dead buttons. */
export function NotAvailable({
  title = "This section is not available yet",
  explanation,
  icon,
  action,
  className,
}: NotAvailableProps) {
  return (
    <section
      aria-label="Not available yet"
      className={cn(
        "flex flex-col items-start gap-4 rounded-xl border border-dashed bg-card/50 p-6 sm:flex-row sm:p-8",
        className,
      )}
    >
      <div className="grid size-11 shrink-0 place-content-center rounded-lg bg-warning/15 text-[color-mix(in_oklab,var(--warning)_65%,black)] dark:text-warning">
        {renderIcon(icon, Construction, "size-5")}
      </div>
      <div className="min-w-0 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-base font-semibold">{title}</h2>
          <span className="rounded border border-dashed px-1.5 text-[10px] leading-4 font-medium tracking-wide text-muted-foreground uppercase">
            Soon
          </span>
        </div>
        {explanation && <div className="max-w-2xl text-sm text-pretty text-muted-foreground">{explanation}</div>}
        {action && <div className="pt-2">{action}</div>}
      </div>
    </section>
  );
}
