import { db, Prisma } from "./client";
import { COUNT_EXACT_LIMIT } from "./count";

/**
 * Keyset ("seek") pagination, newest first, for the big consoles (operations, audit log): a page is read from where
 * the previous one ended through an index on (sort column desc, id desc), so page 5,000 costs what page 1 does, where
 * OFFSET reads and throws away every row before it. Ties on the sort column are broken by id.
 */
export type PageRequest = { take: number; skip?: number; after?: string; before?: string };
export type KeysetPage<T> = { rows: T[]; nextCursor: string | null; prevCursor: string | null };

type Cursor = { at: Date; id: string };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

/** The cursor's position, or undefined for anything that is not one (a hand-edited URL reads as the first page). */
export function decodeCursor(token: string | undefined): Cursor | undefined {
  if (!token || token.length > 200) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || id.length > 100) return undefined;
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? undefined : { at: date, id };
  } catch {
    return undefined;
  }
}

/**
 * One page of `table` rows matching `where`: ids are sought in SQL (index only), then `load` reads those rows with
 * whatever relations the page shows, and they are put back in order. `table` and `sortColumn` are trusted names (a
 * timestamp column holding UTC, as Prisma writes them).
 */
export async function keysetPage<T extends { id: string }>(opts: {
  table: string;
  sortColumn: string;
  where: Prisma.Sql;
  page: PageRequest;
  load: (ids: string[]) => Promise<T[]>;
  sortValue: (row: T) => Date;
}): Promise<KeysetPage<T>> {
  const seek = seekOf(Prisma.raw(opts.sortColumn), opts.page);
  const rows = await db.$queryRaw<{ id: string }[]>`
    select id from ${Prisma.raw(opts.table)} where ${opts.where} ${seek.where}
    order by ${seek.order} limit ${opts.page.take + 1} offset ${seek.skip}`;
  return finishPage(
    rows.map((r) => r.id),
    opts,
  );
}

/**
 * A narrow filter (a search) read once for both its page and its counts per group: at most COUNT_EXACT_LIMIT matching
 * rows go into a CTE, counted by `groupColumn` and paged from there, so the filter's index scan (a trigram search) is
 * not repeated per query. Undefined when more rows match: the caller then pages and counts through the indexes.
 * `pageWhere` narrows the page within the matches (the state shown); it may use the CTE's `g` (the group, as text).
 */
export async function narrowPageWithCounts<T extends { id: string }>(opts: {
  table: string;
  sortColumn: string;
  where: Prisma.Sql;
  groupColumn: string;
  pageWhere: Prisma.Sql;
  page: PageRequest;
  load: (ids: string[]) => Promise<T[]>;
  sortValue: (row: T) => Date;
}): Promise<{ page: KeysetPage<T>; counts: Map<string, number> } | undefined> {
  const seek = seekOf(Prisma.raw(`m.s`), opts.page);
  const rows = await db.$queryRaw<{ g: string | null; n: number | null; id: string | null; r: number | null }[]>`
    with m as materialized (
      select id, ${Prisma.raw(opts.sortColumn)} as s, ${Prisma.raw(opts.groupColumn)}::text as g
      from ${Prisma.raw(opts.table)} where ${opts.where} limit ${COUNT_EXACT_LIMIT + 1}
    ),
    p as (
      select id, row_number() over (order by ${seek.order}) as r from m where ${opts.pageWhere} ${seek.where}
      order by ${seek.order} limit ${opts.page.take + 1} offset ${seek.skip}
    )
    select g, count(*)::int as n, null::text as id, null::int as r from m group by g
    union all
    select null, null, id, r::int from p`;
  const counts = new Map(rows.filter((r) => r.n !== null).map((r) => [r.g ?? "", r.n!]));
  if ([...counts.values()].reduce((a, b) => a + b, 0) > COUNT_EXACT_LIMIT) return undefined;
  const ids = rows
    .filter((r) => r.id !== null)
    .sort((a, b) => a.r! - b.r!)
    .map((r) => r.id!);
  return { page: await finishPage(ids, opts), counts };
}

/** The seek condition and order for a page request over `col` (then id), newest first. */
function seekOf(col: Prisma.Sql, page: PageRequest) {
  const after = decodeCursor(page.after);
  const before = after ? undefined : decodeCursor(page.before);
  if (before)
    // The page before `before`: read upwards from it (finishPage turns it round).
    return {
      where: Prisma.sql`and (${col}, id) > (${before.at.toISOString()}::timestamp, ${before.id})`,
      order: Prisma.sql`${col} asc, id asc`,
      skip: 0,
    };
  return {
    where: after ? Prisma.sql`and (${col}, id) < (${after.at.toISOString()}::timestamp, ${after.id})` : Prisma.empty,
    order: Prisma.sql`${col} desc, id desc`,
    skip: after ? 0 : Math.max(0, page.skip ?? 0),
  };
}

/** Loads the rows of a page's ids (take + 1 read, to know whether there is more) and works out the cursors. */
async function finishPage<T extends { id: string }>(
  readIds: string[],
  opts: { page: PageRequest; load: (ids: string[]) => Promise<T[]>; sortValue: (row: T) => Date },
): Promise<KeysetPage<T>> {
  const { take } = opts.page;
  const after = decodeCursor(opts.page.after);
  const before = after ? undefined : decodeCursor(opts.page.before);
  const hasMore = readIds.length > take;
  if (before) {
    const loaded = await loadInOrder(readIds.slice(0, take).reverse(), opts.load);
    return {
      rows: loaded,
      prevCursor: hasMore && loaded.length ? cursorOf(loaded[0], opts.sortValue) : null,
      nextCursor: loaded.length ? cursorOf(loaded[loaded.length - 1], opts.sortValue) : opts.page.before!,
    };
  }
  const loaded = await loadInOrder(readIds.slice(0, take), opts.load);
  const isFirst = !after && !(opts.page.skip && opts.page.skip > 0);
  return {
    rows: loaded,
    nextCursor: hasMore && loaded.length ? cursorOf(loaded[loaded.length - 1], opts.sortValue) : null,
    prevCursor: isFirst ? null : loaded.length ? cursorOf(loaded[0], opts.sortValue) : (opts.page.after ?? null),
  };
}

function cursorOf<T extends { id: string }>(row: T, sortValue: (row: T) => Date) {
  return encodeCursor(sortValue(row), row.id);
}

async function loadInOrder<T extends { id: string }>(ids: string[], load: (ids: string[]) => Promise<T[]>) {
  if (ids.length === 0) return [];
  const byId = new Map((await load(ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
