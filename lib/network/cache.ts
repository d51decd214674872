import { getLoadBalancer, PORTAL_EXTRA_TAG, portalTags, type AzureAccess, type LoadBalancerInfo } from "@/lib/azure";
import { db, type Tx } from "@/lib/db/client";
import { recordLoadBalancerUsage, recordPublicIpUsage, type UsageSource } from "@/lib/usage/record";
import { publishLoadBalancerChanged } from "@/lib/events/lb-events";
import { cacheOf } from "./model";

/** A refresh outside an operation (lb.refresh, the page's button) finds drift; an operation's own refresh records its change. */
const drift: UsageSource = { source: "sync" };

/** A load balancer as its jobs need it: the row, and the Azure subscription behind the tenant's plan. */
export async function loadLbForJob(loadBalancerId: string) {
  const lb = await db.loadBalancer.findUniqueOrThrow({
    where: { id: loadBalancerId },
    include: {
      tenantSubscription: {
        select: {
          id: true,
          resourceGroup: true,
          planId: true,
          tenant: { select: { id: true, slug: true } },
          plan: { select: { azureSubscriptionId: true } },
        },
      },
    },
  });
  return {
    lb,
    ref: { resourceGroup: lb.resourceGroup, name: lb.name },
    azureSubscriptionId: lb.tenantSubscription.plan.azureSubscriptionId,
  };
}

/** The portal's tags for what an operation creates for a load balancer (its group, public IPs, itself). */
export function lbTags(
  lb: { id: string; tenantSubscription: { planId: string; tenant: { id: string; slug: string } } },
  operationId: string,
  opts: { group?: boolean } = {},
) {
  const owner = { tenant: lb.tenantSubscription.tenant, plan: lb.tenantSubscription.planId, operationId };
  return portalTags(opts.group ? owner : { ...owner, extra: { [PORTAL_EXTRA_TAG.loadBalancer]: lb.id } });
}

/**
 * Stores what Azure has now: the children, the ETag, and each frontend public IP's address. Public IPs the portal does
 * not know yet (a load balancer found in Azure) get a row, so they count against the plan's quota like any other.
 * Metered usage (rules, addresses) follows in the same transaction, from the time of this read.
 */
export async function writeCache(
  lb: { id: string; tenantId: string; tenantSubscriptionId: string },
  info: LoadBalancerInfo,
  usage: UsageSource = drift,
) {
  const readAt = new Date();
  const cache = cacheOf(info);
  await db.$transaction(async (tx) => {
    // The row lock orders two reads saved at once (an operation's refresh and lb.refresh): one change, one event.
    const [before] = await tx.$queryRaw<{ etag: string | null }[]>`
      select etag from "LoadBalancer" where id = ${lb.id} for update`;
    await tx.loadBalancer.update({ where: { id: lb.id }, data: { ...cache, lastRefreshedAt: readAt } });
    await publishLoadBalancerChanged(tx, {
      loadBalancerId: lb.id,
      etagBefore: before?.etag ?? null,
      etagAfter: cache.etag,
      operationId: usage.operationId,
    });
    await recordLoadBalancerUsage(tx, lb.id, readAt, usage);
    for (const fe of info.frontends) {
      if (!fe.publicIpId) continue;
      const { id } = await cacheFrontendIp(tx, lb, info, fe as typeof fe & { publicIpId: string });
      await recordPublicIpUsage(tx, id, readAt, usage);
    }
  });
}

async function cacheFrontendIp(
  tx: Tx,
  lb: { id: string; tenantId: string; tenantSubscriptionId: string },
  info: LoadBalancerInfo,
  fe: LoadBalancerInfo["frontends"][number] & { publicIpId: string },
) {
  const known = await tx.publicIpAddress.findFirst({
    where: {
      tenantSubscriptionId: lb.tenantSubscriptionId,
      azureResourceId: { equals: fe.publicIpId, mode: "insensitive" },
    },
    select: { id: true },
  });
  const data = {
    ipAddress: fe.publicIpAddress ?? null,
    loadBalancerId: lb.id,
    frontendName: fe.name,
    provisioningState: "Succeeded",
  };
  if (known) return tx.publicIpAddress.update({ where: { id: known.id }, data, select: { id: true } });
  const [, , , resourceGroup, , , , name] = fe.publicIpId.split("/").filter(Boolean);
  return tx.publicIpAddress.upsert({
    where: {
      tenantSubscriptionId_resourceGroup_name: { tenantSubscriptionId: lb.tenantSubscriptionId, resourceGroup, name },
    },
    create: {
      tenantId: lb.tenantId,
      tenantSubscriptionId: lb.tenantSubscriptionId,
      name,
      resourceGroup,
      region: info.location,
      sku: info.sku,
      azureResourceId: fe.publicIpId,
      ...data,
    },
    update: { azureResourceId: fe.publicIpId, ...data },
    select: { id: true },
  });
}

/** Reads the load balancer and caches it; false when Azure no longer has it. */
export async function refreshCache(
  access: AzureAccess,
  lb: { id: string; tenantId: string; tenantSubscriptionId: string; resourceGroup: string; name: string },
  usage: UsageSource = drift,
) {
  const info = await getLoadBalancer(access, lb.resourceGroup, lb.name);
  if (!info) {
    const readAt = new Date();
    await db.$transaction(async (tx) => {
      await markMissing(tx, lb, readAt, usage.operationId);
      await recordLoadBalancerUsage(tx, lb.id, readAt, usage);
    });
    return false;
  }
  await writeCache(lb, info, usage);
  return true;
}

/**
 * A load balancer Azure no longer has: Missing, and loadbalancer.changed the first time a read finds it gone (the row
 * lock orders two refreshes, so it is said once).
 */
export async function markMissing(
  tx: Tx,
  lb: { id: string; resourceGroup: string },
  readAt: Date,
  operationId?: string | null,
) {
  const [before] = await tx.$queryRaw<{ provisioningState: string }[]>`
    select "provisioningState" from "LoadBalancer" where id = ${lb.id} for update`;
  await tx.loadBalancer.update({
    where: { id: lb.id },
    data: {
      provisioningState: "Missing",
      errorMessage: `Not found in Azure (resource group ${lb.resourceGroup}).`,
      lastRefreshedAt: readAt,
    },
  });
  if (before && before.provisioningState !== "Missing")
    await publishLoadBalancerChanged(tx, {
      loadBalancerId: lb.id,
      etagBefore: null,
      etagAfter: null,
      operationId,
      change: "missing in Azure",
    });
}

/** After an operation ends: Updating while another change to this load balancer is still queued or running. */
export async function settleState(loadBalancerId: string, errorMessage?: string | null) {
  const busy = await db.operation.count({
    where: {
      state: { in: ["queued", "running"] },
      OR: [{ targetId: loadBalancerId }, { targetId: { startsWith: `${loadBalancerId}/` } }],
    },
  });
  await db.loadBalancer.updateMany({
    where: { id: loadBalancerId, provisioningState: { notIn: ["Creating", "Missing"] } },
    data: {
      provisioningState: busy ? "Updating" : "Succeeded",
      ...(errorMessage !== undefined ? { errorMessage } : {}),
    },
  });
}
