import type { StoredResource } from "../../core/state.js";
import type { Store } from "../../core/store.js";
import type { MeterRef } from "./prices.js";

/**
 * What a resource is billed for right now, by Azure's rules (DOCS virtual-machines/states-billing.md; the disk, public
 * IP, load balancer and Site Recovery pricing pages): a VM's compute while allocated (starting, running, stopping,
 * stopped), not when deallocated or failed; a managed disk by its tier while it exists; a Standard public IP while
 * it exists; a Standard load balancer per hour once it has a rule (5 included, then per rule); a Site Recovery
 * protected instance per month. Monthly meters are pro-rated by the hour over the calendar month the hour falls in
 * (a whole December is 1, one December day 1/31), as lib/usage/meters.ts meters them.
 * Storage accounts are not billed here: the emulator does not model stored bytes.
 */
export interface BilledLine {
  meter: MeterRef;
  /** How many of the resource count: 1, or rules beyond the first 5. */
  units: number;
  /** "hour": units × hours; "month": units × the fraction of the calendar month. */
  per: "hour" | "month";
}

const TIERS: [number, string][] = [
  [4, "1"],
  [8, "2"],
  [16, "3"],
  [32, "4"],
  [64, "6"],
  [128, "10"],
  [256, "15"],
  [512, "20"],
  [1024, "30"],
  [2048, "40"],
  [4096, "50"],
  [8192, "60"],
  [16384, "70"],
  [32767, "80"],
];

/** Managed disk tier by size (P/E/S + number); Standard HDD starts at S4. */
export function diskTier(sku: string, sizeGB: number): { productName: string; tier: string } | undefined {
  const n = (TIERS.find(([max]) => sizeGB <= max) ?? TIERS[TIERS.length - 1])[1];
  if (sku.startsWith("PremiumV2") || sku.startsWith("Ultra")) return undefined;
  if (sku.startsWith("Premium")) return { productName: "Premium SSD Managed Disks", tier: `P${n}` };
  if (sku.startsWith("StandardSSD")) return { productName: "Standard SSD Managed Disks", tier: `E${n}` };
  if (sku.startsWith("Standard"))
    return { productName: "Standard HDD Managed Disks", tier: `S${Number(n) < 4 ? 4 : n}` };
  return undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const props = (r: StoredResource) => (r.body.properties ?? {}) as Json;
const region = (r: StoredResource) => String(r.body.location ?? "").toLowerCase();
const ALLOCATED = new Set(["starting", "running", "stopping", "stopped"]);
const PROTECTED_ITEM =
  "microsoft.recoveryservices/vaults/replicationfabrics/replicationprotectioncontainers/replicationprotecteditems";

export function billedLines(store: Store, r: StoredResource): BilledLine[] {
  switch (r.type) {
    case "microsoft.compute/virtualmachines": {
      const size = String(props(r).hardwareProfile?.vmSize ?? "");
      if (props(r).provisioningState === "Failed" || !ALLOCATED.has(String(r.internal.powerState))) return [];
      const windows = r.internal.osType === "Windows";
      const meter = { serviceName: "Virtual Machines", armSkuName: size, armRegionName: region(r), windows };
      return [{ meter, units: 1, per: "hour" }];
    }
    case "microsoft.compute/disks": {
      const tier = diskTier(String((r.body.sku as Json | undefined)?.name ?? ""), Number(props(r).diskSizeGB ?? 0));
      if (!tier) return [];
      const meter = {
        serviceName: "Storage",
        productName: tier.productName,
        meterName: `${tier.tier} LRS Disk`,
        armRegionName: region(r),
      };
      return [{ meter, units: 1, per: "month" }];
    }
    case "microsoft.network/publicipaddresses": {
      if ((r.body.sku as Json | undefined)?.name !== "Standard") return [];
      const meter = {
        serviceName: "Virtual Network",
        productName: "IP Addresses",
        meterName: "Standard IPv4 Static Public IP",
        armRegionName: region(r),
      };
      return [{ meter, units: 1, per: "hour" }];
    }
    case "microsoft.network/loadbalancers": {
      if ((r.body.sku as Json | undefined)?.name !== "Standard") return [];
      const rules = (props(r).loadBalancingRules ?? []).length + (props(r).outboundRules ?? []).length;
      const lb = { serviceName: "Load Balancer", productName: "Load Balancer", armRegionName: region(r) };
      const lines: BilledLine[] = [];
      if (rules > 0)
        lines.push({
          meter: { ...lb, meterName: "Standard Included LB Rules and Outbound Rules" },
          units: 1,
          per: "hour",
        });
      if (rules > 5)
        lines.push({
          meter: { ...lb, meterName: "Standard Overage LB Rules and Outbound Rules" },
          units: rules - 5,
          per: "hour",
        });
      return lines;
    }
    case PROTECTED_ITEM: {
      const vault = store.getResource(vaultIdOf(r.id));
      const meter = {
        serviceName: "Azure Site Recovery",
        productName: "Azure Site Recovery",
        meterName: "VM Replicated to Azure",
        armRegionName: vault ? region(vault) : "",
      };
      return [{ meter, units: 1, per: "month" }];
    }
    default:
      return [];
  }
}

const vaultIdOf = (itemId: string) => itemId.replace(/\/replicationfabrics\/.*$/i, "");

/** Tags billing is split by: a protected item carries none of its own, so its vault's count (Azure bills the vault). */
export function billedTags(store: Store, r: StoredResource): Record<string, string> {
  const owner = r.type === PROTECTED_ITEM ? store.getResource(vaultIdOf(r.id)) : r;
  return { ...((owner?.body.tags as Record<string, string> | undefined) ?? {}) };
}
