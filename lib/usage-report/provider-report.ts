import type { StaffContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import { countUsageRows, usageRows, usageTotals, type UsageRow, type UsageRowsQuery } from "./report";
import { csvHeader, csvLine } from "./csv";
import type { UsageQuery } from "./schema";

/**
 * The provider's usage report across tenants (admin page, its CSV, GET /api/v1/usage): one query, three doors.
 * `tenant` is a slug; an unknown one is a 404, not an empty report.
 */
async function resolve(q: UsageQuery): Promise<UsageRowsQuery> {
  let tenantId: string | undefined;
  if (q.tenant) {
    const t = await db.tenant.findUnique({ where: { slug: q.tenant }, select: { id: true } });
    if (!t) throw new NotFound("Tenant");
    tenantId = t.id;
  }
  return { from: q.from, to: q.to, granularity: q.granularity, tenantId };
}

/** A page of the report with the count and totals of the whole filter. */
export async function providerUsage(_ctx: StaffContext, q: UsageQuery, page: { skip: number; take: number }) {
  const query = await resolve(q);
  const [rows, total, totals] = await Promise.all([
    usageRows({ ...query, ...page }),
    countUsageRows(query),
    usageTotals(query),
  ]);
  return { rows, total, totals };
}

/** A tenant's own rows (tenant tokens and members): the tenant comes from the caller's context, never the query. */
export async function tenantUsageRows(
  ctx: { tenantId: string },
  q: Omit<UsageQuery, "tenant">,
  page: { skip: number; take: number },
): Promise<{ rows: UsageRow[]; total: number; totals: { currency: string; amount: string }[] }> {
  const query = { from: q.from, to: q.to, granularity: q.granularity, tenantId: ctx.tenantId };
  const [rows, total, totals] = await Promise.all([
    usageRows({ ...query, ...page }),
    countUsageRows(query),
    usageTotals(query),
  ]);
  return { rows, total, totals };
}

const CSV_PAGE = 10_000;

/** Rows as CSV text chunks, read a page at a time so a year of every tenant never sits in memory. */
async function* csvChunks(query: UsageRowsQuery): AsyncGenerator<string> {
  yield csvHeader();
  for (let skip = 0; ; skip += CSV_PAGE) {
    const rows = await usageRows({ ...query, skip, take: CSV_PAGE });
    if (rows.length) yield rows.map(csvLine).join("");
    if (rows.length < CSV_PAGE) return;
  }
}

/** The provider's report as CSV: the page's and GET /api/v1/usage's rows for the same filters. */
export async function* providerUsageCsv(_ctx: StaffContext, q: UsageQuery): AsyncGenerator<string> {
  yield* csvChunks(await resolve(q));
}

/** A tenant's own rows as CSV (its Usage page's export); the tenant comes from the caller's context. */
export function tenantUsageCsv(ctx: { tenantId: string }, q: Omit<UsageQuery, "tenant">): AsyncGenerator<string> {
  return csvChunks({ from: q.from, to: q.to, granularity: q.granularity, tenantId: ctx.tenantId });
}

/** The report's tenant filter: every tenant by name (slug as the value). */
export async function listReportTenants(_ctx: StaffContext) {
  return db.tenant.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
