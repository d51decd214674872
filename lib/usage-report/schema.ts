import { z } from "zod";

/**
 * A usage query: whole UTC days from..to, both inclusive, at most MAX_RANGE_DAYS; refused with a field message when
 * a date is not a date, the range is inverted or too long (issue 15: a clear 400, not an empty answer).
 */
export const MAX_RANGE_DAYS = 366;
const DAY = 86_400_000;

const isoDay = (field: string) =>
  z
    .string({ error: `${field} is required (YYYY-MM-DD)` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date as YYYY-MM-DD`)
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        message: `${field} is not a calendar date`,
      },
    );

/** The query's fields, unrefined, so the API can add its paging fields and descriptions (zod 4 will not extend a refined object). */
export const usageQueryShape = {
  from: isoDay("from"),
  to: isoDay("to"),
  granularity: z.enum(["daily", "monthly"], { error: "granularity must be daily or monthly" }).default("daily"),
  tenant: z.string().trim().min(1).max(64).optional(),
};

/** The range rule (inverted, or longer than MAX_RANGE_DAYS), reported on `to`. */
export function checkUsageRange(v: { from: string; to: string }, ctx: Pick<z.RefinementCtx, "addIssue">) {
  const from = Date.parse(`${v.from}T00:00:00Z`);
  const to = Date.parse(`${v.to}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return;
  if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from" });
  else if ((to - from) / DAY + 1 > MAX_RANGE_DAYS)
    ctx.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days` });
}

export const usageQuerySchema = z.object(usageQueryShape).superRefine(checkUsageRange);
export type UsageQuery = z.infer<typeof usageQuerySchema>;

/** This month so far (UTC), the default period of the pages. */
export function monthToDate(now = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  return { from: `${to.slice(0, 7)}-01`, to };
}
