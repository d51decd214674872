import type { StaffContext } from "@/lib/auth/context";
import { db, type Prisma } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import { readDiscovery } from "@/lib/subscriptions/discovery";
import { tenantSubscriptionUsages } from "@/lib/tenancy/plan-offer";
import { catalogueImages, imageKey, LATEST, offerableSizes, type CatalogueImage, type OfferableSize } from "./rules";
import { quotaFieldNames, type ImageChoice, type PlanQuotas, type PlanStateValue } from "./schema";

const liveTenantSubscription = { state: { not: "cancelled" } } satisfies Prisma.TenantSubscriptionWhereInput;

const emptyUsage = (): PlanQuotas => ({
  quotaVms: 0,
  quotaVcpus: 0,
  quotaPublicIps: 0,
  quotaLoadBalancers: 0,
  quotaProtectedVms: 0,
});

/**
 * What tenants use against each plan's quotas: the one place the plan's quota checks and usage bars read. Quotas apply
 * per tenant subscription (as in Azure Pack), so a plan's usage is the highest of its live tenant subscriptions, each
 * counted by tenantSubscriptionUsages like the tenant's own quota checks. Protected VMs belong to a tenant, not to one
 * of its subscriptions, so they count 0 here.
 */
export async function planUsages(planIds: readonly string[]): Promise<Map<string, PlanQuotas>> {
  const usages = new Map(planIds.map((id) => [id, emptyUsage()]));
  if (planIds.length === 0) return usages;
  const subscriptions = await db.tenantSubscription.findMany({
    where: { planId: { in: [...planIds] }, ...liveTenantSubscription },
    select: { id: true, planId: true },
  });
  const used = await tenantSubscriptionUsages(subscriptions.map((s) => s.id));
  for (const s of subscriptions) {
    const plan = usages.get(s.planId)!;
    const u = used.get(s.id)!;
    plan.quotaVms = Math.max(plan.quotaVms, u.vms);
    plan.quotaVcpus = Math.max(plan.quotaVcpus, u.vcpus);
    plan.quotaPublicIps = Math.max(plan.quotaPublicIps, u.publicIps);
    plan.quotaLoadBalancers = Math.max(plan.quotaLoadBalancers, u.loadBalancers);
  }
  return usages;
}

export async function planUsage(planId: string): Promise<PlanQuotas> {
  return (await planUsages([planId])).get(planId) ?? emptyUsage();
}

export function quotasOf(plan: PlanQuotas): PlanQuotas {
  return Object.fromEntries(quotaFieldNames.map((f) => [f, plan[f]])) as PlanQuotas;
}

export async function listAllowedRegionNames() {
  return (await db.allowedRegion.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((r) => r.name);
}

export const readImageChoices = (json: unknown): ImageChoice[] => (Array.isArray(json) ? (json as ImageChoice[]) : []);

export type PlanListFilter = {
  q?: string;
  state?: PlanStateValue;
  sort?: "name" | "createdAt";
  dir?: "asc" | "desc";
  skip: number;
  take: number;
};

/** Plans are provider-wide: only staff contexts list them. */
export async function listPlans(_ctx: StaffContext, filter: PlanListFilter) {
  const where: Prisma.PlanWhereInput = { state: filter.state };
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" as const };
    where.OR = [{ name: contains }, { description: contains }, { azureSubscription: { displayName: contains } }];
  }
  const [total, rows] = await Promise.all([
    db.plan.count({ where }),
    db.plan.findMany({
      where,
      orderBy: { [filter.sort ?? "name"]: filter.dir ?? "asc" },
      skip: filter.skip,
      take: filter.take,
      include: {
        azureSubscription: { select: { id: true, displayName: true, state: true } },
        _count: { select: { tenantSubscriptions: { where: liveTenantSubscription } } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      state: p.state,
      offersDr: p.offersDr,
      azureSubscription: p.azureSubscription,
      tenantCount: p._count.tenantSubscriptions,
      sizeCount: p.allowedSizes.length,
      imageCount: readImageChoices(p.allowedImages).length,
      quotas: quotasOf(p),
    })),
  };
}

export async function getPlanDetail(_ctx: StaffContext, id: string) {
  const plan = await db.plan.findUnique({
    where: { id },
    include: {
      azureSubscription: {
        select: { id: true, displayName: true, subscriptionId: true, cloud: true, state: true, discovery: true },
      },
      tenantSubscriptions: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          state: true,
          createdAt: true,
          tenant: { select: { id: true, slug: true, name: true, state: true } },
        },
      },
    },
  });
  if (!plan) throw new NotFound("Plan");
  const [regions, usage] = await Promise.all([listAllowedRegionNames(), planUsage(plan.id)]);
  const { discovery, ...azureSubscription } = plan.azureSubscription;
  const resolved = resolveCatalogue(
    readDiscovery(discovery),
    regions,
    plan.allowedSizes,
    readImageChoices(plan.allowedImages),
  );
  return {
    id: plan.id,
    name: plan.name,
    description: plan.description,
    state: plan.state,
    offersDr: plan.offersDr,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    azureSubscription,
    quotas: quotasOf(plan),
    usage,
    allowedSizes: plan.allowedSizes,
    allowedImages: readImageChoices(plan.allowedImages),
    sizes: resolved.sizes,
    images: resolved.images,
    tenantSubscriptions: plan.tenantSubscriptions,
    liveTenantCount: plan.tenantSubscriptions.filter((t) => t.state !== "cancelled").length,
  };
}
export type PlanDetail = Awaited<ReturnType<typeof getPlanDetail>>;

