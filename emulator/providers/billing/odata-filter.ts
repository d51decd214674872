/**
 * The `$filter` subset of the Retail Prices API the portal uses: `field eq 'value'` joined by `and`
 * (serviceName, armRegionName, armSkuName, skuName, meterName, productName, priceType, currencyCode, ...).
 * Since api-version 2023-01-01-preview values compare case-sensitively, field names do not.
 */
export type Clause = { field: string; value: string };

export class FilterError extends Error {}

const CLAUSE = /^\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*$/;

export function parseFilter(filter: string | null): Clause[] {
  if (!filter || !filter.trim()) return [];
  return filter.split(/\s+and\s+/i).map((part) => {
    const m = CLAUSE.exec(part.replace(/^\s*\(|\)\s*$/g, ""));
    if (!m) throw new FilterError(`Invalid OData filter near '${part.trim()}': only field eq 'value' joined by and.`);
    return { field: m[1].toLowerCase(), value: m[2].replace(/''/g, "'") };
  });
}

/** priceType is the filter name of the item's `type`. */
export function matches(item: object, clauses: Clause[]): boolean {
  const fields = Object.fromEntries(Object.entries(item).map(([k, v]) => [k.toLowerCase(), v]));
  fields.pricetype = fields.type;
  return clauses.every((c) => c.field in fields && String(fields[c.field]) === c.value);
}
