import { parseTableParams, readParam, type SearchParamsInput } from "@/components/data-table";
import type { StaffContext } from "@/lib/auth/context";
import type { OperationState } from "@/lib/db/client";
import { allOperationKinds } from "@/lib/operations/kinds";
import { loadOperationsConsoleOptions, loadOperationsConsolePage } from "@/lib/jobs/console";
import { operationStates, type OperationFilter, type OperationPeriod, type OperationScope } from "@/lib/jobs/queries";
import { AutoRefresh } from "./auto-refresh";
import { OperationsChart, type ChartRange } from "./operations-chart";
import { isActiveState } from "./operation-format";
import { OperationsTable, periodOptions } from "./operations-table";
import { StateCounts } from "./state-counts";

export type OperationsConsoleProps = {
  /** A staff context shows every tenant with a tenant filter; a tenant scope shows only that tenant. */
  access: { staff: StaffContext } | { tenantId: string };
  searchParams: SearchParamsInput;
  basePath: string;
};

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(value: string | undefined, addDays = 0) {
  if (!value || !isoDay.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime() + addDays * 86_400_000);
}

/** The operations list shared by the helpdesk console and a tenant's Operations page: counts, chart, table, live refresh. */
export async function OperationsConsole({ access, searchParams, basePath }: OperationsConsoleProps) {
  const scope: OperationScope = "staff" in access ? { kind: "staff" } : { kind: "tenant", tenantId: access.tenantId };
  const { ranKinds, tenants } = await loadOperationsConsoleOptions(scope, "staff" in access ? access.staff : undefined);
  // Staff filter by every kind of the catalogue (a kind that has not run yet included); a tenant by the kinds its own
  // operations have had, so provider kinds (vault registration, subscription validation) never show there.
  const kinds: string[] = "staff" in access ? allOperationKinds : ranKinds;
  const params = parseTableParams(searchParams, {
    sortable: ["createdAt"],
    defaultSort: "createdAt",
    defaultDir: "desc",
    filters: {
      kind: kinds,
      state: operationStates,
      period: periodOptions.map((p) => p.value),
      ...(tenants ? { tenant: tenants.map((t) => t.slug) } : {}),
    },
  });
  const filter: Omit<OperationFilter, "state"> = {
    q: params.q,
    kind: params.filters.kind,
    tenant: params.filters.tenant,
    period: params.filters.period as OperationPeriod | undefined,
    from: parseDay(readParam(searchParams, "from")),
    to: parseDay(readParam(searchParams, "to"), 1),
  };
  const state = params.filters.state as OperationState | undefined;
  const range: ChartRange = readParam(searchParams, "chart") === "7d" ? "7d" : "24h";
  const { list, counts, buckets } = await loadOperationsConsolePage(scope, {
    filter,
    state,
    page: { skip: params.skip, take: params.take, after: params.after, before: params.before },
    chartHours: range === "24h" ? 24 : 168,
  });
  const rows = list.rows;
  const search = new URLSearchParams(
    Object.entries(searchParams instanceof URLSearchParams ? Object.fromEntries(searchParams) : searchParams).flatMap(
      ([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0] : v]]),
    ),
  );
  const isLive = rows.some((r) => isActiveState(r.state));
  return (
    <div className="space-y-6">
      <AutoRefresh isLive={isLive} />
      <StateCounts counts={counts} active={state} basePath={basePath} search={search.toString()} />
      <OperationsChart buckets={buckets} range={range} />
      <OperationsTable
        rows={rows}
        total={list.total}
        keyset={{ nextCursor: list.nextCursor, prevCursor: list.prevCursor, totalIsEstimate: list.totalIsEstimate }}
        page={params.page}
        pageSize={params.pageSize}
        basePath={basePath}
        kinds={kinds}
        tenants={tenants}
        isEmptyScope={ranKinds.length === 0}
        now={new Date()}
      />
    </div>
  );
}
