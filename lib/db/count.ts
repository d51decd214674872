import { db, Prisma } from "./client";

/** A row count: exact up to COUNT_EXACT_LIMIT, PostgreSQL's planner estimate above it (the UI says "about"). */
export type CountFigure = { value: number; estimated: boolean };

/**
 * Counting a million rows reads a million index entries (~100 ms and more on 2 cores); nobody needs "1,000,000" to
 * the unit, so counts stop at this many rows and above it show the planner's estimate for the same filter.
 */
export const COUNT_EXACT_LIMIT = 10_000;

/**
 * `select count(*) from <from> where <where>`, exact while at most COUNT_EXACT_LIMIT rows match (the scan stops one
 * row after the limit), otherwise the planner's row estimate for the same statement (never below the limit + 1,
 * since that many were seen). `from` is a trusted table name; `where` a Prisma.sql fragment.
 */
export async function countRows(from: string, where: Prisma.Sql): Promise<CountFigure> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>(
    Prisma.sql`select count(*)::int as n from (select 1 from ${Prisma.raw(from)} where ${where} limit ${COUNT_EXACT_LIMIT + 1}) s`,
  );
  if (n <= COUNT_EXACT_LIMIT) return { value: n, estimated: false };
  return { value: Math.max(n, await estimateRows(from, where)), estimated: true };
}

/** The planner's estimate of the rows `select 1 from <from> where <where>` returns (statistics, no scan). */
export async function estimateRows(from: string, where: Prisma.Sql): Promise<number> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>(
    Prisma.sql`explain (format json) select 1 from ${Prisma.raw(from)} where ${where}`,
  );
  const raw = rows[0]?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan?: { "Plan Rows"?: number } }[];
  return Math.round(plan[0]?.Plan?.["Plan Rows"] ?? 0);
}

/**
 * Counts per group (the consoles' counts per state) in one capped scan: exact for every group while at most
 * COUNT_EXACT_LIMIT rows match in all. Above that, each group is estimated by the planner, and a group the planner
 * puts under the limit (the few running operations beside a million that succeeded) is counted exactly after all.
 */
export async function countRowsByGroup<K extends string>(
  from: string,
  where: Prisma.Sql,
  column: string,
  groups: { key: K; where: Prisma.Sql }[],
): Promise<Record<K, CountFigure>> {
  const rows = await db.$queryRaw<{ k: string; n: number }[]>(
    Prisma.sql`select k, count(*)::int as n from (select ${Prisma.raw(column)}::text as k from ${Prisma.raw(from)} where ${where} limit ${COUNT_EXACT_LIMIT + 1}) s group by k`,
  );
  const total = rows.reduce((n, r) => n + r.n, 0);
  if (total <= COUNT_EXACT_LIMIT) {
    const byKey = new Map(rows.map((r) => [r.k, r.n]));
    return Object.fromEntries(groups.map((g) => [g.key, { value: byKey.get(g.key) ?? 0, estimated: false }])) as Record<
      K,
      CountFigure
    >;
  }
  const figures = await Promise.all(
    groups.map(async (g): Promise<[K, CountFigure]> => {
      const groupWhere = Prisma.sql`${where} and ${g.where}`;
      const estimate = await estimateRows(from, groupWhere);
      if (estimate <= COUNT_EXACT_LIMIT) return [g.key, await countRows(from, groupWhere)];
      return [g.key, { value: estimate, estimated: true }];
    }),
  );
  return Object.fromEntries(figures) as Record<K, CountFigure>;
}
