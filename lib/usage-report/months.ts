/** Months of the Usage page: whole UTC calendar months, the current one up to today. */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/** The month asked for (YYYY-MM), or the current one when it is missing, malformed or in the future. */
export function monthPeriod(month: string | undefined, now = new Date()) {
  const current = monthOf(now);
  const m = month && MONTH.test(month) && month <= current ? month : current;
  const [y, mo] = m.split("-").map(Number);
  const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  const isCurrent = m === current;
  return { month: m, from: `${m}-01`, to: isCurrent ? now.toISOString().slice(0, 10) : last, isCurrent };
}

/** The month picker's choices: this month and the `count - 1` before it, newest first. */
export function recentMonths(now = new Date(), count = 12): string[] {
  return Array.from({ length: count }, (_, i) =>
    monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))),
  );
}

export function monthLabel(month: string) {
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
