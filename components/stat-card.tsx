import * as React from "react";
import Link from "next/link";
import { ArrowUpRight, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { renderIcon } from "./empty-state";

export type StatCardProps = {
  label: React.ReactNode;
  value: React.ReactNode;
  /** A line under the value: "3 running, 1 stopped". */
  hint?: React.ReactNode;
  icon?: LucideIcon | React.ReactElement;
  /** Makes the whole card a link to the list it counts. */
  href?: string;
  className?: string;
};

export function StatCard({ label, value, hint, icon, href, className }: StatCardProps) {
  const body = (
    <>
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm font-medium text-muted-foreground">{label}</p>
        {icon && (
          <span className="grid size-8 shrink-0 place-content-center rounded-lg bg-primary/10 text-primary">
            {renderIcon(icon, ArrowUpRight, "size-4")}
          </span>
        )}
      </div>
      <p className="mt-1 text-2xl font-semibold tracking-tight tabular-nums">{value}</p>
      {hint && <p className="mt-1 text-xs text-muted-foreground">{hint}</p>}
      {href && (
        <ArrowUpRight
          aria-hidden
          className="absolute right-3 bottom-3 size-4 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100"
        />
      )}
    </>
  );
  const base = "group relative block rounded-xl border bg-card p-5 text-card-foreground shadow-xs";
  if (href) {
    return (
      <Link
        href={href}
        className={cn(
          base,
          "transition-[border-color,box-shadow] outline-none hover:border-primary/40 hover:shadow-sm focus-visible:ring-2 focus-visible:ring-ring",
          className,
        )}
      >
        {body}
      </Link>
    );
  }
  return <div className={cn(base, className)}>{body}</div>;
}