/** The plan's choices with their specs and friendly names; a choice the catalogue no longer offers is flagged, not hidden. */
function resolveCatalogue(
  discovery: ReturnType<typeof readDiscovery>,
  regions: string[],
  sizes: string[],
  images: ImageChoice[],
) {
  const offerable = new Map(offerableSizes(discovery, regions).map((s) => [s.name.toLowerCase(), s]));
  const catalogue = new Map(catalogueImages(discovery).map((i) => [i.key, i]));
  return {
    sizes: sizes.map((name) => {
      const spec = offerable.get(name.toLowerCase());
      return spec
        ? { ...spec, isOfferable: true }
        : {
            name,
            vCpus: null,
            memoryMb: null,
            maxDataDisks: null,
            family: null,
            regions: [] as string[],
            isOfferable: false,
          };
    }),
    images: images.map((choice) => {
      const image = catalogue.get(imageKey(choice));
      return {
        ...choice,
        label: image?.label ?? `${choice.publisher} ${choice.offer} ${choice.sku}`,
        osType: image?.osType ?? null,
        isOffered: Boolean(image && (choice.version === LATEST || image.versions.includes(choice.version))),
      };
    }),
  };
}

export type AttachableSubscription = {
  id: string;
  displayName: string;
  subscriptionId: string;
  state: string;
  sizes: OfferableSize[];
  images: CatalogueImage[];
};

/**
 * Active subscriptions that back no plan yet (plus the edited plan's own), each with the sizes and images a plan on
 * it may offer, so the form can switch subscriptions without a round trip.
 */
export async function listAttachableSubscriptions(
  _ctx: StaffContext,
  opts: { planId?: string } = {},
): Promise<AttachableSubscription[]> {
  const [subs, regions] = await Promise.all([
    db.azureSubscription.findMany({
      where: { OR: [{ state: "active", plan: null }, ...(opts.planId ? [{ plan: { id: opts.planId } }] : [])] },
      select: { id: true, displayName: true, subscriptionId: true, state: true, discovery: true },
      orderBy: { displayName: "asc" },
    }),
    listAllowedRegionNames(),
  ]);
  return subs.map(({ discovery, ...s }) => {
    const d = readDiscovery(discovery);
    return { ...s, sizes: offerableSizes(d, regions), images: catalogueImages(d) };
  });
}

/**
 * Plans a tenant may subscribe to on its own: public, on an active subscription. For tenant self-service; the
 * subscribe use case (lib/tenancy) checks the same conditions again when the tenant submits.
 */
export async function listPublicPlans() {
  const [plans, regions] = await Promise.all([
    db.plan.findMany({
      where: { state: "public", azureSubscription: { state: "active" } },
      orderBy: { name: "asc" },
      include: { azureSubscription: { select: { discovery: true } } },
    }),
    listAllowedRegionNames(),
  ]);
  return plans.map((p) => {
    const resolved = resolveCatalogue(
      readDiscovery(p.azureSubscription.discovery),
      regions,
      p.allowedSizes,
      readImageChoices(p.allowedImages),
    );
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      offersDr: p.offersDr,
      quotas: quotasOf(p),
      sizes: resolved.sizes
        .filter((s) => s.isOfferable)
        .map(({ name, vCpus, memoryMb }) => ({ name, vCpus: vCpus ?? 0, memoryMb: memoryMb ?? 0 })),
      images: resolved.images
        .filter((i) => i.isOffered)
        .map(({ label, osType, version }) => ({ label, osType, version })),
    };
  });
}
export type PublicPlan = Awaited<ReturnType<typeof listPublicPlans>>[number];
