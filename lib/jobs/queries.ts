import { db, Prisma, type OperationState } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/context";
import { NotFound, notFoundInTenant } from "@/lib/errors";
import { redact, redactText } from "@/lib/azure/redact";
import { countRows, countRowsByGroup, type CountFigure } from "@/lib/db/count";
import { keysetPage, narrowPageWithCounts, type PageRequest } from "@/lib/db/keyset";

/**
 * Who is reading. Staff (helpdesk, admin) see every tenant's operations; a tenant only its own. The tenant id always
 * goes into every query's `where` (see operationWhere), so another tenant's operation is simply not found.
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

/**
 * A page: `after` / `before` (a cursor from the previous page's nextCursor / prevCursor) read by keyset, so page 5,000
 * costs what page 1 does; `skip` (an offset) is kept for short lists and the API's older tokens.
 */
export type OperationPage = PageRequest;

function periodWhere(filter: OperationFilter, now = new Date()): { gte?: Date; lt?: Date } | undefined {
  if (!filter.period) return undefined;
  if (filter.period === "custom") {
    if (!filter.from && !filter.to) return undefined;
    return { gte: filter.from, lt: filter.to };
  }
  return { gte: new Date(now.getTime() - operationPeriods[filter.period] * 3_600_000) };
}

// A step's request id is looked up first through its index: as an EXISTS inside the OR it ran once per operation
// row (~350 ms at 100k operations instead of a few ms).
async function searchSql(q: string | undefined): Promise<Prisma.Sql | undefined> {
  q = q?.trim();
  if (!q) return undefined;
  const steps = await db.operationStep.findMany({ where: { requestId: q }, select: { operationId: true }, take: 100 });
  const pattern = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
  // "targetName" ILIKE is served by the trigram index; the ids and request id by their own indexes.
  return Prisma.sql`("targetName" ilike ${pattern} or id = any(${[q, ...steps.map((s) => s.operationId)]}::text[]) or "errorRequestId" = ${q})`;
}

/**
 * The filter as SQL over "Operation": the one place it is written, used by the list, the counts and the estimate. The
 * tenant id always goes into it for a tenant scope, so another tenant's operation is simply not found.
 */
async function operationWhere(scope: OperationScope, filter: OperationFilter): Promise<Prisma.Sql> {
  const parts: Prisma.Sql[] = [];
  if (filter.kind) parts.push(Prisma.sql`kind = ${filter.kind}`);
  if (filter.state) parts.push(Prisma.sql`state = ${filter.state}::"OperationState"`);
  const period = periodWhere(filter);
  if (period?.gte) parts.push(Prisma.sql`"createdAt" >= ${period.gte}`);
  if (period?.lt) parts.push(Prisma.sql`"createdAt" < ${period.lt}`);
  if (filter.targetId) parts.push(Prisma.sql`"targetId" = ${filter.targetId}`);
  if (scope.kind === "tenant") parts.push(Prisma.sql`"tenantId" = ${scope.tenantId}`);
  else if (filter.tenant) parts.push(Prisma.sql`"tenantId" = (select id from "Tenant" where slug = ${filter.tenant})`);
  const search = await searchSql(filter.q);
  if (search) parts.push(search);
  return parts.length ? Prisma.join(parts, " and ") : Prisma.sql`true`;
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

/**
 * One page of operations, newest first (createdAt, then id, so rows created in the same millisecond keep one order),
 * the total matching the filter (exact up to COUNT_EXACT_LIMIT, estimated above: `total.estimated`), and the cursors
 * of the next and previous pages (null at either end).
 */
export async function listOperations(
  scope: OperationScope,
  filter: OperationFilter & OperationPage,
  opts: { count?: boolean } = {},
) {
  const where = await operationWhere(scope, filter);
  const [count, page] = await Promise.all([
    // The console has the counts per state already and passes count: false (its total is their sum).
    opts.count === false ? { value: 0, estimated: false } : countRows(`"Operation"`, where),
    keysetPage<OperationListItem>({
      table: `"Operation"`,
      sortColumn: `"createdAt"`,
      where,
      page: filter,
      load: (ids) => db.operation.findMany({ where: { id: { in: ids } }, select: listSelect }),
      sortValue: (row) => row.createdAt,
    }),
  ]);
  return { total: count.value, totalIsEstimate: count.estimated, ...page };
}

/**
 * Counts per state for the same filter without its state, so the counts bar shows what each state click would give.
 * Each is exact up to COUNT_EXACT_LIMIT and the planner's estimate above (`estimated`).
 */
export async function countOperationsByState(scope: OperationScope, filter: Omit<OperationFilter, "state">) {
  const where = await operationWhere(scope, filter);
  return countRowsByGroup(
    `"Operation"`,
    where,
    "state",
    operationStates.map((state) => ({ key: state, where: Prisma.sql`state = ${state}::"OperationState"` })),
  );
}

/**
 * A narrow filter's page and counts per state from one read of its matches (narrowPageWithCounts): a search's trigram
 * scan runs once, not once for the list and again for the counts. Undefined when more than COUNT_EXACT_LIMIT match.
 */
export async function listAndCountNarrow(
  scope: OperationScope,
  filter: Omit<OperationFilter, "state">,
  state: OperationState | undefined,
  page: OperationPage,
) {
  const found = await narrowPageWithCounts<OperationListItem>({
    table: `"Operation"`,
    sortColumn: `"createdAt"`,
    where: await operationWhere(scope, filter),
    groupColumn: "state",
    pageWhere: state ? Prisma.sql`g = ${state}` : Prisma.sql`true`,
    page,
    load: (ids) => db.operation.findMany({ where: { id: { in: ids } }, select: listSelect }),
    sortValue: (row) => row.createdAt,
  });
  if (!found) return undefined;
  const counts = Object.fromEntries(
    operationStates.map((s) => [s, { value: found.counts.get(s) ?? 0, estimated: false }]),
  ) as Record<OperationState, CountFigure>;
  return { page: found.page, counts };
}

/** The kinds that have run in this scope, for the kind filter. */
export async function listOperationKinds(scope: OperationScope) {
  // A skip scan: one index probe per distinct kind ((kind, createdAt) for staff, (tenantId, kind) for a tenant), where
  // a GROUP BY would read every operation.
  const inScope = scope.kind === "tenant" ? Prisma.sql`"tenantId" = ${scope.tenantId}` : Prisma.sql`true`;
  const rows = await db.$queryRaw<{ kind: string }[]>`
    with recursive k as (
      (select kind from "Operation" where ${inScope} order by kind limit 1)
      union all
      select (select o.kind from "Operation" o where ${inScope} and o.kind > k.kind order by o.kind limit 1) from k
      where k.kind is not null
    )
    select kind from k where kind is not null`;
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
    where: { id, ...(scope.kind === "tenant" ? { tenantId: scope.tenantId } : {}) },
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
