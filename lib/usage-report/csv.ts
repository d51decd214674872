import type { UsageRow } from "./report";

/** The report's rows as CSV (RFC 4180), the same columns as GET /api/v1/usage. */
export const CSV_COLUMNS: (keyof UsageRow)[] = [
  "tenant",
  "tenantName",
  "period",
  "meter",
  "meterLabel",
  "region",
  "sku",
  "adjustment",
  "quantity",
  "unit",
  "unitPrice",
  "amount",
  "currency",
];

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet (CSV injection): prefix it with a quote.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function csvHeader() {
  return CSV_COLUMNS.join(",") + "\r\n";
}

export function csvLine(row: UsageRow) {
  return CSV_COLUMNS.map((c) => cell(row[c])).join(",") + "\r\n";
}
