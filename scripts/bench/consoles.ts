/**
 * Consoles at scale (issue 18 point 3): the helpdesk console, a tenant's operations list, the audit log and the admin
 * dashboard with 1,000,000 operations (each with its steps), 1,000 tenants, 20,000 VMs and as many audit events as
 * operations in the database. Rows are inserted set-based (generate_series: a read benchmark needs data, not the
 * Azure work behind it), then each page's data is timed through the same service functions the pages call.
 * Spread: 40 kinds skewed towards VM power actions and creates, 88 % succeeded, 7 % failed, 4 % cancelled, a few
 * hundred queued or running in the last hour; 5 % provider operations (no tenant); created over the last 180 days.
 */
import { db } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/context";
import { auditActionNames } from "@/lib/audit/labels";
import { listAuditActions, listAuditEvents } from "@/lib/audit/queries";
import { getProviderDashboard } from "@/lib/dashboard/queries";
import { loadOperationsConsoleOptions, loadOperationsConsolePage } from "@/lib/jobs/console";
import type { OperationScope } from "@/lib/jobs/queries";
import { allOperationKinds, kinds as operationKind } from "@/lib/operations/kinds";
import type { Row } from "./report.ts";

export type ConsolesScale = { operations: number; tenants: number; vmsEach: number; auditEvents: number };
export type ConsoleTiming = { name: string; p50Ms: number; p95Ms: number; target?: number; detail?: string };
export type ConsolesResult = { scale: ConsolesScale; seedSeconds: number; runs: number; timings: ConsoleTiming[] };

const PREFIX = "cb-";
const staff: StaffContext = {
  user: { id: "bench", email: "helpdesk@bench.test", name: "Bench", staffRole: "admin" },
  staffRole: "admin",
};

/** Ten of the audit log's actions, the first (signing in) the most frequent. */
const AUDIT_ACTIONS = auditActionNames.slice(0, 10);

export async function seedConsoles(scale: ConsolesScale) {
  // Busiest first: the skew below picks early kinds more often.
  const { vm, subscription } = operationKind;
  const busy: string[] = [vm.start, vm.stop, vm.restart, vm.create, vm.delete, vm.resize, subscription.sync];
  const kinds = [...busy, ...allOperationKinds.filter((k) => !busy.includes(k))];
  const days = 180;
  await db.$executeRaw`
    INSERT INTO "AzureSubscription" (id, "subscriptionId", "displayName", cloud, "directoryId", "clientId",
      "clientSecretEnc", state, "updatedAt")
    VALUES ('cb-sub', '00000000-0000-4000-8000-0000000000cb', 'Bench consoles', 'AzureCloud', 'dir', 'client', 'x',
      'active', now())`;
  await db.$executeRaw`
    INSERT INTO "Plan" (id, name, "azureSubscriptionId", "quotaVms", "quotaVcpus", "quotaPublicIps",
      "quotaLoadBalancers", "quotaProtectedVms", "updatedAt")
    VALUES ('cb-plan', 'Bench consoles', 'cb-sub', 100, 400, 20, 5, 0, now())`;
  await db.$executeRaw`
    INSERT INTO "Tenant" (id, slug, name, state, "createdAt", "updatedAt")
    SELECT ${PREFIX} || t, ${PREFIX} || t, 'Bench tenant ' || lpad(t::text, 4, '0'),
           (CASE WHEN t % 50 = 0 THEN 'suspended' ELSE 'active' END)::"TenantState", now(), now()
    FROM generate_series(1, ${scale.tenants}::int) t`;
  await db.$executeRaw`
    INSERT INTO "TenantSubscription" (id, "tenantId", "planId", name, "resourceGroup", "updatedAt")
    SELECT ${PREFIX} || t, ${PREFIX} || t, 'cb-plan', 'Main', 'portal-cb-' || t, now()
    FROM generate_series(1, ${scale.tenants}::int) t`;
  await db.$executeRaw`
    INSERT INTO "VirtualMachine" (id, "tenantId", "tenantSubscriptionId", name, region, size, vcpus, "memoryMb", "osType",
      "imagePublisher", "imageOffer", "imageSku", "imageVersion", "adminUsername", "networkName", "subnetName",
      "provisioningState", "powerState", "createdAt", "updatedAt")
    SELECT 'cb-vm-' || t || '-' || v, ${PREFIX} || t, ${PREFIX} || t, 'vm-' || v,
           CASE WHEN v % 3 = 0 THEN 'westus' ELSE 'eastus' END, 'Standard_D2s_v3', 2, 8192, 'Linux',
           'Canonical', 'ubuntu-24_04-lts', 'server', 'latest', 'azureops', 'vnet', 'default',
           CASE WHEN v % 20 = 0 THEN 'Failed' ELSE 'Succeeded' END,
           CASE WHEN v % 20 = 0 THEN NULL WHEN v % 5 = 0 THEN 'deallocated' ELSE 'running' END,
           now() - (v || ' days')::interval, now()
    FROM generate_series(1, ${scale.tenants}::int) t, generate_series(1, ${scale.vmsEach}::int) v`;
  // The big tables are filled with their secondary indexes dropped and then rebuilt: a build sorts once, where a
  // million inserts each update every index (the trigram index most of all).
  await withoutSecondaryIndexes(["Operation", "OperationStep", "AuditEvent"], () => fillBigTables(scale, kinds, days));
  // Settled, as autovacuum leaves a live database (visibility map for index-only scans, current statistics).
  for (const table of ["Tenant", "TenantSubscription", "VirtualMachine", "Operation", "OperationStep", "AuditEvent"])
    await db.$executeRawUnsafe(`VACUUM (ANALYZE) "${table}"`);
}

