"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "./format";

type Point = { day: string; amount: number; adjustments: number };

/**
 * Estimated charges per day, adjustments (late corrections of closed days) stacked apart. The figure is described in
 * its aria-label; the same numbers are in the table beside it, for keyboards and screen readers.
 */
export function UsageChart({ data, currency }: { data: Point[]; currency: string }) {
  const total = data.reduce((s, d) => s + d.amount + d.adjustments, 0);
  const peak = data.reduce(
    (best, d) => (d.amount + d.adjustments > best.amount + best.adjustments ? d : best),
    data[0],
  );
  const label =
    `Estimated charges per day from ${data[0]?.day} to ${data.at(-1)?.day}: ${formatMoney(total, currency)} in all` +
    (peak ? `, highest ${formatMoney(peak.amount + peak.adjustments, currency)} on ${peak.day}.` : ".");
  const hasAdjustments = data.some((d) => d.adjustments !== 0);
  return (
    <div className="h-64" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 8, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => String(Number(d.slice(8)))}
            tick={{ fontSize: 12, fill: "var(--muted-foreground)" }}
          />
          <YAxis width={64} tick={{ fontSize: 12, fill: "var(--muted-foreground)" }} />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            formatter={(v) => formatMoney(Number(v), currency)}
            contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8 }}
          />
          <Bar dataKey="amount" name="Usage" stackId="a" fill="var(--primary)" />
          {hasAdjustments && (
            <Bar dataKey="adjustments" name="Adjustments" stackId="a" fill="var(--muted-foreground)" />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
