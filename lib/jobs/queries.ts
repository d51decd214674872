import { db, Prisma, type OperationState } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/context";
import { NotFound, notFoundInTenant } from "@/lib/errors";
import { redact, redactText } from "@/lib/azure/redact";

/**
 * Who is reading. Staff (helpdesk, admin) see every tenant's operations; a tenant only its own. The tenant id always
 * goes into the query's `where` (see operationWhere), so another tenant's operation is simply not found.
 */
export type OperationScope =
  { kind: "staff" } | { kind: "tenant"; tenantId: string; user?: { id: string; email: string } };

export const operationStates = [
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
] as const satisfies readonly OperationState[];
export const operationPeriods = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 } as const;
export type OperationPeriod = keyof typeof operationPeriods | "custom";

export type OperationFilter = {
  /** Tenant slug; honoured for staff only (a tenant scope is already one tenant). */
  tenant?: string;
  kind?: string;
  state?: OperationState;
  period?: OperationPeriod;
  /** With period "custom" (either end may be open). */
  from?: Date;
  to?: Date;
  /** Target name (contains, any case), or exactly an operation id or an ARM request id. */
  q?: string;
  /** One object's history (a VM's operations). */
  targetId?: string;
};

export type OperationPage = { skip: number; take: number };

function periodWhere(filter: OperationFilter, now = new Date()): Prisma.DateTimeFilter | undefined {
  if (!filter.period) return undefined;
  if (filter.period === "custom") {
    if (!filter.from && !filter.to) return undefined;
    return { gte: filter.from, lt: filter.to };
  }
  return { gte: new Date(now.getTime() - operationPeriods[filter.period] * 3_600_000) };
}

// A step's request id is looked up first through its index: as an EXISTS inside the OR it ran once per operation
// row (~350 ms at 100k operations instead of a few ms).
async function searchWhere(q: string | undefined): Promise<Prisma.OperationWhereInput | undefined> {
  q = q?.trim();
  if (!q) return undefined;
  const steps = await db.operationStep.findMany({ where: { requestId: q }, select: { operationId: true }, take: 100 });
  return {
    OR: [
      { targetName: { contains: q, mode: "insensitive" } },
      { id: { in: [q, ...steps.map((s) => s.operationId)] } },
      { errorRequestId: q },
    ],
  };
}

async function operationWhere(scope: OperationScope, filter: OperationFilter): Promise<Prisma.OperationWhereInput> {
  const where: Prisma.OperationWhereInput = {
    kind: filter.kind || undefined,
    state: filter.state || undefined,
    createdAt: periodWhere(filter),
    targetId: filter.targetId || undefined,
  };
  if (scope.kind === "tenant") where.tenantId = scope.tenantId;
  else if (filter.tenant) where.tenant = { slug: filter.tenant };
  const search = await searchWhere(filter.q);
  return search ? { AND: [where, search] } : where;
}

const listSelect = {
  id: true,
  kind: true,
  state: true,
  targetType: true,
  targetId: true,
  targetName: true,
  stepsTotal: true,
  stepsDone: true,
  percent: true,
  attempts: true,
  errorCode: true,
  createdAt: true,
  startedAt: true,
  endedAt: true,
  tenant: { select: { name: true, slug: true } },
  actor: { select: { name: true, email: true } },
} satisfies Prisma.OperationSelect;

export type OperationListItem = Prisma.OperationGetPayload<{ select: typeof listSelect }>;

/** One page of operations, newest first, and the total matching the filter. */
export async function listOperations(scope: OperationScope, filter: OperationFilter & OperationPage) {
  const where = await operationWhere(scope, filter);
  const [total, rows] = await Promise.all([
    db.operation.count({ where }),
    db.operation.findMany({
      where,
      select: listSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: filter.skip,
      take: filter.take,
    }),
  ]);
  return { total, rows };
}

/** Counts per state for the same filter without its state, so the counts bar shows what each state click would give. */
export async function countOperationsByState(scope: OperationScope, filter: Omit<OperationFilter, "state">) {
  const groups = await db.operation.groupBy({
    by: ["state"],
    where: await operationWhere(scope, filter),
    _count: { _all: true },
  });
  const counts = Object.fromEntries(operationStates.map((s) => [s, 0])) as Record<OperationState, number>;
  for (const g of groups) counts[g.state] = g._count._all;
  return counts;
}

/** The kinds that have run in this scope, for the kind filter. */
export async function listOperationKinds(scope: OperationScope) {
  const rows = await db.operation.groupBy({
    by: ["kind"],
    where: await operationWhere(scope, {}),
    orderBy: { kind: "asc" },
  });
  return rows.map((r) => r.kind);
}

/** Tenants for the staff console's tenant filter. */
export async function listTenantOptions(_ctx: StaffContext) {
  return db.tenant.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

const detailSelect = {
  ...listSelect,
  tenantId: true,
  errorMessage: true,
  errorRequestId: true,
  errorCorrelationId: true,
  errorDetail: true,
  heartbeatAt: true,
  cancelRequestedAt: true,
  cancelRequestedBy: true,
  steps: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      name: true,
      state: true,
      attempt: true,
      detail: true,
      percent: true,
      requestId: true,
      correlationId: true,
      errorCode: true,
      startedAt: true,
      endedAt: true,
    },
  },
} satisfies Prisma.OperationSelect;

