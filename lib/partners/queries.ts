import type { StaffContext } from "@/lib/auth/context";
import { db, type Prisma } from "@/lib/db/client";
import { kinds } from "@/lib/operations/kinds";
import { credentialFactsSelect } from "@/lib/subscriptions/credential-facts";
import { readEntitlements } from "./entitlements";
import type { CustomerSearch } from "./schema";

// No select here includes clientSecretEnc: the sealed secret never reaches a page or an API answer.
const connectionSelect = {
  id: true,
  displayName: true,
  partnerTenantId: true,
  clientId: true,
  ...credentialFactsSelect,
  cloud: true,
  partnerCenterEndpoint: true,
  armEndpoint: true,
  authorityHost: true,
  state: true,
  validation: true,
  lastSyncedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PartnerConnectionSelect;

export type PartnerConnectionView = Prisma.PartnerConnectionGetPayload<{ select: typeof connectionSelect }>;

/** A page of the Partner Center connections (staff only), by name, with how many customers each lists. */
export async function listPartnerConnections(_ctx: StaffContext, search: CustomerSearch = { page: 1, pageSize: 100 }) {
  const q = search.q?.trim();
  const where: Prisma.PartnerConnectionWhereInput = q
    ? {
        OR: [
          { displayName: { contains: q, mode: "insensitive" } },
          { partnerTenantId: { startsWith: q.toLowerCase() } },
          { clientId: { startsWith: q.toLowerCase() } },
        ],
      }
    : {};
  const [total, rows] = await Promise.all([
    db.partnerConnection.count({ where }),
    db.partnerConnection.findMany({
      where,
      select: { ...connectionSelect, _count: { select: { customers: true } } },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      skip: (search.page - 1) * search.pageSize,
      take: search.pageSize,
    }),
  ]);
  const items = rows.map(({ _count, ...c }) => ({ ...c, customerCount: _count.customers }));
  return { items, total, page: search.page, pageSize: search.pageSize };
}
export type PartnerConnectionRow = Awaited<ReturnType<typeof listPartnerConnections>>["items"][number];

/** One Partner Center connection (staff only), or null when there is none with that id. */
export async function findPartnerConnection(
  _ctx: StaffContext,
  connectionId: string,
): Promise<PartnerConnectionView | null> {
  return db.partnerConnection.findUnique({ where: { id: connectionId }, select: connectionSelect });
}

/** The last sync operation of the connection, to show its state and error beside the form. */
export async function findLastSync(_ctx: StaffContext, connectionId: string) {
  return db.operation.findFirst({
    where: { kind: kinds.partner.sync, targetId: connectionId },
    orderBy: { createdAt: "desc" },
    select: { id: true, state: true, errorCode: true, errorMessage: true, errorRequestId: true, endedAt: true },
  });
}

export type CustomerRow = {
  id: string;
  tenantId: string;
  companyName: string;
  domain: string;
  hasAzurePlan: boolean;
  subscriptions: {
    subscriptionId: string;
    friendlyName: string;
    status: string;
    /** The portal's AzureSubscription when it is onboarded already. */
    onboarded: { id: string; state: string } | null;
    /** The onboarding operation under way (queued or running), or the last one when none is. */
    operation: { id: string; state: string } | null;
  }[];
};

/** A page of one connection's customers (search by name, domain or tenant id) with their subscriptions marked. */
export async function listPartnerCustomers(_ctx: StaffContext, connectionId: string, search: CustomerSearch) {
  const connection = await db.partnerConnection.findUnique({ where: { id: connectionId }, select: { id: true } });
  if (!connection) return { items: [] as CustomerRow[], total: 0, page: search.page, pageSize: search.pageSize };
  const q = search.q?.trim();
  const where: Prisma.PartnerCustomerWhereInput = {
    connectionId: connection.id,
    ...(q
      ? {
          OR: [
            { companyName: { contains: q, mode: "insensitive" } },
            { domain: { contains: q, mode: "insensitive" } },
            { tenantId: { startsWith: q.toLowerCase() } },
          ],
        }
      : {}),
  };
  const [total, customers] = await Promise.all([
    db.partnerCustomer.count({ where }),
    db.partnerCustomer.findMany({
      where,
      orderBy: [{ companyName: "asc" }, { id: "asc" }],
      skip: (search.page - 1) * search.pageSize,
      take: search.pageSize,
      select: { id: true, tenantId: true, companyName: true, domain: true, azurePlanId: true, entitlements: true },
    }),
  ]);
  const ids = customers.flatMap((c) => readEntitlements(c.entitlements).map((e) => e.subscriptionId));
  const [subs, ops] = await Promise.all([
    db.azureSubscription.findMany({
      where: { subscriptionId: { in: ids } },
      select: { id: true, subscriptionId: true, state: true },
    }),
    db.operation.findMany({
      where: { kind: kinds.partner.onboardSubscription, targetId: { in: ids } },
      orderBy: { createdAt: "desc" },
      select: { id: true, targetId: true, state: true },
    }),
  ]);
  const subOf = new Map(subs.map((s) => [s.subscriptionId, { id: s.id, state: s.state }]));
  const opOf = new Map<string, { id: string; state: string }>();
  for (const op of ops) if (!opOf.has(op.targetId)) opOf.set(op.targetId, { id: op.id, state: op.state });
  const items: CustomerRow[] = customers.map((c) => ({
    id: c.id,
    tenantId: c.tenantId,
    companyName: c.companyName,
    domain: c.domain,
    hasAzurePlan: !!c.azurePlanId,
    subscriptions: readEntitlements(c.entitlements).map((e) => ({
      ...e,
      onboarded: subOf.get(e.subscriptionId) ?? null,
      operation: opOf.get(e.subscriptionId) ?? null,
    })),
  }));
  return { items, total, page: search.page, pageSize: search.pageSize };
}
