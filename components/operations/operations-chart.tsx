"use client";

import * as React from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cn } from "@/lib/utils/cn";

export type ChartBucket = {
  start: Date | string;
  succeeded: number;
  failed: number;
  cancelled: number;
  inProgress: number;
};
export type ChartRange = "24h" | "7d";

const series = [
  { key: "succeeded", label: "Succeeded", color: "var(--success)" },
  { key: "failed", label: "Failed", color: "var(--destructive)" },
  { key: "cancelled", label: "Cancelled", color: "var(--muted-foreground)" },
  { key: "inProgress", label: "Running or queued", color: "var(--info)" },
] as const;

// Buckets are UTC on the server; labelling them in UTC too keeps server and browser HTML identical.
const hourFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** Operations per hour (24 h) or per day (7 d), stacked by outcome; the range lives in the URL as `chart`. */
export function OperationsChart({ buckets, range }: { buckets: ChartBucket[]; range: ChartRange }) {
  const format = range === "24h" ? hourFormat : dayFormat;
  const data = buckets.map((b) => ({ ...b, label: format.format(new Date(b.start)) }));
  const total = buckets.reduce((n, b) => n + b.succeeded + b.failed + b.cancelled + b.inProgress, 0);
  return (
    <section aria-label="Operations over time" className="rounded-xl border bg-card p-5 shadow-xs">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">Operations over time</h2>
          <p className="text-sm text-muted-foreground">
            {total.toLocaleString("en-US")} in the last {range === "24h" ? "24 hours, by hour" : "7 days, by day"} (UTC)
          </p>
        </div>
        <RangeToggle range={range} />
      </div>
      <div className="h-56 w-full text-xs">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis
              dataKey="label"
              tickLine={false}
              axisLine={false}
              interval="preserveStartEnd"
              minTickGap={16}
              stroke="var(--muted-foreground)"
            />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} stroke="var(--muted-foreground)" />
            <Tooltip
              cursor={{ fill: "var(--muted)", opacity: 0.6 }}
              contentStyle={{
                background: "var(--popover)",
                border: "1px solid var(--border)",
                borderRadius: 8,
                color: "var(--popover-foreground)",
              }}
            />
            <Legend iconType="circle" iconSize={8} />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="outcome"
                fill={s.color}
                maxBarSize={28}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

function RangeToggle({ range }: { range: ChartRange }) {
  const pathname = usePathname() ?? "";
  const searchParams = useSearchParams();
  const hrefFor = (value: ChartRange) => {
    const next = new URLSearchParams(searchParams?.toString() ?? "");
    if (value === "24h") next.delete("chart");
    else next.set("chart", value);
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <div role="group" aria-label="Chart range" className="inline-flex rounded-lg border bg-muted/40 p-0.5 text-sm">
      {(["24h", "7d"] as const).map((value) => (
        <Link
          key={value}
          href={hrefFor(value)}
          scroll={false}
          replace
          aria-current={range === value ? "true" : undefined}
          className={cn(
            "rounded-md px-3 py-1 font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
            range === value && "bg-card text-foreground shadow-xs",
          )}
        >
          {value === "24h" ? "24 hours" : "7 days"}
        </Link>
      ))}
    </div>
  );
}
