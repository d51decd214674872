import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import { readDiscovery, imageLabel, type DiscoveredImage, type DiscoveredSize } from "@/lib/subscriptions/discovery";
import type { TenantContext } from "@/lib/auth/context";

type PlanImage = { publisher: string; offer: string; sku: string; version: string };

export type VmCatalogue = {
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
 * plan's Azure subscription offers and the regions the provider allows. The create form and the service both use it.
 */
export async function getVmCatalogue(ctx: TenantContext, tenantSubscriptionId: string): Promise<VmCatalogue> {
  const ts = await db.tenantSubscription.findFirst({
    where: { id: tenantSubscriptionId, tenantId: ctx.tenantId, state: "active" },
    select: {
      id: true, name: true, resourceGroup: true,
      plan: { select: { allowedSizes: true, allowedImages: true, quotaVms: true, quotaVcpus: true, quotaPublicIps: true, azureSubscriptionId: true, azureSubscription: { select: { discovery: true } } } },
    },
  });
  if (!ts) throw new NotFound("Subscription");
  const discovery = readDiscovery(ts.plan.azureSubscription.discovery);
  const allowed = await db.allowedRegion.findMany({ select: { name: true, displayName: true }, orderBy: { displayName: "asc" } });
  const offered = new Set(discovery.regions.map((r) => r.name));
  const regions = allowed.filter((r) => offered.has(r.name));
  const sizes = discovery.sizes
    .filter((s) => ts.plan.allowedSizes.includes(s.name) && s.regions.some((r) => regions.some((a) => a.name === r)))
    .map((s) => ({ ...s, label: `${s.name} · ${s.vCpus} vCPU · ${(s.memoryMb / 1024).toFixed(s.memoryMb % 1024 ? 1 : 0)} GiB` }));
  const images = (ts.plan.allowedImages as PlanImage[]).flatMap((i) => {
    const found: DiscoveredImage | undefined = discovery.images.find((d) => d.publisher === i.publisher && d.offer === i.offer && d.sku === i.sku);
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

/**
 * VMs, vCPUs, public IPs and load balancers a tenant subscription uses now (anything being deleted still counts until
 * Azure is done). Public IPs are the VMs' own plus those of load balancer frontends, requested or kept (PublicIpAddress).
 */
export async function tenantSubscriptionUsage(tenantSubscriptionId: string, tx: Pick<typeof db, "virtualMachine" | "publicIpAddress" | "loadBalancer"> = db) {
  const [agg, vmPublicIps, lbPublicIps, loadBalancers] = await Promise.all([
    tx.virtualMachine.aggregate({ where: { tenantSubscriptionId }, _count: true, _sum: { vcpus: true } }),
    tx.virtualMachine.count({ where: { tenantSubscriptionId, hasPublicIp: true } }),
    tx.publicIpAddress.count({ where: { tenantSubscriptionId } }),
    tx.loadBalancer.count({ where: { tenantSubscriptionId } }),
  ]);
  return { vms: agg._count, vcpus: agg._sum.vcpus ?? 0, publicIps: vmPublicIps + lbPublicIps, loadBalancers };
}
