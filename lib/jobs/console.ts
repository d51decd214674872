import type { StaffContext } from "@/lib/auth/context";
import type { OperationState } from "@/lib/db/client";
import {
  countOperationsByState,
  listAndCountNarrow,
  listOperationKinds,
  listOperations,
  listTenantOptions,
  operationsPerHour,
  type OperationFilter,
  type OperationPage,
  type OperationScope,
} from "./queries";

/**
 * Everything the operations console (helpdesk, admin, a tenant's Operations page) reads, in the two rounds the page
 * makes: the filter options first (they decide which filter values in the URL are honoured), then the page itself.
 * The bench (scripts/bench/consoles.ts) times these same two calls.
 */
export async function loadOperationsConsoleOptions(scope: OperationScope, staff?: StaffContext) {
  const [ranKinds, tenants] = await Promise.all([
    listOperationKinds(scope),
    staff ? listTenantOptions(staff) : Promise.resolve(undefined),
  ]);
  return { ranKinds, tenants };
}

export async function loadOperationsConsolePage(
  scope: OperationScope,
  input: { filter: Omit<OperationFilter, "state">; state?: OperationState; page: OperationPage; chartHours: 24 | 168 },
) {
  // A search reads its matches once for the list and the counts; a broad view pages and counts through the indexes.
  const [narrow, buckets] = await Promise.all([
    input.filter.q ? listAndCountNarrow(scope, input.filter, input.state, input.page) : undefined,
    operationsPerHour(scope, { hours: input.chartHours }),
  ]);
  const [page, counts] = narrow
    ? [narrow.page, narrow.counts]
    : await Promise.all([
        listOperations(scope, { ...input.filter, state: input.state, ...input.page }, { count: false }),
        countOperationsByState(scope, input.filter),
      ]);
  // The list's total is the counts bar's figure for the state shown (or all of them): counted once, not twice.
  const shown = input.state ? [counts[input.state]] : Object.values(counts);
  const total = shown.reduce((n, c) => n + c.value, 0);
  const list = { ...page, total, totalIsEstimate: shown.some((c) => c.estimated) };
  return { list, counts, buckets };
}
