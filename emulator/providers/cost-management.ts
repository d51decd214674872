import { defineProvider, ok, type RequestContext } from "../core/plugin.js";
import { ArmError } from "../core/errors.js";
import { newGuid } from "../core/ids.js";
import { apiVersionsFor } from "../specs/api-versions.js";
import { attachLedger } from "./billing/ledger.js";
import {
  costColumns,
  GROUPABLE_DIMENSIONS,
  runCostQuery,
  type CostFilter,
  type Grouping,
} from "./billing/cost-query.js";
import { CURRENCIES } from "./billing/prices.js";
import { settingsRoutes } from "./billing/tag-inheritance.js";
import { registerScope, type ScopeRegistration } from "./billing/scopes.js";
import { subscriptionsForQuery } from "./billing/scope-access.js";

/**
 * Microsoft.CostManagement query (POST {scope}/providers/Microsoft.CostManagement/query, operationId Query_Usage) at
 * subscription and resource group scope, and at the billing scopes and management groups registered with
 * POST /_emulator/billing/scopes (billing/scopes.ts; who may ask there: billing/scope-access.ts), where it sums every
 * subscription under the scope with the same rules: type ActualCost | AmortizedCost | Usage, timeframe Custom (timePeriod) or
 * MonthToDate / TheLastMonth, granularity Daily | None, one Sum aggregation (PreTaxCost when none is given), up to two
 * groupings (TagKey or a dimension), a filter (and / or / dimensions / tags with operator In). Costs come from the emulator's billing ledger (billing/ledger.ts) priced by the Retail Prices snapshot,
 * in the billing currency (USD unless set with POST /_emulator/billing/currency). Periods are whole UTC days, both
 * ends inclusive. Reservations and savings plans do not exist here, so AmortizedCost equals ActualCost. The tag
 * inheritance setting (billing/tag-inheritance.ts) applies resource group tags to the records when it is on.
 */
const API_VERSIONS = apiVersionsFor("costManagement");
const DAY = 86_400_000;
const MAX_DAYS = 366;
// Azure's exact codes and wording for a refused query definition were not found; BadRequest is what the SDKs surface.
const bad = (message: string) => new ArmError(400, "BadRequest", `Invalid query definition: ${message}`);

type State = { currency: string };
const billingState = (ctx: { store: RequestContext["store"] }) =>
  ctx.store.ext<State>("billing-account", () => ({ currency: "USD" }));

const startOfDay = (ms: number) => Math.floor(ms / DAY) * DAY;

function period(ctx: RequestContext): { fromMs: number; toMs: number } {
  const now = ctx.clock.now();
  const timeframe = String(ctx.body.timeframe ?? "");
  const month = new Date(now);
  const monthStart = Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1);
  switch (timeframe) {
    case "Custom": {
      const from = Date.parse(String(ctx.body.timePeriod?.from ?? ""));
      const to = Date.parse(String(ctx.body.timePeriod?.to ?? ""));
      if (Number.isNaN(from) || Number.isNaN(to))
        throw bad("timePeriod with from and to is required for timeframe Custom.");
      const fromMs = startOfDay(from);
      const toMs = startOfDay(to) + DAY;
      if (toMs <= fromMs) throw bad("timePeriod.from must not be after timePeriod.to.");
      if ((toMs - fromMs) / DAY > MAX_DAYS) throw bad(`the time period cannot exceed ${MAX_DAYS} days.`);
      return { fromMs, toMs };
    }
    case "MonthToDate":
    case "BillingMonthToDate":
      return { fromMs: monthStart, toMs: startOfDay(now) + DAY };
    case "TheLastMonth":
    case "TheLastBillingMonth":
      return { fromMs: Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - 1, 1), toMs: monthStart };
    default:
      throw bad(`timeframe '${timeframe}' is not supported; use Custom, MonthToDate or TheLastMonth.`);
  }
}

/** The filter's shape beyond its JSON types (already read against the spec): and/or of two or more, one comparison. */
function checkFilter(f: CostFilter, path: string): void {
  const parts = (["and", "or", "dimensions", "tags"] as const).filter((k) => f[k] !== undefined);
  if (parts.length !== 1) throw bad(`${path} needs exactly one of and, or, dimensions, tags.`);
  const [part] = parts;
  if (part === "and" || part === "or") {
    const list = f[part]!;
    if (list.length < 2) throw bad(`${path}.${part} needs at least 2 expressions.`);
    list.forEach((x, i) => checkFilter(x, `${path}.${part}[${i}]`));
    return;
  }
  const c = f[part]!;
  if (c.operator !== "In") throw bad(`${path}.${part}.operator '${c.operator}' is not supported; use In.`);
  if (!c.values.length) throw bad(`${path}.${part}.values needs at least one value.`);
  if (part === "dimensions" && !GROUPABLE_DIMENSIONS.some((d) => d.toLowerCase() === c.name.toLowerCase()))
    throw bad(`${path}.dimensions.name '${c.name}' is not one of ${GROUPABLE_DIMENSIONS.join(", ")}.`);
}

const QUERY_SUFFIX = /\/providers\/Microsoft\.CostManagement\/query\/?$/i;

