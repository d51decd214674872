import type { StaffContext } from "@/lib/auth/context";
import { db, type AzureSubscriptionState, type Prisma } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import { getOperation, type OperationDetail } from "@/lib/jobs/queries";
import { redactText } from "@/lib/azure/redact";
import { readDiscovery, readValidation } from "./discovery";
import { kinds } from "@/lib/operations/kinds";
import { credentialFactsSelect } from "./credential-facts";

export const subscriptionStates = [
  "validating",
  "active",
  "error",
  "disabled",
] as const satisfies readonly AzureSubscriptionState[];
export const subscriptionSorts = ["name", "state", "lastValidated", "created"] as const;
export type SubscriptionSort = (typeof subscriptionSorts)[number];

export type SubscriptionFilter = {
  q?: string;
  state?: AzureSubscriptionState;
  sort?: SubscriptionSort;
  dir?: "asc" | "desc";
  skip: number;
  take: number;
};

// Every read of AzureSubscription outside the worker goes through an explicit select: clientSecretEnc is never in one,
// so the sealed secret cannot reach a page, a log line or a serialized prop by accident.
const listSelect = {
  id: true,
  displayName: true,
  cloud: true,
  subscriptionId: true,
  directoryId: true,
  state: true,
  lastValidatedAt: true,
  createdAt: true,
  discovery: true,
  ...credentialFactsSelect,
  plan: { select: { id: true, name: true, state: true } },
} satisfies Prisma.AzureSubscriptionSelect;

const detailSelect = {
  id: true,
  displayName: true,
  cloud: true,
  armEndpoint: true,
  authorityHost: true,
  caCertificate: true,
  subscriptionId: true,
  directoryId: true,
  clientId: true,
  ...credentialFactsSelect,
  state: true,
  lastValidatedAt: true,
  validation: true,
  discovery: true,
  createdAt: true,
  updatedAt: true,
  plan: { select: { id: true, name: true, state: true, _count: { select: { tenantSubscriptions: true } } } },
} satisfies Prisma.AzureSubscriptionSelect;

const orderBy: Record<SubscriptionSort, (dir: "asc" | "desc") => Prisma.AzureSubscriptionOrderByWithRelationInput> = {
  name: (dir) => ({ displayName: dir }),
  state: (dir) => ({ state: dir }),
  lastValidated: (dir) => ({ lastValidatedAt: { sort: dir, nulls: "last" } }),
  created: (dir) => ({ createdAt: dir }),
};

/**
 * Portal vCPUs of each subscription against Azure's regional vCPU limits in the regions where it runs VMs (the figure
 * the provider dashboard shows). Azure's own "used" from the last validation is a snapshot taken before any VM existed,
 * and the limits of every discovered region summed (0 / 1,200 on every row, issue 12) say nothing about the VMs' regions.
 * One grouped query for the whole page of subscriptions.
 */
export async function vcpuUsageOf(subs: { id: string; discovery: unknown }[]) {
  const ids = subs.map((s) => s.id);
  const rows = ids.length
    ? await db.$queryRaw<{ azureSubscriptionId: string; region: string; vcpus: number }[]>`
        select p."azureSubscriptionId", vm.region, sum(vm.vcpus)::int as vcpus
        from "VirtualMachine" vm
        join "TenantSubscription" ts on ts.id = vm."tenantSubscriptionId"
        join "Plan" p on p.id = ts."planId"
        where p."azureSubscriptionId" = any(${ids})
        group by p."azureSubscriptionId", vm.region`
    : [];
  return new Map(
    subs.map((s) => {
      const quota = readDiscovery(s.discovery).quota;
      const regions = rows.filter((r) => r.azureSubscriptionId === s.id);
      return [
        s.id,
        {
          regions: regions.map((r) => r.region),
          vCpusUsed: regions.reduce((n, r) => n + r.vcpus, 0),
          vCpusLimit: regions.reduce((n, r) => n + (quota[r.region]?.limit ?? 0), 0),
        },
      ];
    }),
  );
}

export async function listSubscriptions(_ctx: StaffContext, filter: SubscriptionFilter) {
  const where: Prisma.AzureSubscriptionWhereInput = { state: filter.state || undefined };
  const q = filter.q?.trim();
  if (q) {
    const contains = { contains: q, mode: "insensitive" as const };
    where.OR = [
      { displayName: contains },
      { subscriptionId: contains },
      { directoryId: contains },
      { plan: { name: contains } },
    ];
  }
  const sort = filter.sort ?? "name";
  const [total, rows] = await Promise.all([
    db.azureSubscription.count({ where }),
    db.azureSubscription.findMany({
      where,
      select: listSelect,
      orderBy: [orderBy[sort](filter.dir ?? "asc"), { id: "asc" }],
      skip: filter.skip,
      take: filter.take,
    }),
  ]);
  const usage = await vcpuUsageOf(rows);
  return {
    total,
    rows: rows.map(({ discovery: _discovery, ...row }) => ({ ...row, usage: usage.get(row.id)! })),
  };
}

/** Subscription ids already onboarded in a cloud (lower case), so the onboarding form can mark them. */
export async function listOnboardedSubscriptionIds(
  _ctx: StaffContext,
  cloud: Prisma.AzureSubscriptionWhereInput["cloud"],
) {
  const rows = await db.azureSubscription.findMany({ where: { cloud }, select: { subscriptionId: true } });
  return new Set(rows.map((r) => r.subscriptionId.toLowerCase()));
}

export type SubscriptionListItem = Awaited<ReturnType<typeof listSubscriptions>>["rows"][number];

/** One onboarded subscription with its validation and discovery parsed; never its secret. */
export async function getSubscriptionDetail(_ctx: StaffContext, id: string) {
  const row = await db.azureSubscription.findUnique({ where: { id }, select: detailSelect });
  if (!row) throw new NotFound("Azure subscription");
  const validation = readValidation(row.validation);
  return {
    ...row,
    // Check messages are Azure's error texts, which can echo request details: masked like every operation error.
    validation: validation && {
      ...validation,
      checks: validation.checks.map((c) => ({ ...c, message: redactText(c.message) })),
    },
    discovery: readDiscovery(row.discovery),
  };
}

export type SubscriptionDetail = Awaited<ReturnType<typeof getSubscriptionDetail>>;

/**
 * The newest validation (or provider registration, which validates again after it) of this subscription, with its
 * steps redacted by the operations read side; null before the first one.
 */
export async function latestValidationOperation(id: string): Promise<OperationDetail | null> {
  const latest = await db.operation.findFirst({
    where: {
      targetId: id,
      targetType: "AzureSubscription",
      kind: { in: [kinds.subscription.validate, kinds.subscription.registerProviders] },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return latest ? getOperation({ kind: "staff" }, latest.id) : null;
}
