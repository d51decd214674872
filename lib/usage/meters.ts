/**
 * The portal's meter catalogue (issue 15): what the portal meters from its own records, in which unit, and which Azure
 * Retail Prices row prices it. The state history (UsageInterval) and the daily rollup (UsageDaily) name meters by the
 * ids below; lib/pricing reads `retailRow` to find a row of an imported price sheet. Data and pure functions only.
 *
 * Units are Retail Prices' `unitOfMeasure` strings. How an interval's time becomes a quantity (`per`):
 * - "hour": seconds / 3600 × units (VM compute, Standard public IP, load balancer rule hours).
 * - "month": pro-rated by the calendar month the time falls in: seconds / (days in that month × 86,400) × units,
 *   so a disk that exists a whole month is exactly 1 (and 1/31 for a day of December). This is how Azure bills
 *   "1/Month" meters (managed disks, Site Recovery instances): hourly pro-rating of the monthly price.
 *   "1 GB/Month" (DR storage) is the same with units = GB.
 * Every day is a UTC day; there is no DST anywhere in the maths.
 *
 * The Retail Prices names were taken from the public price list's rows (unconfirmed where noted): Azure may rename a
 * product; pricing matches rows on serviceName + armRegionName + sku + meterName + unitOfMeasure and refuses others.
 */

export const meterIds = [
  "vm.compute.linux",
  "vm.compute.windows",
  "disk.managed",
  "ip.standard",
  "lb.standard.included",
  "lb.standard.overage",
  "dr.protected",
  "dr.storage",
] as const;
export type MeterId = (typeof meterIds)[number];

export type RetailUnit = "1 Hour" | "1/Month" | "1 GB/Month";
export type MeterPer = "hour" | "month";

/** The Retail Prices fields that identify a row (`type` is always "Consumption"; Spot/Low Priority rows excluded). */
export type RetailRow = {
  serviceName: string;
  productName: string;
  armRegionName: string;
  /** VMs only: `armSkuName` (e.g. Standard_D2s_v3); other meters match on skuName. */
  armSkuName?: string;
  skuName: string;
  meterName: string;
  unitOfMeasure: RetailUnit;
};

export type Meter = {
  id: MeterId;
  label: string;
  /** What is counted, for the usage page and the API documentation. */
  measures: string;
  unit: RetailUnit;
  per: MeterPer;
  /** The Retail Prices row for a daily row's region and sku (UsageDaily.region / .sku). */
  retailRow: (region: string, sku: string) => RetailRow;
};

/** Standard_D2s_v3 → "D2s v3", the VM meterName of Retail Prices ("Standard_B2s" → "B2s"). */
export const vmMeterName = (size: string) => size.replace(/^(Standard|Basic)_/, "").replace(/_/g, " ");

/** Retail Prices' product of a VM size's series: Standard_D2s_v3 → "Virtual Machines DSv3 Series" (best effort). */
function vmProductName(size: string, windows: boolean) {
  const m = /^(?:Standard|Basic)_([A-Z]+)\d+([a-z-]*)(?:_v(\d+))?/.exec(size);
  const series = m ? `${m[1]}${m[2].replace(/-/g, "").toUpperCase()}${m[3] ? `v${m[3]}` : ""}` : size;
  return `Virtual Machines ${series} Series${windows ? " Windows" : ""}`;
}

const vmCompute = (windows: boolean): Meter => ({
  id: windows ? "vm.compute.windows" : "vm.compute.linux",
  label: windows ? "VM compute (Windows)" : "VM compute (Linux)",
  measures:
    "Hours a VM of this size is allocated: running, or stopped without deallocation. A deallocated VM costs no compute.",
  unit: "1 Hour",
  per: "hour",
  retailRow: (region, sku) => ({
    serviceName: "Virtual Machines",
    productName: vmProductName(sku, windows),
    armRegionName: region,
    armSkuName: sku,
    skuName: vmMeterName(sku),
    meterName: vmMeterName(sku),
    unitOfMeasure: "1 Hour",
  }),
});

const DISK_PRODUCTS: Record<string, string> = {
  P: "Premium SSD Managed Disks",
  E: "Standard SSD Managed Disks",
  S: "Standard HDD Managed Disks",
};

