/**
 * URL search params ⇄ table state. Pure, so a server page can parse its `searchParams` with the same rules the
 * client components use to write them, and both are unit-tested.
 */
import { hasControlCharacters } from "@/lib/utils/text";

export type SortDir = "asc" | "desc";
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export const DEFAULT_PAGE_SIZES = [20, 50, 100] as const;
/** Keys the table owns; everything else in the URL (filters, tabs) is kept as it is. */
export const TABLE_PARAM_KEYS = ["q", "page", "pageSize", "sort", "dir", "after", "before"] as const;
const MAX_QUERY_LENGTH = 200;
const MAX_PAGE = 1_000_000;

export type TableParamsOptions = {
  /** Column keys the server can order by; anything else in `?sort=` falls back to defaultSort. */
  sortable: readonly string[];
  defaultSort: string;
  defaultDir?: SortDir;
  pageSizes?: readonly number[];
  /** Defaults to the first of pageSizes. */
  defaultPageSize?: number;
  /** Filter params to read: a list of names, or names with their allowed values (others are dropped). */
  filters?: readonly string[] | Record<string, readonly string[]>;
};

export type TableParams = {
  q: string;
  /** Why `?q=` was not searched for (control characters): the toolbar shows the same message beside the box. */
  qError?: string;
  page: number;
  pageSize: number;
  sort: string;
  dir: SortDir;
  filters: Record<string, string>;
  /** Prisma-ready: `skip: (page - 1) * pageSize`, `take: pageSize`; 0 with a cursor. */
  skip: number;
  take: number;
  /** Keyset tables: the cursor of the page to read after (next) or before (previous); `page` is then only shown. */
  after?: string;
  before?: string;
};

export function readParam(params: SearchParamsInput, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseTableParams(params: SearchParamsInput, options: TableParamsOptions): TableParams {
  const pageSizes = options.pageSizes && options.pageSizes.length > 0 ? options.pageSizes : DEFAULT_PAGE_SIZES;
  const defaultPageSize = options.defaultPageSize ?? pageSizes[0];

  const rawQ = (readParam(params, "q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const qError = searchQueryProblem(rawQ);
  const q = qError ? "" : rawQ;

  const rawPage = Number(readParam(params, "page"));
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? Math.min(rawPage, MAX_PAGE) : 1;

  const rawSize = Number(readParam(params, "pageSize"));
  const pageSize = pageSizes.includes(rawSize) ? rawSize : defaultPageSize;

  const rawSort = readParam(params, "sort");
  const isKnownSort = rawSort !== undefined && options.sortable.includes(rawSort);
  const sort = isKnownSort ? rawSort : options.defaultSort;
  const rawDir = readParam(params, "dir");
  const dir: SortDir = isKnownSort && (rawDir === "asc" || rawDir === "desc") ? rawDir : (options.defaultDir ?? "asc");

  const filters: Record<string, string> = {};
  const filterSpec = options.filters ?? [];
  const names = Array.isArray(filterSpec) ? filterSpec : Object.keys(filterSpec);
  for (const name of names as string[]) {
    const value = readParam(params, name)?.trim();
    if (!value || hasControlCharacters(value)) continue;
    const allowed = Array.isArray(filterSpec) ? undefined : (filterSpec as Record<string, readonly string[]>)[name];
    if (allowed && !allowed.includes(value)) continue;
    filters[name] = value;
  }

  const after = cursorParam(readParam(params, "after"));
  const before = after ? undefined : cursorParam(readParam(params, "before"));
  return {
    q,
    ...(qError ? { qError } : {}),
    page,
    pageSize,
    sort,
    dir,
    filters,
    skip: after || before ? 0 : (page - 1) * pageSize,
    take: pageSize,
    ...(after ? { after } : {}),
    ...(before ? { before } : {}),
  };
}

// Cursors are opaque base64url; anything else is dropped (the first page).
const cursorParam = (value: string | undefined) =>
  value && value.length <= 200 && /^[A-Za-z0-9_-]+$/.test(value) ? value : undefined;

/** A search text that is not searched for, and why (shown beside the search box). */
export function searchQueryProblem(q: string): string | undefined {
  return hasControlCharacters(q)
    ? "Search text cannot contain control characters (such as NUL or text-direction marks)."
    : undefined;
}

export type ParamChanges = Record<string, string | number | null | undefined>;

/**
 * The href for the current URL with `changes` applied (null/undefined/"" removes a key). Any change other than the
 * page itself sends the user back to page 1, since page 7 of a new filter may not exist.
 */
export function buildTableHref(pathname: string, current: URLSearchParams | string, changes: ParamChanges): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  // A keyset cursor belongs to its page of its filter: it goes with any other change.
  if (!("page" in changes)) for (const key of ["page", "after", "before"]) next.delete(key);
  if (next.get("page") === "1") next.delete("page");
  const query = next.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** The next sort for a header click: a new column starts ascending, the same column flips. */
export function nextSort(current: { sort?: string; dir?: SortDir }, key: string): { sort: string; dir: SortDir } {
  if (current.sort === key) return { sort: key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { sort: key, dir: "asc" };
}

/** "1–20 of 2,000" (an en dash, grouped thousands), "1–20 of about 1,000,000" for an estimate, or "0 results". */
export function formatRange(page: number, pageSize: number, total: number, estimated?: { shown: number }): string {
  if (total <= 0) return "0 results";
  const fmt = (n: number) => n.toLocaleString("en-US");
  const first = (page - 1) * pageSize + 1;
  if (estimated) return `${fmt(first)}–${fmt(first + Math.max(0, estimated.shown - 1))} of ${formatCount(total, true)}`;
  const from = Math.min((page - 1) * pageSize + 1, total);
  const to = Math.min(page * pageSize, total);
  return `${fmt(from)}–${fmt(to)} of ${fmt(total)}`;
}

/** "1,234" or, for a planner estimate, "about 1,200,000" (two significant figures: it is not better than that). */
export function formatCount(value: number, estimated = false): string {
  if (!estimated) return value.toLocaleString("en-US");
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, value))) - 1);
  return `about ${(Math.round(value / magnitude) * magnitude).toLocaleString("en-US")}`;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
