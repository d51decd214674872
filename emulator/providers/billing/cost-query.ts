import type { Store } from "../../core/store.js";
import { findPrice } from "./prices.js";
import { ledgerOf, openMissing, type Segment } from "./ledger.js";
import { inheritedTags, inheritsFrom, tagInheritanceOf } from "./tag-inheritance.js";

/**
 * Cost Management's query (Query_Usage, SPECS cost-management examples SubscriptionQuery*.json) over the emulator's
 * ledger: each segment's quantity inside each UTC day (hours, or the fraction of the month) × the snapshot's unit price. Costs are full
 * precision, as Azure returns them; rounding is the reader's business.
 */
export type Grouping = { type: "TagKey" | "Dimension"; name: string };
/** QueryFilter: `and` / `or` of two or more filters, or one comparison on a dimension or a tag (operator In). */
export interface CostFilter {
  and?: CostFilter[];
  or?: CostFilter[];
  dimensions?: { name: string; operator: string; values: string[] };
  tags?: { name: string; operator: string; values: string[] };
}
export interface CostQuery {
  /** The subscriptions the scope holds (one, or every one under a billing scope or management group). */
  scope: { subscriptionIds: string[]; resourceGroup?: string };
  fromMs: number;
  toMs: number;
  daily: boolean;
  costColumn: string;
  grouping: Grouping[];
  filter?: CostFilter;
  currency: string;
  nowMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const daysInMonth = (ms: number) => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
};
const dayNumber = (ms: number) => Number(new Date(ms).toISOString().slice(0, 10).replace(/-/g, ""));

/** A segment's value for a dimension (lowercase ids as Cost Management returns them). */
function dimensionValue(seg: Segment, name: string): string {
  switch (name.toLowerCase()) {
    case "resourcegroup":
    case "resourcegroupname":
      return seg.resourceGroup.toLowerCase();
    case "resourceid":
      return seg.resourceId.toLowerCase();
    case "resourcetype": {
      const m = /\/providers\/([^/]+)\/([^/]+)/i.exec(seg.resourceId);
      return m ? `${m[1]}/${m[2]}`.toLowerCase() : "";
    }
    case "servicename":
    case "metercategory":
      return seg.meter.serviceName;
    case "resourcelocation":
      return seg.meter.armRegionName;
    case "subscriptionid":
      return seg.subscriptionId.toLowerCase();
    default:
      return "";
  }
}

const tagValue = (seg: Segment, name: string) => {
  const key = Object.keys(seg.tags).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : seg.tags[key];
};

function groupValues(seg: Segment, grouping: Grouping[]): string[] {
  return grouping.flatMap((g) => {
    if (g.type === "TagKey") {
      const value = tagValue(seg, g.name);
      return value === undefined ? ["", ""] : [g.name, value];
    }
    return [dimensionValue(seg, g.name)];
  });
}

/** Values compare without regard to case, and a location also by its display name ("East US" = eastus). */
const same = (a: string, b: string) => a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();

export function matchesFilter(seg: Segment, f: CostFilter): boolean {
  if (f.and) return f.and.every((x) => matchesFilter(seg, x));
  if (f.or) return f.or.some((x) => matchesFilter(seg, x));
  if (f.dimensions) {
    const value = dimensionValue(seg, f.dimensions.name);
    return f.dimensions.values.some((v) => same(v, value));
  }
  if (f.tags) {
    const value = tagValue(seg, f.tags.name);
    return value !== undefined && f.tags.values.some((v) => same(v, value));
  }
  return true;
}

export const GROUPABLE_DIMENSIONS = [
  "ResourceGroup",
  "ResourceGroupName",
  "ResourceId",
  "ResourceType",
  "ServiceName",
  "MeterCategory",
  "ResourceLocation",
  "SubscriptionId",
];

export function costColumns(q: CostQuery): { name: string; type: string }[] {
  return [
    { name: q.costColumn, type: "Number" },
    ...(q.daily ? [{ name: "UsageDate", type: "Number" }] : []),
    ...q.grouping.flatMap((g) =>
      g.type === "TagKey"
        ? [
            { name: "TagKey", type: "String" },
            { name: "TagValue", type: "String" },
          ]
        : [{ name: g.name, type: "String" }],
    ),
    { name: "Currency", type: "String" },
  ];
}

export function runCostQuery(store: Store, q: CostQuery): unknown[][] {
  openMissing(store);
  const sums = new Map<string, { cost: number; day: number | null; groups: string[] }>();
  const subs = new Set(q.scope.subscriptionIds.map((s) => s.toLowerCase()));
  const rg = q.scope.resourceGroup?.toLowerCase();
  for (const seg of ledgerOf(store).segments) {
    if (!subs.has(seg.subscriptionId.toLowerCase()) || (rg && seg.resourceGroup.toLowerCase() !== rg)) continue;
    // Tag inheritance (tag-inheritance.ts), each subscription's own: days from its first month see the group's tags.
    const inheritance = tagInheritanceOf(store, seg.subscriptionId);
    const inheritFrom = inheritance ? inheritsFrom(inheritance) : Infinity;
    const start = Math.max(seg.startMs, q.fromMs);
    const end = Math.min(seg.endMs ?? q.nowMs, q.toMs, q.nowMs);
    if (end <= start) continue;
    const price = findPrice(seg.meter, q.currency);
    if (!price) continue;
    const views = [seg, inheritance ? { ...seg, tags: inheritedTags(store, seg, inheritance) } : seg].map((v) =>
      q.filter && !matchesFilter(v, q.filter) ? null : groupValues(v, q.grouping),
    );
    for (let dayStart = Math.floor(start / DAY) * DAY; dayStart < end; dayStart += DAY) {
      const groups = views[dayStart >= inheritFrom ? 1 : 0];
      if (!groups) continue;
      const hours = (Math.min(end, dayStart + DAY) - Math.max(start, dayStart)) / HOUR;
      const quantity = seg.per === "hour" ? hours * seg.units : (hours / 24 / daysInMonth(dayStart)) * seg.units;
      const day = q.daily ? dayNumber(dayStart) : null;
      const key = JSON.stringify([day, groups]);
      const row = sums.get(key) ?? { cost: 0, day, groups };
      row.cost += quantity * price.unitPrice;
      sums.set(key, row);
    }
  }
  return [...sums.values()]
    .sort((a, b) => (a.day ?? 0) - (b.day ?? 0) || a.groups.join().localeCompare(b.groups.join()))
    .map((r) => [r.cost, ...(q.daily ? [r.day] : []), ...r.groups, q.currency]);
}
