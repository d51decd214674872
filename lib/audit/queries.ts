import { db, type Prisma } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/context";

export const auditPeriods = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 } as const;
export type AuditPeriod = keyof typeof auditPeriods;

export type AuditFilter = {
  q?: string;
  action?: string;
  outcome?: string;
  period?: AuditPeriod;
  skip: number;
  take: number;
};

/** Audit is provider-wide: only staff contexts can list it. */
export async function listAuditEvents(_ctx: StaffContext, filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    action: filter.action || undefined,
    outcome: filter.outcome || undefined,
    at: filter.period ? { gte: new Date(Date.now() - auditPeriods[filter.period] * 3_600_000) } : undefined,
  };
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" as const };
    where.OR = [{ actorEmail: contains }, { targetName: contains }, { targetId: filter.q }, { ip: filter.q }];
  }
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: { at: "desc" }, skip: filter.skip, take: filter.take }),
  ]);
  return { total, rows };
}

export async function listAuditActions() {
  const rows = await db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