export type OperationDetail = Omit<Prisma.OperationGetPayload<{ select: typeof detailSelect }>, "errorDetail"> & {
  /** Azure's raw error, secrets masked; staff only (null for tenants). */
  errorDetail: unknown;
};

/**
 * One operation with its steps in order. Error texts are redacted here, before any page sees them: ARM echoes
 * request bodies and URLs into errors, and those can carry passwords, SAS signatures or tokens.
 */
export async function getOperation(scope: OperationScope, id: string): Promise<OperationDetail> {
  const op = await db.operation.findFirst({
    where: { ...(await operationWhere(scope, {})), id },
    select: detailSelect,
  });
  if (!op) {
    // With the reader's user, the page can audit another tenant's operation id as denied (pageNotFound).
    if (scope.kind === "tenant" && scope.user)
      throw notFoundInTenant({ tenantId: scope.tenantId, user: scope.user }, "Operation", { type: "Operation", id });
    throw new NotFound("Operation");
  }
  return {
    ...op,
    errorMessage: op.errorMessage && redactText(op.errorMessage),
    errorDetail: scope.kind === "staff" && op.errorDetail != null ? redactDetail(op.errorDetail) : null,
    steps: op.steps.map((s) => ({ ...s, detail: s.detail && redactText(s.detail) })),
  };
}

// Beyond lib/azure's key rules: storage connection strings and keys that ARM repeats in error messages.
const EXTRA_SECRETS: [RegExp, string][] = [
  [/((?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)=)[^;&\s"]+/gi, "$1[redacted]"],
  [/("(?:\w*Key|\w*Secret|\w*Password|\w*Token|customData|protectedSettings)"\s*:\s*)"[^"]*"/gi, '$1"[redacted]"'],
];

/** Azure's error JSON with anything secret-looking masked. */
export function redactDetail(detail: unknown): unknown {
  const masked = redact(detail);
  const text = EXTRA_SECRETS.reduce((t, [re, to]) => t.replace(re, to), JSON.stringify(masked) ?? "null");
  return JSON.parse(text);
}

/** Audit events about this operation or its target, newest first (staff only: audit is provider-wide). */
export async function listRelatedAuditEvents(_ctx: StaffContext, operationId: string) {
  const op = await db.operation.findUnique({ where: { id: operationId }, select: { id: true, targetId: true } });
  if (!op) throw new NotFound("Operation");
  return db.auditEvent.findMany({
    where: { targetId: { in: [op.id, op.targetId] } },
    select: {
      id: true,
      at: true,
      actorEmail: true,
      action: true,
      outcome: true,
      targetType: true,
      targetName: true,
      ip: true,
    },
    orderBy: { at: "desc" },
    take: 50,
  });
}

export type OperationOutcome = "succeeded" | "failed" | "cancelled" | "inProgress";
export type OperationBucket = { start: Date } & Record<OperationOutcome, number>;

/**
 * Operations started per hour (24 h) or per day (7 d), split by outcome, oldest bucket first with empty buckets
 * filled in. Grouped in SQL so a busy week never loads its rows; buckets are UTC.
 */
export async function operationsPerHour(scope: OperationScope, { hours }: { hours: 24 | 168 }, now = new Date()) {
  const unit = hours === 24 ? "hour" : "day";
  const stepMs = unit === "hour" ? 3_600_000 : 86_400_000;
  const count = unit === "hour" ? 24 : 7;
  const last = Math.floor(now.getTime() / stepMs) * stepMs;
  const first = new Date(last - (count - 1) * stepMs);
  const tenantSql = scope.kind === "tenant" ? Prisma.sql`and "tenantId" = ${scope.tenantId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ bucket: Date; state: OperationState; n: number }[]>`
    select date_trunc(${unit}, "createdAt") as bucket, state::text as state, count(*)::int as n
    from "Operation"
    where "createdAt" >= ${first} ${tenantSql}
    group by 1, 2`;
  const buckets: OperationBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(first.getTime() + i * stepMs),
    succeeded: 0,
    failed: 0,
    cancelled: 0,
    inProgress: 0,
  }));
  for (const row of rows) {
    const i = Math.round((toUtc(row.bucket).getTime() - first.getTime()) / stepMs);
    const bucket = buckets[i];
    if (!bucket) continue;
    const outcome: OperationOutcome = row.state === "queued" || row.state === "running" ? "inProgress" : row.state;
    bucket[outcome] += row.n;
  }
  return buckets;
}

// "createdAt" is a timestamp without time zone holding UTC; the driver may read it as local time.
function toUtc(d: Date | string) {
  if (typeof d === "string") return new Date(d.endsWith("Z") ? d : `${d}Z`);
  return d;
}
