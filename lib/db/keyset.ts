import { db, Prisma } from "./client";

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
  const { take } = opts.page;
  const table = Prisma.raw(opts.table);
  const col = Prisma.raw(opts.sortColumn);
  const after = decodeCursor(opts.page.after);
  const before = after ? undefined : decodeCursor(opts.page.before);
  const skip = after || before ? 0 : Math.max(0, opts.page.skip ?? 0);
  let ids: string[];
  if (before) {
    // The page before `before`: read upwards from it, then turn it round.
    const rows = await db.$queryRaw<{ id: string }[]>`
      select id from ${table}
      where ${opts.where} and (${col}, id) > (${before.at.toISOString()}::timestamp, ${before.id})
      order by ${col} asc, id asc limit ${take + 1}`;
    const hasPrev = rows.length > take;
    ids = rows
      .slice(0, take)
      .map((r) => r.id)
      .reverse();
    const loaded = await loadInOrder(ids, opts.load);
    return {
      rows: loaded,
      prevCursor: hasPrev && loaded.length ? cursorOf(loaded[0], opts.sortValue) : null,
      nextCursor: loaded.length ? cursorOf(loaded[loaded.length - 1], opts.sortValue) : opts.page.before!,
    };
  }
  const seek = after
    ? Prisma.sql`and (${col}, id) < (${after.at.toISOString()}::timestamp, ${after.id})`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    select id from ${table} where ${opts.where} ${seek}
    order by ${col} desc, id desc limit ${take + 1} offset ${skip}`;
  const hasNext = rows.length > take;
  ids = rows.slice(0, take).map((r) => r.id);
  const loaded = await loadInOrder(ids, opts.load);
  const isFirst = !after && skip === 0;
  return {
    rows: loaded,
    nextCursor: hasNext && loaded.length ? cursorOf(loaded[loaded.length - 1], opts.sortValue) : null,
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