async function withoutSecondaryIndexes(tables: string[], fill: () => Promise<void>) {
  // Primary keys and unique indexes stay (foreign keys and the one-active-operation rule need them).
  const indexes = await db.$queryRaw<{ name: string; definition: string }[]>`
    select i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relname = any(${tables}::text[]) and not x.indisunique and not x.indisprimary`;
  for (const index of indexes) await db.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  try {
    await fill();
  } finally {
    for (const index of indexes) await db.$executeRawUnsafe(index.definition);
  }
}

async function fillBigTables(scale: ConsolesScale, kinds: string[], days: number) {
  // i → tenant (1 in 20 a provider operation), kind (skewed), state, age; deterministic so runs compare.
  await db.$executeRaw`
    INSERT INTO "Operation" (id, kind, "tenantId", "targetType", "targetId", "targetName", state, attempts,
      "stepsTotal", "stepsDone", "errorCode", "errorMessage", "errorRequestId", "createdAt", "startedAt", "endedAt")
    SELECT 'cb-op-' || i, k.kind,
           CASE WHEN i % 20 = 0 THEN NULL ELSE ${PREFIX} || (1 + i % ${scale.tenants}::int) END,
           'VirtualMachine',
           -- At most one queued or running operation of a kind per target (Operation_active_target_kind).
           CASE WHEN s.state IN ('queued', 'running') THEN 'cb-vm-busy-' || i
                ELSE 'cb-vm-' || (1 + i % ${scale.tenants}::int) || '-' || (1 + i % ${scale.vmsEach}::int) END,
           (ARRAY['web', 'db', 'app', 'cache', 'build'])[1 + i % 5] || '-' || lpad((i % 97)::text, 2, '0'),
           s.state::"OperationState", 1, 3, CASE WHEN s.state = 'succeeded' THEN 3 ELSE 1 END,
           CASE WHEN s.state = 'failed' THEN 'QuotaExceeded' END,
           CASE WHEN s.state = 'failed' THEN 'Operation could not be completed as it results in exceeding quota.' END,
           CASE WHEN s.state = 'failed' THEN md5('req' || i) END,
           c.at, c.at + interval '2 seconds', CASE WHEN s.state IN ('queued', 'running') THEN NULL ELSE c.at + interval '3 minutes' END
    FROM generate_series(1, ${scale.operations}::int) i
    CROSS JOIN LATERAL (SELECT ${kinds}::text[] AS ks) a
    CROSS JOIN LATERAL (SELECT a.ks[1 + floor(power(((i::bigint * 7919) % 1000) / 1000.0, 2.5) * array_length(a.ks, 1))::int] AS kind) k
    CROSS JOIN LATERAL (SELECT CASE WHEN i % 5000 = 0 THEN 'running' WHEN i % 5000 = 1 THEN 'queued'
                                    WHEN i % 100 < 7 THEN 'failed' WHEN i % 100 < 11 THEN 'cancelled'
                                    ELSE 'succeeded' END AS state) s
    CROSS JOIN LATERAL (SELECT CASE WHEN s.state IN ('queued', 'running') THEN now() - ((i % 50) || ' minutes')::interval
                                    ELSE now() - ((i::float8 / ${scale.operations}::int) * ${days}::int || ' days')::interval END AS at) c`;
  // Three steps each, as the VM create shows them, with ARM request ids (searchable).
  await db.$executeRaw`
    INSERT INTO "OperationStep" (id, "operationId", position, name, state, attempt, "requestId", "startedAt", "endedAt")
    SELECT o.id || '-' || p, o.id, p, (ARRAY['Create network interface', 'Create virtual machine', 'Wait for provisioning'])[p + 1],
           (CASE WHEN p < o."stepsDone" THEN 'succeeded' WHEN p = o."stepsDone" AND o.state = 'failed' THEN 'failed'
                 WHEN p = o."stepsDone" AND o.state = 'running' THEN 'running' ELSE 'pending' END)::"StepState",
           1, md5(o.id || p), o."startedAt", o."endedAt"
    FROM "Operation" o, generate_series(0, 2) p WHERE o.id LIKE 'cb-op-%'`;
  await db.$executeRaw`
    INSERT INTO "AuditEvent" (id, at, "actorEmail", action, outcome, "targetType", "targetId", "targetName", "tenantId", ip)
    SELECT 'cb-au-' || i, now() - ((i::float8 / ${scale.auditEvents}::int) * ${days}::int || ' days')::interval,
           'user' || (i % 3000) || '@tenant' || (1 + i % ${scale.tenants}::int) || '.test',
           (${AUDIT_ACTIONS}::text[])[1 + floor(power(((i::bigint * 7919) % 1000) / 1000.0, 2) * ${AUDIT_ACTIONS.length}::int)::int],
           CASE WHEN i % 50 = 0 THEN 'denied' WHEN i % 30 = 0 THEN 'failure' ELSE 'success' END,
           'VirtualMachine', 'cb-vm-' || (1 + i % ${scale.tenants}::int) || '-1', 'vm-1', ${PREFIX} || (1 + i % ${scale.tenants}::int),
           '10.' || (i % 250) || '.' || (i % 200) || '.' || (i % 7)
    FROM generate_series(1, ${scale.auditEvents}::int) i`;
}

