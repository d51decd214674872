import type { PlanQuotas } from "@/lib/plans/schema";

/** "10 VMs · 40 vCPUs · 5 IPs · 2 LBs · 5 protected" for tables, where the full labels do not fit. */
export function quotaSummary(q: PlanQuotas) {
  return `${q.quotaVms} VMs · ${q.quotaVcpus} vCPUs · ${q.quotaPublicIps} IPs · ${q.quotaLoadBalancers} LBs · ${q.quotaProtectedVms} protected`;
}

/** "standardDSv5Family" → "DSv5"; Azure's family names are long and all start the same. */
export function familyLabel(family: string) {
  return (
    family
      .replace(/^standard/i, "")
      .replace(/Family$/i, "")
      .replace(/^basic/i, "Basic ") || family
  );
}

export const formatMemory = (mb: number) =>
  `${Number((mb / 1024).toFixed(mb % 1024 === 0 ? 0 : 1)).toLocaleString("en-US")} GiB`;
