import type { TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";

export const RPO_WINDOW_HOURS = 24;
const BUCKET_MS = 10 * 60_000;

export type RpoPoint = { at: string } & Record<string, number | string>;

/**
 * Samples → one row per 10-minute bucket with each VM's worst RPO in it, keyed by VM name (the chart's series). A VM
 * with no sample in a bucket is absent from that row, and the chart bridges the gap.
 */
export function rpoSeries(samples: { at: Date; rpoSeconds: number; vmName: string }[]): {
  vms: string[];
  points: RpoPoint[];
} {
  const rows = new Map<number, RpoPoint>();
  for (const s of samples) {
    const bucket = Math.floor(s.at.getTime() / BUCKET_MS) * BUCKET_MS;
    const row = rows.get(bucket) ?? { at: new Date(bucket).toISOString() };
    row[s.vmName] = Math.max(Number(row[s.vmName] ?? 0), s.rpoSeconds);
    rows.set(bucket, row);
  }
  return {
    vms: [...new Set(samples.map((s) => s.vmName))].sort(),
    points: [...rows].sort(([a], [b]) => a - b).map(([, row]) => row),
  };
}

/** The DR dashboard: protected VMs by replication health, each VM's RPO over the last day against the policy, and its last test failover. */
export async function getDrDashboard(ctx: TenantContext) {
  const items = await db.protectedItem.findMany({
    where: { tenantId: ctx.tenantId },
    orderBy: { vmName: "asc" },
    select: {
      id: true,
      vmName: true,
      replicationHealth: true,
      lastTestFailoverAt: true,
      rpoSeconds: true,
      container: { select: { setup: { select: { copyFrequencySeconds: true } } } },
    },
  });
  const byHealth = items.reduce<Record<string, number>>(
    (acc, i) => ({ ...acc, [i.replicationHealth ?? "Unknown"]: (acc[i.replicationHealth ?? "Unknown"] ?? 0) + 1 }),
    {},
  );
  const since = new Date(Date.now() - RPO_WINDOW_HOURS * 3600_000);
  const samples = await db.rpoSample.findMany({
    where: { tenantId: ctx.tenantId, at: { gte: since } },
    orderBy: { at: "asc" },
    select: { at: true, rpoSeconds: true, protectedItem: { select: { vmName: true } } },
  });
  const rpo = rpoSeries(samples.map((s) => ({ at: s.at, rpoSeconds: s.rpoSeconds, vmName: s.protectedItem.vmName })));
  const targetSeconds = items.find((i) => i.container.setup)?.container.setup?.copyFrequencySeconds ?? null;
  const worstRpoSeconds = items.reduce<number | null>(
    (worst, i) => (i.rpoSeconds == null ? worst : Math.max(worst ?? 0, i.rpoSeconds)),
    null,
  );
  return {
    total: items.length,
    byHealth,
    worstRpoSeconds,
    rpo: { ...rpo, targetSeconds },
    tests: items.map((i) => ({
      id: i.id,
      vmName: i.vmName,
      replicationHealth: i.replicationHealth,
      lastTestFailoverAt: i.lastTestFailoverAt,
    })),
  };
}
