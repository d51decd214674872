import { z } from "@hono/zod-openapi";
import { InvalidInput } from "@/lib/errors";
import type { ApiContext } from "./env";

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

/** `?search=`: the console's search box for a list route (at most 200 characters), described per resource. */
export const searchParam = (description: string) => z.string().max(200).optional().openapi({ description });

/** `?sort=&dir=`: the columns a console list sorts by, ascending unless asked; spread into the query schema. */
export function sortParams<const S extends readonly [string, ...string[]]>(columns: S, by: S[number]) {
  return {
    sort: z.enum(columns).default(by),
    dir: z.enum(["asc", "desc"]).default("asc"),
  };
}

/** `?top=` and `?$skipToken=`: spread into a list route's query schema. */
export const pageQuery = {
  top: z.coerce
    .number()
    .int("top is a whole number.")
    .min(1, "top is at least 1.")
    .max(PAGE_MAX, `top is at most ${PAGE_MAX}.`)
    .default(PAGE_DEFAULT)
    .openapi({ description: `Items per page (default ${PAGE_DEFAULT}, at most ${PAGE_MAX}).` }),
  $skipToken: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "Opaque: copy it from the previous page's nextLink, never build it." }),
};

/** A page of `item`: `value` and the absolute `nextLink` of the next page (null on the last). */
export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      value: z.array(item),
      nextLink: z.string().nullable().openapi({ description: "GET it for the next page; null on the last page." }),
      count: z.number().int().openapi({ description: "Items matching the filter, on every page." }),
    })
    .openapi(name);
}

// The cursor is an offset today, kept opaque so it can become a keyset cursor without breaking clients.
export function decodeSkipToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof o === "number" && Number.isSafeInteger(o) && o >= 0) return o;
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidInput({ $skipToken: ["This $skipToken is not valid: follow the nextLink as given."] });
}

export function pageOf<T>(c: ApiContext, rows: T[], total: number, skip: number, top: number) {
  const next = skip + rows.length;
  let nextLink: string | null = null;
  if (rows.length === top && next < total) {
    const url = new URL(c.req.url);
    url.searchParams.set("top", String(top));
    url.searchParams.set("$skipToken", Buffer.from(JSON.stringify({ o: next })).toString("base64url"));
    nextLink = url.toString();
  }
  return { value: rows, nextLink, count: total };
}

/**
 * Keyset lists (operations, audit events: a million rows): the token carries the position after the last item
 * (lib/db/keyset.ts), so every page costs what the first does. Tokens of the earlier offset form are still read.
 */
export function decodeKeysetToken(token: string | undefined): { skip: number } | { after: string } {
  if (!token) return { skip: 0 };
  try {
    const { c } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { c?: unknown };
    if (typeof c === "string" && /^[A-Za-z0-9_-]{1,200}$/.test(c)) return { after: c };
  } catch {
    // falls through to the offset form (and its refusal)
  }
  return { skip: decodeSkipToken(token) };
}

export function keysetPageOf<T>(c: ApiContext, rows: T[], total: number, nextCursor: string | null, top: number) {
  let nextLink: string | null = null;
  if (nextCursor) {
    const url = new URL(c.req.url);
    url.searchParams.set("top", String(top));
    url.searchParams.set("$skipToken", Buffer.from(JSON.stringify({ c: nextCursor })).toString("base64url"));
    nextLink = url.toString();
  }
  return { value: rows, nextLink, count: total };
}
