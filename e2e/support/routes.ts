import { readdirSync } from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "../../app");

/**
 * Every page of the app as a route pattern ("/tenant/[tenant]/vms/[id]"), read from app/**\/page.tsx: route groups
 * "(auth)" vanish from the URL, private folders "_x" and the API are no pages. A page added tomorrow is in the list.
 */
export function appPagePatterns(dir = appDir, prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") found.push(prefix || "/");
    if (!entry.isDirectory() || entry.name.startsWith("_") || (prefix === "" && entry.name === "api")) continue;
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    found.push(...appPagePatterns(path.join(dir, entry.name), prefix + segment));
  }
  return found.sort();
}

export type Persona = "visitor" | "admin" | "helpdesk" | "owner" | "operator" | "reader";

/**
 * Tenant pages every role sees alike, each walked by one of the lesser roles so every persona has its share and no
 * page is walked twice (the owner's view of them differs by buttons the owner's other pages have too).
 */
const tenantPagesOf: Partial<Record<Persona, string[]>> = {
  operator: ["/tenant/[tenant]/operations", "/tenant/[tenant]/operations/[id]", "/tenant/[tenant]/plans"],
  reader: ["/tenant", "/tenant/[tenant]/dr", "/tenant/[tenant]/dr/[id]"],
};

/**
 * Which persona's walk visits a pattern, or null for "/" (it only redirects). Account pages look the same to everyone:
 * the helpdesk, with the fewest pages of its own, walks them. Any other tenant page is the owner's, who sees them all.
 */
export function walkerOf(pattern: string): Persona | null {
  if (pattern === "/") return null;
  if (pattern === "/login" || pattern === "/mfa") return "visitor";
  for (const [persona, pages] of Object.entries(tenantPagesOf)) if (pages.includes(pattern)) return persona as Persona;
  const [first] = pattern.split("/").filter(Boolean);
  if (first === "admin") return "admin";
  if (first === "helpdesk" || first === "account") return "helpdesk";
  if (first === "tenant") return "owner";
  throw new Error(`${pattern}: no persona's walk covers this page; say which in e2e/support/routes.ts`);
}

const isDynamic = (segment: string) => /^\[.*\]$/.test(segment);

/** The patterns one persona walks, static ones first, so links seen on them can fill the dynamic ones. */
export function patternsOf(persona: Persona, patterns = appPagePatterns()) {
  const mine = patterns.filter((p) => walkerOf(p) === persona);
  const dynamicCount = (p: string) => p.split("/").filter(isDynamic).length;
  return mine.sort((a, b) => dynamicCount(a) - dynamicCount(b) || a.localeCompare(b));
}

/** The pattern's known segments ([tenant]) filled from `values`. */
export function fillValues(pattern: string, values: Record<string, string>) {
  return pattern
    .split("/")
    .map((s) => (isDynamic(s) && values[s.slice(1, -1)] ? values[s.slice(1, -1)] : s))
    .join("/");
}

/**
 * The list page where a detail page's links are: its pattern up to the first segment `values` does not fill
 * ("/admin/plans" for "/admin/plans/[id]"), when that is a page.
 */
export function listPageOf(pattern: string, values: Record<string, string>, all: string[]) {
  const segments = pattern.split("/");
  const first = segments.findIndex((s) => isDynamic(s) && !values[s.slice(1, -1)]);
  const list = segments.slice(0, first).join("/");
  return first > 1 && all.includes(list) ? fillValues(list, values) : null;
}

/**
 * A URL for a pattern: known segments ([tenant]) from `values`, the others ([id]) from a link the walk has already seen
 * on the persona's pages, so ids are the seed's real ones and reachable through the UI. Static siblings ("new") are
 * never taken for an id. Returns null when no page showed such a link.
 */
export function fillPattern(
  pattern: string,
  values: Record<string, string>,
  seenHrefs: Iterable<string>,
  all: string[],
) {
  const segments = pattern.split("/");
  const fixed = fillValues(pattern, values).split("/");
  if (!fixed.some(isDynamic)) return fixed.join("/");
  const siblings = all.map((p) => p.split("/"));
  const staticAt = (index: number, parent: string[]) =>
    siblings
      .filter((s) => s.length > index && s.slice(0, index).join("/") === parent.join("/") && !isDynamic(s[index]))
      .map((s) => s[index]);
  for (const href of seenHrefs) {
    const parts = href.split(/[?#]/)[0].split("/");
    if (parts.length !== fixed.length) continue;
    const fits = fixed.every((s, i) =>
      isDynamic(s) ? parts[i] !== "" && !staticAt(i, segments.slice(0, i)).includes(parts[i]) : s === parts[i],
    );
    if (fits) return parts.join("/");
  }
  return null;
}
