import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The vendored Retail Prices snapshot (emulator/specs/catalogue/retail-prices.json) as Azure's Retail Prices API items,
 * in every currency of its exchange-rate table. The same table prices the Cost Management query (cost-query.ts), so
 * a portal that imported this sheet can reconcile to the cent.
 */
export interface PriceItem {
  currencyCode: string;
  tierMinimumUnits: number;
  retailPrice: number;
  unitPrice: number;
  armRegionName: string;
  location: string;
  effectiveStartDate: string;
  meterId: string;
  meterName: string;
  productId: string;
  skuId: string;
  productName: string;
  skuName: string;
  serviceName: string;
  serviceId: string;
  serviceFamily: string;
  unitOfMeasure: string;
  type: string;
  isPrimaryMeterRegion: boolean;
  armSkuName: string;
}

interface SnapshotRow {
  serviceName: string;
  serviceFamily: string;
  productName: string;
  skuName: string;
  meterName: string;
  armSkuName: string;
  armRegionName: string;
  location: string;
  unitOfMeasure: string;
  retailPrice: number;
}

interface Snapshot {
  effectiveStartDate: string;
  exchangeRates: Record<string, number>;
  items: SnapshotRow[];
}

const file = fileURLToPath(new URL("../../specs/catalogue/retail-prices.json", import.meta.url));
let cached: Snapshot | undefined;
const snapshot = (): Snapshot => (cached ??= JSON.parse(readFileSync(file, "utf8")) as Snapshot);

export const CURRENCIES = () => Object.keys(snapshot().exchangeRates);

/** Stable ids derived from the row's names: the shape of Azure's ids (GUID meterId, 12-character product ids), not their values. */
const hash = (...parts: string[]) => createHash("sha256").update(parts.join("|")).digest("hex");
const guid = (h: string) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
const code = (h: string, n: number) => "DZH" + h.slice(0, n - 3).toUpperCase();

/** Azure rounds converted prices to 6 decimals in this API; USD rows keep the published figure. */
const convert = (usd: number, rate: number) => (rate === 1 ? usd : Math.round(usd * rate * 1e6) / 1e6);

export function priceItems(currency: string): PriceItem[] {
  const snap = snapshot();
  const rate = snap.exchangeRates[currency];
  if (rate === undefined) return [];
  return snap.items.map((r) => {
    const price = convert(r.retailPrice, rate);
    const product = code(hash(r.serviceName, r.productName), 12);
    return {
      currencyCode: currency,
      tierMinimumUnits: 0,
      retailPrice: price,
      unitPrice: price,
      armRegionName: r.armRegionName,
      location: r.location,
      effectiveStartDate: snap.effectiveStartDate,
      meterId: guid(hash(r.serviceName, r.productName, r.skuName, r.meterName, r.armRegionName)),
      meterName: r.meterName,
      productId: product,
      skuId: `${product}/${hash(r.skuName).slice(0, 4).toUpperCase()}`,
      productName: r.productName,
      skuName: r.skuName,
      serviceName: r.serviceName,
      serviceId: code(hash(r.serviceName), 12),
      serviceFamily: r.serviceFamily,
      unitOfMeasure: r.unitOfMeasure,
      type: "Consumption",
      isPrimaryMeterRegion: true,
      armSkuName: r.armSkuName,
    };
  });
}

/**
 * The meter a billable resource consumes, as the portal matches price rows (lib/pricing): a VM size by armSkuName and
 * Linux or Windows (Windows rows' productName ends in "Windows"), everything else by meterName, within service and region.
 */
export interface MeterRef {
  serviceName: string;
  armRegionName: string;
  armSkuName?: string;
  windows?: boolean;
  productName?: string;
  meterName?: string;
}

const itemRef = (i: PriceItem): MeterRef =>
  i.armSkuName
    ? {
        serviceName: i.serviceName,
        armRegionName: i.armRegionName,
        armSkuName: i.armSkuName,
        windows: i.productName.endsWith("Windows"),
      }
    : { serviceName: i.serviceName, armRegionName: i.armRegionName, meterName: i.meterName };

export const meterKey = (m: MeterRef) =>
  (m.armSkuName
    ? [m.serviceName, m.armRegionName, m.armSkuName, m.windows ? "windows" : "linux"]
    : [m.serviceName, m.armRegionName, m.meterName ?? ""]
  )
    .join("|")
    .toLowerCase();

const indexes = new Map<string, Map<string, PriceItem>>();

/** Price of one unit of `meter` in `currency`, or undefined when the snapshot has no such row. */
export function findPrice(meter: MeterRef, currency: string): PriceItem | undefined {
  let index = indexes.get(currency);
  if (!index) {
    index = new Map(priceItems(currency).map((i) => [meterKey(itemRef(i)), i]));
    indexes.set(currency, index);
  }
  return index.get(meterKey(meter));
}
