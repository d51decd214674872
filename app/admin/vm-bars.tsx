"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** VMs per plan or per tenant: a small horizontal bar chart. */
export function VmBars({ data }: { data: { name: string; vms: number }[] }) {
  if (data.every((d) => d.vms === 0))
    return <p className="py-8 text-center text-sm text-muted-foreground">No VMs yet.</p>;
  return (
    <div className="h-56" role="img" aria-label={data.map((d) => `${d.name}: ${d.vms} VMs`).join(", ")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--border)" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "var(--muted-foreground)" }} />
          <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 12, fill: "var(--muted-foreground)" }} />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8 }}
          />
          <Bar dataKey="vms" name="VMs" fill="var(--primary)" radius={[0, 4, 4, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
