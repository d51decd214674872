import { retailItemSchema, type RetailItem } from "./schema";

/**
 * A price sheet file in the Retail Prices format: JSON (the API's answer `{ Items: [...] }`, or an array of items) or
 * CSV with the items' field names as its header. Every row is checked; one bad row refuses the whole sheet, and the
 * error names each bad line (CSV: the file's line, header = 1; JSON: the item's position, 1-based) and why.
 */
export type SheetRow = RetailItem & { line: number };
export type SheetProblem = { line: number; message: string };
export type ParsedSheet = { rows: SheetRow[]; problems: SheetProblem[] };

const MAX_ROWS = 200_000;

export function validateItems(items: { line: number; item: unknown }[], currency: string): ParsedSheet {
  const rows: SheetRow[] = [];
  const problems: SheetProblem[] = [];
  if (items.length > MAX_ROWS) return { rows, problems: [{ line: 0, message: `more than ${MAX_ROWS} rows` }] };
  for (const { line, item } of items) {
    const parsed = retailItemSchema.safeParse(item);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
      problems.push({ line, message: [...new Set(why)].join("; ") });
    } else if (parsed.data.currencyCode !== currency) {
      problems.push({ line, message: `currencyCode ${parsed.data.currencyCode} is not the sheet's ${currency}` });
    } else rows.push({ ...parsed.data, line });
  }
  if (!rows.length && !problems.length) problems.push({ line: 0, message: "the sheet has no rows" });
  return { rows, problems };
}

export function parseSheetText(text: string, fileName: string, currency: string): ParsedSheet {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  const looksJson = /\.json$/i.test(fileName) || trimmed.startsWith("{") || trimmed.startsWith("[");
  if (looksJson) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (e) {
      return { rows: [], problems: [{ line: 0, message: `not valid JSON (${(e as Error).message})` }] };
    }
    const items = Array.isArray(doc) ? doc : (doc as { Items?: unknown }).Items;
    if (!Array.isArray(items))
      return {
        rows: [],
        problems: [{ line: 0, message: "JSON must be the Retail Prices answer ({ Items: [...] }) or an array" }],
      };
    return validateItems(
      items.map((item, i) => ({ line: i + 1, item })),
      currency,
    );
  }
  const records = parseCsv(trimmed);
  if (records.length < 2) return { rows: [], problems: [{ line: 0, message: "CSV needs a header line and rows" }] };
  const header = records[0].fields.map((h) => h.trim());
  const known = Object.keys(retailItemSchema.shape);
  const names = header.map((h) => known.find((k) => k.toLowerCase() === h.toLowerCase()) ?? h);
  return validateItems(
    records.slice(1).map(({ line, fields }) => ({
      line,
      item: Object.fromEntries(names.map((n, i) => [n, fields[i] ?? ""])),
    })),
    currency,
  );
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks; each record keeps the line it starts on. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      if (fields.some((f) => f !== "")) out.push({ line: start, fields });
      fields = [];
      field = "";
      line++;
      start = line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f !== "")) out.push({ line: start, fields });
  return out;
}
