import { QuotaExceeded } from "@/lib/errors";

/** One quota of a plan as a request meets it: what it counts, how much is in use, how much the request adds, the limit. */
export type QuotaLine = { what: string; used: number; adding: number; limit: number };

/**
 * Pure: the lines a request would take over their limit. A line that adds nothing never blocks, so a request that frees
 * or keeps capacity (a resize to fewer vCPUs) is never refused for usage that was already there.
 */
export function quotaOverruns(lines: readonly QuotaLine[]): QuotaLine[] {
  return lines.filter((l) => l.adding > 0 && l.used + l.adding > l.limit);
}

/** "Your plan's quota would be exceeded: VMs 2 used + 1 requested > 2 allowed; …. <advice>" */
export function quotaExceededMessage(over: readonly QuotaLine[], advice: string): string {
  return (
    "Your plan's quota would be exceeded: " +
    over.map((l) => `${l.what} ${l.used} used + ${l.adding} requested > ${l.limit} allowed`).join("; ") +
    `. ${advice}`
  );
}

/** Throws QuotaExceeded naming every line over its limit; `advice` says what the tenant can do about it. */
export function assertQuotaLines(lines: readonly QuotaLine[], advice: string) {
  const over = quotaOverruns(lines);
  if (over.length) throw new QuotaExceeded(quotaExceededMessage(over, advice));
}
