import { db, Prisma } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/context";
import { countRows } from "@/lib/db/count";
import { keysetPage, type PageRequest } from "@/lib/db/keyset";

export const auditPeriods = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 } as const;
export type AuditPeriod = keyof typeof auditPeriods;

export type AuditFilter = {
  q?: string;
  action?: string;
  outcome?: string;
  period?: AuditPeriod;
} & PageRequest;

/** The filter as SQL over "AuditEvent": written once, used by the page, its count and the count's estimate. */
function auditWhere(filter: AuditFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.action) parts.push(Prisma.sql`action = ${filter.action}`);
  if (filter.outcome) parts.push(Prisma.sql`outcome = ${filter.outcome}`);
  if (filter.period) parts.push(Prisma.sql`"at" >= ${new Date(Date.now() - auditPeriods[filter.period] * 3_600_000)}`);
  const q = filter.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
    parts.push(
      Prisma.sql`("actorEmail" ilike ${pattern} or "targetName" ilike ${pattern} or "targetId" = ${q} or ip = ${q})`,
    );
  }
  return parts.length ? Prisma.join(parts, " and ") : Prisma.sql`true`;
}

/**
 * Audit is provider-wide: only staff contexts can list it. Newest first by keyset (`after` / `before` cursors), with
 * the total exact up to COUNT_EXACT_LIMIT and estimated above it (`totalIsEstimate`).
 */
export async function listAuditEvents(_ctx: StaffContext, filter: AuditFilter) {
  const where = auditWhere(filter);
  const [count, page] = await Promise.all([
    countRows(`"AuditEvent"`, where),
    keysetPage({
      table: `"AuditEvent"`,
      sortColumn: `"at"`,
      where,
      page: filter,
      load: (ids) => db.auditEvent.findMany({ where: { id: { in: ids } } }),
      sortValue: (row) => row.at,
    }),
  ]);
  return { total: count.value, totalIsEstimate: count.estimated, ...page };
}

/** The actions that occur in the log, by a skip scan of the (action, at) index: one probe per action, not per event. */
export async function listAuditActions() {
  const rows = await db.$queryRaw<{ action: string }[]>`
    with recursive a as (
      (select action from "AuditEvent" order by action limit 1)
      union all
      select (select e.action from "AuditEvent" e where e.action > a.action order by e.action limit 1) from a
      where a.action is not null
    )
    select action from a where action is not null`;
  return rows.map((r) => r.action);
}
