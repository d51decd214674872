import type { TenantContext } from "@/lib/auth/context";
import type { LoadBalancerProbe, LoadBalancerRule } from "@/lib/azure";
import { db, type Prisma } from "@/lib/db/client";
import { notFoundInTenant } from "@/lib/errors";
import { withoutFrontend, withoutRule } from "./lb-rules";
import { modelOf, type CachedFrontend, type CachedPool } from "./model";

/** A tenant's virtual networks, for choosing one when creating a VM (the tenant filter is in the query). */
export async function listVirtualNetworks(
  ctx: TenantContext,
  filter: { tenantSubscriptionId?: string; region?: string } = {},
) {
  return db.virtualNetwork.findMany({
    where: { tenantId: ctx.tenantId, tenantSubscriptionId: filter.tenantSubscriptionId, region: filter.region },
    select: {
      id: true,
      name: true,
      region: true,
      addressSpace: true,
      isDefault: true,
      tenantSubscriptionId: true,
      azureResourceId: true,
    },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
}
export type VirtualNetworkOption = Awaited<ReturnType<typeof listVirtualNetworks>>[number];

const lbSummary = {
  id: true,
  name: true,
  resourceGroup: true,
  region: true,
  sku: true,
  provisioningState: true,
  errorMessage: true,
  isDiscovered: true,
  frontends: true,
  backendPools: true,
  probes: true,
  rules: true,
  tenantSubscriptionId: true,
  azureResourceId: true,
  lastRefreshedAt: true,
  updatedAt: true,
} satisfies Prisma.LoadBalancerSelect;

/** A NIC ipConfiguration id names the VM by convention (`<vm>-nic`), so pool members show as VMs. */
const vmNameOfNic = (ipConfigId: string) =>
  ipConfigId.split("/networkInterfaces/")[1]?.split("/")[0]?.replace(/-nic$/i, "");

async function withMembers(ctx: TenantContext, lb: Prisma.LoadBalancerGetPayload<{ select: typeof lbSummary }>) {
  const pools = (lb.backendPools as CachedPool[]) ?? [];
  const vmNames = [
    ...new Set(pools.flatMap((p) => p.memberNicIpConfigIds.map(vmNameOfNic)).filter((n): n is string => !!n)),
  ];
  const vms = vmNames.length
    ? await db.virtualMachine.findMany({
        where: { tenantId: ctx.tenantId, tenantSubscriptionId: lb.tenantSubscriptionId, name: { in: vmNames } },
        select: { id: true, name: true, privateIp: true, powerState: true },
      })
    : [];
  return {
    ...lb,
    frontends: lb.frontends as CachedFrontend[],
    probes: lb.probes as LoadBalancerProbe[],
    rules: lb.rules as LoadBalancerRule[],
    backendPools: pools.map((p) => ({
      name: p.name,
      members: p.memberNicIpConfigIds.map((id) => {
        const vm = vms.find((v) => v.name.toLowerCase() === vmNameOfNic(id)?.toLowerCase());
        return {
          nicIpConfigId: id,
          vmId: vm?.id ?? null,
          vmName: vm?.name ?? vmNameOfNic(id) ?? id,
          privateIp: vm?.privateIp ?? null,
          powerState: vm?.powerState ?? null,
        };
      }),
    })),
  };
}

export async function listLoadBalancers(ctx: TenantContext) {
  const rows = await db.loadBalancer.findMany({
    where: { tenantId: ctx.tenantId },
    select: lbSummary,
    orderBy: [{ name: "asc" }, { resourceGroup: "asc" }],
  });
  return Promise.all(rows.map((r) => withMembers(ctx, r)));
}
export type LoadBalancerListItem = Awaited<ReturnType<typeof listLoadBalancers>>[number];

export async function getLoadBalancerDetail(ctx: TenantContext, loadBalancerId: string) {
  const lb = await db.loadBalancer.findFirst({
    where: { id: loadBalancerId, tenantId: ctx.tenantId },
    select: lbSummary,
  });
  if (!lb) throw notFoundInTenant(ctx, "Load balancer", { type: "LoadBalancer", id: loadBalancerId });
  return withMembers(ctx, lb);
}
export type LoadBalancerDetail = Awaited<ReturnType<typeof getLoadBalancerDetail>>;

/** Public IPs a frontend can take: kept ones, unattached, in the load balancer's region and subscription. */
export async function listUnattachedPublicIps(
  ctx: TenantContext,
  lb: { tenantSubscriptionId: string; region: string },
) {
  return db.publicIpAddress.findMany({
    where: {
      tenantId: ctx.tenantId,
      tenantSubscriptionId: lb.tenantSubscriptionId,
      region: lb.region,
      loadBalancerId: null,
      provisioningState: "Succeeded",
    },
    select: { id: true, name: true, ipAddress: true, sku: true, resourceGroup: true },
    orderBy: { name: "asc" },
  });
}
export type PublicIpOption = Awaited<ReturnType<typeof listUnattachedPublicIps>>[number];

/** Operations on the load balancer or any of its children (targets are `<lbId>` or `<lbId>/…`), newest first. */
export async function listLoadBalancerOperations(ctx: TenantContext, loadBalancerId: string, take = 10) {
  return db.operation.findMany({
    where: {
      tenantId: ctx.tenantId,
      OR: [{ targetId: loadBalancerId }, { targetId: { startsWith: `${loadBalancerId}/` } }],
    },
    select: {
      id: true,
      kind: true,
      state: true,
      targetName: true,
      createdAt: true,
      endedAt: true,
      errorMessage: true,
      errorCode: true,
    },
    orderBy: { createdAt: "desc" },
    take,
  });
}

/** The tenant's VMs a new load balancer can take into its pool, and its active subscriptions with their regions. */
export async function getLoadBalancerFormOptions(ctx: TenantContext) {
  const [subscriptions, vms] = await Promise.all([
    db.tenantSubscription.findMany({
      where: { tenantId: ctx.tenantId, state: "active" },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.virtualMachine.findMany({
      where: { tenantId: ctx.tenantId, provisioningState: { notIn: ["Failed", "Deleting"] } },
      select: {
        id: true,
        name: true,
        region: true,
        tenantSubscriptionId: true,
        privateIp: true,
        provisioningState: true,
      },
      orderBy: { name: "asc" },
    }),
  ]);
  return { subscriptions, vms };
}

/** What removing a frontend takes with it, for the confirmation dialog (the job recomputes it from Azure). */
export function previewFrontendRemoval(lb: Parameters<typeof modelOf>[0], frontendName: string) {
  const { removedRules, removedProbes } = withoutFrontend(modelOf(lb), frontendName);
  return { rules: removedRules, probes: removedProbes };
}

/** The probes removing a rule takes with it (those no other rule uses), for the confirmation. */
export function previewRuleRemoval(lb: Parameters<typeof modelOf>[0], ruleName: string) {
  return withoutRule(modelOf(lb), ruleName).removedProbes;
}