/** The scope's id as the caller wrote it and its subscriptions (ARM checked the caller's role at a subscription). */
function scopeOf(ctx: RequestContext): { id: string; subscriptionIds: string[] } {
  const { subscriptionId, resourceGroupName } = ctx.params;
  if (subscriptionId) {
    const sub = `/subscriptions/${subscriptionId}`;
    return {
      id: resourceGroupName ? `${sub}/resourceGroups/${resourceGroupName}` : sub,
      subscriptionIds: [subscriptionId],
    };
  }
  const id = ctx.path.replace(QUERY_SUFFIX, "");
  return { id, subscriptionIds: subscriptionsForQuery(ctx.store, ctx.principal, id, ctx.path) };
}

function query(ctx: RequestContext) {
  const type = String(ctx.body.type ?? "");
  if (!["ActualCost", "AmortizedCost", "Usage"].includes(type))
    throw bad(`type '${type}' is not one of ActualCost, AmortizedCost, Usage.`);
  const dataset = ctx.body.dataset ?? {};
  const granularity = String(dataset.granularity ?? "None");
  if (!["Daily", "None"].includes(granularity)) throw bad(`granularity '${granularity}' is not one of Daily, None.`);
  // Without an aggregation Azure sums the pre-tax cost (SPECS cost-management examples SubscriptionQuery.json).
  const aggregations = Object.values(dataset.aggregation ?? { totalCost: { name: "PreTaxCost", function: "Sum" } }) as {
    name?: string;
    function?: string;
  }[];
  if (aggregations.length !== 1 || aggregations[0].function !== "Sum" || !aggregations[0].name)
    throw bad("dataset.aggregation needs exactly one entry with a name and function Sum.");
  if (dataset.filter !== undefined) checkFilter(dataset.filter as CostFilter, "dataset.filter");
  const grouping = (dataset.grouping ?? []) as Grouping[];
  if (!Array.isArray(grouping) || grouping.length > 2) throw bad("dataset.grouping takes at most 2 entries.");
  for (const g of grouping) {
    if (g.type === "TagKey" && g.name) continue;
    if (g.type === "Dimension" && GROUPABLE_DIMENSIONS.some((d) => d.toLowerCase() === String(g.name).toLowerCase()))
      continue;
    throw bad(
      `grouping ${JSON.stringify(g)} is not supported; use TagKey or one of the dimensions ${GROUPABLE_DIMENSIONS.join(", ")}.`,
    );
  }
  const scope = scopeOf(ctx);
  const q = {
    scope: { subscriptionIds: scope.subscriptionIds, resourceGroup: ctx.params.resourceGroupName },
    ...period(ctx),
    daily: granularity === "Daily",
    costColumn: aggregations[0].name,
    grouping,
    filter: dataset.filter as CostFilter | undefined,
    currency: billingState(ctx).currency,
    nowMs: ctx.clock.now(),
  };
  const page = ctx.page(runCostQuery(ctx.store, q));
  const name = newGuid();
  return ok({
    id: `${scope.id}/providers/Microsoft.CostManagement/query/${name}`,
    name,
    type: "Microsoft.CostManagement/query",
    location: null,
    sku: null,
    eTag: null,
    properties: { nextLink: page.nextLink ?? null, columns: costColumns(q), rows: page.value },
  });
}

const route = (path: string) => ({
  method: "POST" as const,
  path,
  apiVersions: API_VERSIONS,
  operation: "read" as const,
  action: "Microsoft.CostManagement/query/action",
  resourceType: "Microsoft.CostManagement/query",
  requiresRegistration: false,
  handler: query,
});

const ACCOUNT = "/providers/Microsoft.Billing/billingAccounts/{billingAccountId}";
/** The scopes costmanagement.json's `scope` parameter lists, each its own route (the router matches one segment per name). */
const SCOPES = [
  "/subscriptions/{subscriptionId}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}",
  ACCOUNT,
  `${ACCOUNT}/departments/{departmentId}`,
  `${ACCOUNT}/enrollmentAccounts/{enrollmentAccountId}`,
  `${ACCOUNT}/billingProfiles/{billingProfileId}`,
  `${ACCOUNT}/billingProfiles/{billingProfileId}/invoiceSections/{invoiceSectionId}`,
  `${ACCOUNT}/customers/{customerId}`,
  "/providers/Microsoft.Management/managementGroups/{managementGroupId}",
];

export default defineProvider({
  name: "cost-management",
  attach: attachLedger,
  routes: [...SCOPES.map((scope) => route(`${scope}/providers/Microsoft.CostManagement/query`)), ...settingsRoutes],
  control: [
    {
      method: "POST",
      path: "billing/currency",
      handler: ({ store }, body) => {
        const currency = String(body.currency ?? "").toUpperCase();
        if (!CURRENCIES().includes(currency))
          throw new ArmError(400, "InvalidControlRequest", `currency must be one of ${CURRENCIES().join(", ")}.`);
        billingState({ store }).currency = currency;
        store.markDirty();
        return ok({ currency });
      },
    },
    {
      method: "POST",
      path: "billing/scopes",
      handler: ({ store }, body) => ok(registerScope(store, body as ScopeRegistration)),
    },
  ],
});
