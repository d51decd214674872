import Link from "next/link";
import { buildTableHref, formatCount } from "@/components/data-table/params";
import type { CountFigure } from "@/lib/db/count";
import { getStateStyle } from "@/components/status-badge";
import { cn } from "@/lib/utils/cn";
import type { OperationState } from "@/lib/db/client";

const dot: Record<OperationState, string> = {
  queued: "bg-muted-foreground/70",
  running: "bg-info",
  succeeded: "bg-success",
  failed: "bg-destructive",
  cancelled: "bg-muted-foreground/40",
};

/**
 * Counts per state for the current filters; a click filters the table by that state (a second click clears it). A
 * count above the exact limit is PostgreSQL's estimate and reads "about …".
 */
export function StateCounts(props: {
  counts: Record<OperationState, CountFigure>;
  active?: string;
  basePath: string;
  search: string;
}) {
  const { counts, active, basePath, search } = props;
  const states = Object.keys(counts) as OperationState[];
  const total: CountFigure = {
    value: states.reduce((n, s) => n + counts[s].value, 0),
    estimated: states.some((s) => counts[s].estimated),
  };
  return (
    <nav aria-label="Operations by state" className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      <CountLink
        href={buildTableHref(basePath, search, { state: null })}
        label="All"
        value={total}
        isActive={!active}
      />
      {states.map((state) => (
        <CountLink
          key={state}
          href={buildTableHref(basePath, search, { state: active === state ? null : state })}
          label={getStateStyle(state).label}
          value={counts[state]}
          isActive={active === state}
          dotClass={dot[state]}
        />
      ))}
    </nav>
  );
}

function CountLink(props: { href: string; label: string; value: CountFigure; isActive: boolean; dotClass?: string }) {
  return (
    <Link
      href={props.href}
      scroll={false}
      aria-current={props.isActive ? "true" : undefined}
      className={cn(
        "rounded-xl border bg-card px-4 py-3 shadow-xs transition-[border-color,box-shadow] outline-none hover:border-primary/40 focus-visible:ring-2 focus-visible:ring-ring",
        props.isActive && "border-primary/60 bg-primary/5 ring-1 ring-primary/30",
      )}
    >
      <span className="flex items-center gap-1.5 text-sm font-medium text-muted-foreground">
        {props.dotClass && <span aria-hidden className={cn("size-2 rounded-full", props.dotClass)} />}
        {props.label}
      </span>
      <span className="mt-0.5 block text-2xl font-semibold tracking-tight tabular-nums">
        {formatCount(props.value.value, props.value.estimated)}
      </span>
    </Link>
  );
}
