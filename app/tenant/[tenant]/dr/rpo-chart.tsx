"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { RpoPoint } from "@/lib/dr/dashboard";

const COLORS = ["var(--primary)", "var(--info)", "var(--success)", "var(--warning)", "var(--muted-foreground)"];
// UTC on both server and browser, so the HTML matches.
const hourFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Each protected VM's RPO (worst per 10 minutes, in minutes) over the last day, with the policy's copy frequency as the target line. */
export function RpoChart({
  vms,
  points,
  targetSeconds,
}: {
  vms: string[];
  points: RpoPoint[];
  targetSeconds: number | null;
}) {
  if (points.length === 0)
    return (
      <p className="py-8 text-center text-sm text-muted-foreground">
        No RPO samples yet: they are recorded each time replication state is read from Azure.
      </p>
    );
  const data = points.map((p) => ({
    label: hourFormat.format(new Date(p.at)),
    ...Object.fromEntries(
      vms.map((vm) => [vm, typeof p[vm] === "number" ? Math.round((p[vm] as number) / 6) / 10 : undefined]),
    ),
  }));
  const target = targetSeconds ? targetSeconds / 60 : null;
  const latest = (vm: string) =>
    [...points].reverse().find((p) => typeof p[vm] === "number")?.[vm] as number | undefined;
  const summary = vms.map((vm) => `${vm}: latest ${latest(vm) ?? "—"} s`).join(", ");
  return (
    <div
      className="h-64 w-full text-xs"
      role="img"
      aria-label={`RPO over the last 24 hours. ${summary}${target ? `. Target ${target} min.` : ""}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="label"
            tickLine={false}
            axisLine={false}
            interval="preserveStartEnd"
            minTickGap={16}
            stroke="var(--muted-foreground)"
          />
          <YAxis
            tickLine={false}
            axisLine={false}
            stroke="var(--muted-foreground)"
            unit=" min"
            width={64}
            domain={[0, (max: number) => Math.max(max, target ?? 0) * 1.1]}
          />
          <Tooltip
            contentStyle={{
              background: "var(--popover)",
              border: "1px solid var(--border)",
              borderRadius: 8,
              color: "var(--popover-foreground)",
            }}
            formatter={(v) => `${String(v)} min`}
          />
          <Legend iconType="circle" iconSize={8} />
          {target !== null && (
            <ReferenceLine
              y={target}
              stroke="var(--destructive)"
              strokeDasharray="4 4"
              label={{
                value: `Policy: ${target} min`,
                position: "insideTopRight",
                fill: "var(--destructive)",
                fontSize: 11,
              }}
            />
          )}
          {vms.map((vm, n) => (
            <Line
              key={vm}
              type="monotone"
              dataKey={vm}
              name={vm}
              stroke={COLORS[n % COLORS.length]}
              strokeWidth={2}
              dot={data.length < 30}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
