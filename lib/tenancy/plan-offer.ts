// The plan's offer to one tenant subscription in one place: what it may create (regions, sizes, images), what it uses,
// the quota check and the row lock every request that adds to that usage takes. VMs, load balancers, plans and DR read it.
import type { TenantContext } from "@/lib/auth/context";
import { db, type Tx } from "@/lib/db/client";
import { notFoundInTenant } from "@/lib/errors";
import { readDiscovery, imageLabel, type DiscoveredImage, type DiscoveredSize } from "@/lib/subscriptions/discovery";
import { assertQuotaLines, type QuotaLine } from "./quota";

type PlanImage = { publisher: string; offer: string; sku: string; version: string };

export type PlanOffer = {
  tenantSubscriptionId: string;
  name: string;
  resourceGroup: string;
  azureSubscriptionId: string;
  regions: { name: string; displayName: string }[];
  sizes: (DiscoveredSize & { label: string })[];
  images: (PlanImage & { osType: "Windows" | "Linux"; label: string })[];
  quota: { vms: number; vcpus: number; publicIps: number };
};

/**
 * What a tenant may create in one of its subscriptions: the plan's sizes and images, intersected with what the
 * plan's Azure subscription offers and the regions the provider allows. The create forms and the services both use it.
 */
export async function getPlanOffer(ctx: TenantContext, tenantSubscriptionId: string): Promise<PlanOffer> {
  const ts = await db.tenantSubscription.findFirst({
    where: { id: tenantSubscriptionId, tenantId: ctx.tenantId, state: "active" },
    select: {
      id: true,
      name: true,
      resourceGroup: true,
      plan: {
        select: {
          allowedSizes: true,
          allowedImages: true,
          quotaVms: true,
          quotaVcpus: true,
          quotaPublicIps: true,
          azureSubscriptionId: true,
          azureSubscription: { select: { discovery: true } },
        },
      },
    },
  });
  if (!ts) throw notFoundInTenant(ctx, "Subscription", { type: "TenantSubscription", id: tenantSubscriptionId });
  const discovery = readDiscovery(ts.plan.azureSubscription.discovery);
  const allowed = await db.allowedRegion.findMany({
    select: { name: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
  const offered = new Set(discovery.regions.map((r) => r.name));
  const regions = allowed.filter((r) => offered.has(r.name));
  const sizes = discovery.sizes
    .filter((s) => ts.plan.allowedSizes.includes(s.name) && s.regions.some((r) => regions.some((a) => a.name === r)))
    .map((s) => ({
      ...s,
      label: `${s.name} · ${s.vCpus} vCPU · ${(s.memoryMb / 1024).toFixed(s.memoryMb % 1024 ? 1 : 0)} GiB`,
    }));
  const images = (ts.plan.allowedImages as PlanImage[]).flatMap((i) => {
    const found: DiscoveredImage | undefined = discovery.images.find(
      (d) => d.publisher === i.publisher && d.offer === i.offer && d.sku === i.sku,
    );
    return found ? [{ ...i, version: i.version ?? "latest", osType: found.osType, label: imageLabel(i) }] : [];
  });
  return {
    tenantSubscriptionId: ts.id,
    name: ts.name,
    resourceGroup: ts.resourceGroup,
    azureSubscriptionId: ts.plan.azureSubscriptionId,
    regions,
    sizes,
    images,
    quota: { vms: ts.plan.quotaVms, vcpus: ts.plan.quotaVcpus, publicIps: ts.plan.quotaPublicIps },
  };
}

export type SubscriptionUsage = { vms: number; vcpus: number; publicIps: number; loadBalancers: number };
type UsageReader = Pick<typeof db, "$queryRaw" | "publicIpAddress" | "loadBalancer">;

/**
 * VMs, vCPUs, public IPs and load balancers tenant subscriptions use now (anything being deleted still counts until
 * Azure is done). Public IPs are the VMs' own plus those of load balancer frontends, requested or kept (PublicIpAddress).
 * The quota checks, the plan's usage and the tenant's quota bars all read this, so they cannot disagree.
 */
export async function tenantSubscriptionUsages(
  ids: readonly string[],
  tx: UsageReader = db,
): Promise<Map<string, SubscriptionUsage>> {
  const usages = new Map(ids.map((id) => [id, { vms: 0, vcpus: 0, publicIps: 0, loadBalancers: 0 }]));
  if (ids.length === 0) return usages;
  const where = { tenantSubscriptionId: { in: [...ids] } };
  // The VMs' figures in one pass over the (tenantSubscriptionId, hasPublicIp, vcpus) index: no table reads, and one
  // scan where two grouped counts each read every VM row (the VM page's data grew with the VM count, issue 18).
  const [vms, lbPublicIps, loadBalancers] = await Promise.all([
    tx.$queryRaw<{ id: string; vms: number; vcpus: number; publicIps: number }[]>`
      select "tenantSubscriptionId" as id, count(*)::int as vms, coalesce(sum(vcpus), 0)::int as vcpus,
             (count(*) filter (where "hasPublicIp"))::int as "publicIps"
      from "VirtualMachine" where "tenantSubscriptionId" = any(${[...ids]}::text[])
      group by 1`,
    tx.publicIpAddress.groupBy({ by: ["tenantSubscriptionId"], where, _count: { _all: true } }),
    tx.loadBalancer.groupBy({ by: ["tenantSubscriptionId"], where, _count: { _all: true } }),
  ]);
  for (const r of vms) Object.assign(usages.get(r.id)!, { vms: r.vms, vcpus: r.vcpus, publicIps: r.publicIps });
  for (const r of lbPublicIps) usages.get(r.tenantSubscriptionId)!.publicIps += r._count._all;
  for (const r of loadBalancers) usages.get(r.tenantSubscriptionId)!.loadBalancers = r._count._all;
  return usages;
}

export async function tenantSubscriptionUsage(
  tenantSubscriptionId: string,
  tx: UsageReader = db,
): Promise<SubscriptionUsage> {
  return (await tenantSubscriptionUsages([tenantSubscriptionId], tx)).get(tenantSubscriptionId)!;
}

/**
 * Takes the tenant subscription's row lock for the rest of the transaction, so concurrent requests (VMs and load
 * balancers alike) check quota and names one after another.
 */
export async function lockTenantSubscription(tx: Tx, tenantSubscriptionId: string) {
  await tx.$queryRaw`select id from "TenantSubscription" where id = ${tenantSubscriptionId} for update`;
}

const quotaNouns: Record<keyof SubscriptionUsage, string> = {
  vms: "VMs",
  vcpus: "vCPUs",
  publicIps: "public IPs",
  loadBalancers: "load balancers",
};

/**
 * The request's quota lines against the plan's limits and today's usage, in the order `adding` names them. Read inside
 * the caller's transaction after lockTenantSubscription, so two requests cannot both take the last unit.
 */
export async function quotaLines(
  tx: Tx,
  tenantSubscriptionId: string,
  adding: Partial<SubscriptionUsage>,
): Promise<QuotaLine[]> {
  const { plan } = await tx.tenantSubscription.findUniqueOrThrow({
    where: { id: tenantSubscriptionId },
    select: { plan: { select: { quotaVms: true, quotaVcpus: true, quotaPublicIps: true, quotaLoadBalancers: true } } },
  });
  const limits: SubscriptionUsage = {
    vms: plan.quotaVms,
    vcpus: plan.quotaVcpus,
    publicIps: plan.quotaPublicIps,
    loadBalancers: plan.quotaLoadBalancers,
  };
  const used = await tenantSubscriptionUsage(tenantSubscriptionId, tx);
  return (Object.keys(adding) as (keyof SubscriptionUsage)[]).map((k) => ({
    what: quotaNouns[k],
    used: used[k],
    adding: adding[k] ?? 0,
    limit: limits[k],
  }));
}

/** The quota check: throws QuotaExceeded naming each quota the request would exceed, and what the tenant can do. */
export async function assertWithinQuota(
  tx: Tx,
  tenantSubscriptionId: string,
  adding: Partial<SubscriptionUsage>,
  advice: string,
) {
  assertQuotaLines(await quotaLines(tx, tenantSubscriptionId, adding), advice);
}
