import type { StoredResource } from "../../core/state.js";
import type { Store } from "../../core/store.js";
import type { Clock } from "../../core/clock.js";
import { billedLines, billedTags } from "./meters.js";
import { meterKey, type MeterRef } from "./prices.js";

/**
 * The emulator's own usage record: one segment per resource × meter × tags for as long as it is billed the same way,
 * opened and closed as the Store reports resource changes (at the time an operation finished, not when someone
 * next asked). Kept in the state (`ext.billing`), so it survives restarts; Cost Management queries sum it.
 */
export interface Segment {
  resourceId: string;
  subscriptionId: string;
  resourceGroup: string;
  meter: MeterRef;
  units: number;
  per: "hour" | "month";
  tags: Record<string, string>;
  startMs: number;
  endMs: number | null;
}

interface Ledger {
  segments: Segment[];
  /** Lowercased resource id → indexes of its open segments. */
  open: Record<string, number[]>;
}

export const ledgerOf = (store: Store) => store.ext<Ledger>("billing", () => ({ segments: [], open: {} }));

const lineKey = (meter: MeterRef, units: number, tags: Record<string, string>) =>
  `${meterKey(meter)}#${units}#${JSON.stringify(Object.entries(tags).sort())}`;

export function recordChange(
  store: Store,
  at: number,
  before: StoredResource | undefined,
  after: StoredResource | undefined,
) {
  const r = after ?? before;
  if (!r) return;
  const ledger = ledgerOf(store);
  const id = r.id.toLowerCase();
  const wanted = new Map<string, Omit<Segment, "startMs" | "endMs">>();
  if (after) {
    const tags = billedTags(store, after);
    for (const line of billedLines(store, after)) {
      wanted.set(lineKey(line.meter, line.units, tags), {
        resourceId: after.id,
        subscriptionId: after.subscriptionId,
        resourceGroup: after.resourceGroup ?? "",
        meter: line.meter,
        units: line.units,
        per: line.per,
        tags,
      });
    }
  }
  const stillOpen: number[] = [];
  for (const i of ledger.open[id] ?? []) {
    const s = ledger.segments[i];
    const key = lineKey(s.meter, s.units, s.tags);
    if (wanted.has(key)) {
      wanted.delete(key);
      stillOpen.push(i);
    } else s.endMs = Math.max(at, s.startMs);
  }
  for (const seg of wanted.values()) stillOpen.push(ledger.segments.push({ ...seg, startMs: at, endMs: null }) - 1);
  if (stillOpen.length) ledger.open[id] = stillOpen;
  else delete ledger.open[id];
}

/**
 * Resources billed now with no open segment (a state saved before the ledger existed, or a demo seed written before
 * the listener ran) get one from their creation time, so a query never silently leaves them out.
 */
export function openMissing(store: Store) {
  const ledger = ledgerOf(store);
  for (const r of Object.values(store.state.resources)) {
    if (ledger.open[r.id.toLowerCase()]) continue;
    if (billedLines(store, r).length) recordChange(store, r.createdAtMs, undefined, r);
  }
}

export function attachLedger({ store, clock }: { store: Store; clock: Clock }) {
  store.addListener((before, after) => recordChange(store, clock.eventNow(), before, after));
}