export const meters: Record<MeterId, Meter> = {
  "vm.compute.linux": vmCompute(false),
  "vm.compute.windows": vmCompute(true),
  "disk.managed": {
    id: "disk.managed",
    label: "Managed disk",
    measures:
      'Disk-months of a managed disk of this tier (sku e.g. "P10 LRS"), pro-rated by the hours it exists. Azure bills ' +
      "a disk by its tier (the provisioned size rounded up), whether or not the VM runs.",
    unit: "1/Month",
    per: "month",
    retailRow: (region, sku) => ({
      serviceName: "Storage",
      productName: DISK_PRODUCTS[sku.charAt(0)] ?? "Standard HDD Managed Disks",
      armRegionName: region,
      skuName: sku,
      meterName: `${sku} Disk`,
      unitOfMeasure: "1/Month",
    }),
  },
  "ip.standard": {
    id: "ip.standard",
    label: "Public IP address (Standard)",
    measures: "Hours a Standard static public IPv4 address exists, attached or not (a VM's own and load balancers').",
    unit: "1 Hour",
    per: "hour",
    retailRow: (region) => ({
      serviceName: "Virtual Network",
      productName: "IP Addresses",
      armRegionName: region,
      skuName: "Standard",
      meterName: "Standard IPv4 Static Public IP",
      unitOfMeasure: "1 Hour",
    }),
  },
  "lb.standard.included": {
    id: "lb.standard.included",
    label: "Load balancer (Standard), first 5 rules",
    measures:
      "Hours a Standard load balancer has at least one load-balancing rule; the hourly price covers the first 5 rules. " +
      "One with no rules costs nothing. Basic load balancers are free (and retired) and are not metered.",
    unit: "1 Hour",
    per: "hour",
    retailRow: (region) => ({
      serviceName: "Load Balancer",
      productName: "Load Balancer",
      armRegionName: region,
      skuName: "Standard",
      meterName: "Standard Included LB Rules and Outbound Rules",
      unitOfMeasure: "1 Hour",
    }),
  },
  "lb.standard.overage": {
    id: "lb.standard.overage",
    label: "Load balancer (Standard), rules beyond 5",
    measures: "Rule-hours beyond a Standard load balancer's first 5 load-balancing rules (7 rules for an hour = 2).",
    unit: "1 Hour",
    per: "hour",
    retailRow: (region) => ({
      serviceName: "Load Balancer",
      productName: "Load Balancer",
      armRegionName: region,
      skuName: "Standard",
      meterName: "Standard Overage LB Rules and Outbound Rules",
      // Retail Prices spells this one "1/Hour"; the quantity is the same rule-hours.
      unitOfMeasure: "1 Hour",
    }),
  },
  "dr.protected": {
    id: "dr.protected",
    label: "Site Recovery protected instance",
    measures: "Instance-months of an on-premises VM protected to Azure, pro-rated by the hours it is protected.",
    unit: "1/Month",
    per: "month",
    retailRow: (region) => ({
      serviceName: "Azure Site Recovery",
      productName: "Azure Site Recovery",
      armRegionName: region,
      skuName: "Azure",
      meterName: "VM Replicated to Azure",
      unitOfMeasure: "1/Month",
    }),
  },
  "dr.storage": {
    id: "dr.storage",
    label: "DR replica storage",
    measures:
      "GB-months of replica disks in the tenant's DR storage account (the protected VM's disk sizes), pro-rated by " +
      "the hours it is protected.",
    unit: "1 GB/Month",
    per: "month",
    // Hyper-V to Azure replicates into page blobs of the target storage account (Standard_LRS). (unconfirmed names)
    retailRow: (region) => ({
      serviceName: "Storage",
      productName: "Standard Page Blob v2",
      armRegionName: region,
      skuName: "Standard LRS",
      meterName: "LRS Data Stored",
      unitOfMeasure: "1 GB/Month",
    }),
  },
};

export const getMeter = (id: string): Meter | undefined => (meters as Record<string, Meter | undefined>)[id];

/** The VM compute meter for an OS type. */
export const vmComputeMeter = (osType: string): MeterId =>
  osType === "Windows" ? "vm.compute.windows" : "vm.compute.linux";

/** Managed disk tiers (GiB upper bound → tier number), the same for Premium SSD (P), Standard SSD (E), Standard HDD (S). */
const DISK_TIERS: [number, number][] = [
  [4, 1],
  [8, 2],
  [16, 3],
  [32, 4],
  [64, 6],
  [128, 10],
  [256, 15],
  [512, 20],
  [1024, 30],
  [2048, 40],
  [4096, 50],
  [8192, 60],
  [16384, 70],
  [32767, 80],
];

/**
 * The billing tier of a managed disk: the smallest tier at least as big, e.g. Premium_LRS 100 GB → "P10 LRS". Standard
 * HDD starts at S4 (32 GiB). ZRS disks are "… ZRS".
 */
export function diskTier(storageAccountType: string, sizeGb: number): string {
  const letter = storageAccountType.startsWith("Premium")
    ? "P"
    : storageAccountType.startsWith("StandardSSD")
      ? "E"
      : "S";
  const redundancy = storageAccountType.endsWith("ZRS") ? "ZRS" : "LRS";
  const floor = letter === "S" ? 32 : 0;
  const tier = DISK_TIERS.find(([max]) => Math.max(sizeGb, floor) <= max)?.[1] ?? 80;
  return `${letter}${tier} ${redundancy}`;
}

/** Hours of a load balancer's rules: the included meter runs while there is a rule, overage counts rules beyond 5. */
export const LB_INCLUDED_RULES = 5;
