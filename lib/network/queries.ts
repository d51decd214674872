import type { TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";

/** A tenant's virtual networks, for choosing one when creating a VM (the tenant filter is in the query). */
export async function listVirtualNetworks(ctx: TenantContext, filter: { tenantSubscriptionId?: string; region?: string } = {}) {
  return db.virtualNetwork.findMany({
    where: { tenantId: ctx.tenantId, tenantSubscriptionId: filter.tenantSubscriptionId, region: filter.region },
    select: { id: true, name: true, region: true, addressSpace: true, isDefault: true, tenantSubscriptionId: true, azureResourceId: true },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
}
export type VirtualNetworkOption = Awaited<ReturnType<typeof listVirtualNetworks>>[number];
