import { getMeter } from "@/lib/usage/meters";

/**
 * How a usage row finds its price-sheet row. A VM matches on its size (armSkuName), the meter name of that size (which
 * leaves out the Spot and Low Priority rows sharing the size) and Linux or Windows (Windows rows' product ends in
 * "Windows"); every other meter on skuName + meterName. Both within service and region, case-insensitively.
 */
type RowNames = {
  serviceName: string;
  productName: string;
  armRegionName: string;
  armSkuName?: string;
  skuName: string;
  meterName: string;
};

export function matchKey(row: RowNames): string {
  const isVm = row.serviceName === "Virtual Machines" && !!row.armSkuName;
  const parts = isVm
    ? [
        row.serviceName,
        row.armRegionName,
        row.armSkuName,
        row.meterName,
        /windows$/i.test(row.productName) ? "windows" : "linux",
      ]
    : [row.serviceName, row.armRegionName, row.skuName, row.meterName];
  return parts.join("|").toLowerCase();
}

/** The match key of a usage row (meter id, region, sku as UsageDaily holds them); null for an unknown meter. */
export function usageMatchKey(meter: string, region: string, sku: string): string | null {
  const m = getMeter(meter);
  return m ? matchKey(m.retailRow(region, sku)) : null;
}