async function time(fn: () => Promise<unknown>) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

export async function benchConsoles(opts: {
  scale: ConsolesScale;
  runs: number;
  log: (m: string) => void;
}): Promise<ConsolesResult> {
  const started = Date.now();
  await seedConsoles(opts.scale);
  const seedSeconds = (Date.now() - started) / 1000;
  opts.log(`  seeded in ${seedSeconds.toFixed(1)} s`);
  return { scale: opts.scale, seedSeconds, runs: opts.runs, timings: await measureConsoles(opts) };
}

/** The timings alone, on a database seeded by seedConsoles. */
export async function measureConsoles(opts: { runs: number; log: (m: string) => void }): Promise<ConsoleTiming[]> {
  const staffScope: OperationScope = { kind: "staff" };
  const tenantScope: OperationScope = { kind: "tenant", tenantId: `${PREFIX}7` };
  const take = 20;
  // What the console page awaits: its filter options, then the page (list, counts per state, the 24 h chart).
  const consolePage = async (scope: OperationScope, filter: object, state?: "failed") => {
    await loadOperationsConsoleOptions(scope, scope.kind === "staff" ? staff : undefined);
    return loadOperationsConsolePage(scope, { filter, state, page: { take }, chartHours: 24 });
  };
  const deepCursor = await (async () => {
    // Page 50 of the console, reached by following next 49 times: the keyset's cost must not grow with the page.
    let cursor: string | undefined;
    for (let i = 0; i < 49; i++) {
      const page = await loadOperationsConsolePage(staffScope, {
        filter: {},
        page: { take, after: cursor },
        chartHours: 24,
      });
      cursor = page.list.nextCursor ?? undefined;
    }
    return cursor;
  })();
  const cases: { name: string; target?: number; run: () => Promise<unknown> }[] = [
    { name: "Helpdesk console, first page", target: 150, run: () => consolePage(staffScope, {}) },
    {
      name: "Helpdesk console, filtered (failed + vm.create + 'web-1')",
      target: 150,
      run: () => consolePage(staffScope, { kind: operationKind.vm.create, q: "web-1" }, "failed"),
    },
    {
      name: "Helpdesk console, page 50 (by cursor)",
      target: 150,
      run: () =>
        loadOperationsConsolePage(staffScope, { filter: {}, page: { take, after: deepCursor }, chartHours: 24 }),
    },
    { name: "Tenant operations list, first page", target: 150, run: () => consolePage(tenantScope, {}) },
    {
      name: "Audit log, first page",
      target: 150,
      run: async () => {
        await listAuditActions();
        await listAuditEvents(staff, { skip: 0, take });
      },
    },
    { name: "Admin dashboard", target: 300, run: () => getProviderDashboard(staff) },
  ];
  for (let i = 0; i < 3; i++) for (const c of cases) await c.run();
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < opts.runs; r++) for (const [i, c] of cases.entries()) samples[i].push(await time(c.run));
  const timings = cases.map((c, i) => ({
    name: c.name,
    target: c.target,
    p50Ms: pct(samples[i], 0.5),
    p95Ms: pct(samples[i], 0.95),
  }));
  const first = await consolePage(staffScope, {});
  opts.log(
    `  console total shown: ${first.list.total}${first.list.totalIsEstimate ? " (estimated)" : ""}; counts ${JSON.stringify(first.counts)}`,
  );
  return timings;
}

export function consolesRows(r: ConsolesResult): Row[] {
  const s = r.scale;
  return [
    {
      figure: `Consoles: seeded ${s.operations.toLocaleString("en-US")} operations (×3 steps), ${s.tenants} tenants, ${(s.tenants * s.vmsEach).toLocaleString("en-US")} VMs`,
      value: `${r.seedSeconds.toFixed(1)} s`,
      target: "",
      pass: null,
    },
    ...r.timings.map((t) => ({
      figure: `${t.name} (p95)`,
      value: `${t.p95Ms.toFixed(1)} ms`,
      target: t.target ? `< ${t.target} ms` : "",
      pass: t.target ? t.p95Ms < t.target : null,
    })),
  ];
}
