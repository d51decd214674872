import { armCall } from "./errors";
import { orNull } from "./not-found";
import { armClientsFor } from "./clients";
import type { AzureAccess } from "./types";

/**
 * Azure Cost Management's query API (Query_Usage, Microsoft.CostManagement 2025-03-01), which no installed SDK
 * covers (@azure/arm-costmanagement is not a dependency): a POST through the subscription's ARM pipeline, following
 * nextLink (POSTed again with the same body, as Azure expects).
 */
const COST_API = "2025-03-01";

export type DailyCost = { day: string; tagValue: string; amount: number; currency: string };

type QueryResult = { properties?: { nextLink?: string | null; columns?: { name: string }[]; rows?: unknown[][] } };

/** Actual cost per UTC day and value of `tagKey` over whole days `from`..`to` (YYYY-MM-DD, inclusive). */
export function queryDailyCostByTag(
  access: AzureAccess,
  period: { from: string; to: string },
  tagKey: string,
): Promise<DailyCost[]> {
  const { rest, subscriptionId } = armClientsFor(access);
  const body = {
    type: "ActualCost",
    timeframe: "Custom",
    timePeriod: { from: `${period.from}T00:00:00Z`, to: `${period.to}T23:59:59Z` },
    dataset: {
      granularity: "Daily",
      aggregation: { totalCost: { name: "Cost", function: "Sum" } },
      grouping: [{ type: "TagKey", name: tagKey }],
    },
  };
  return armCall(async () => {
    const out: DailyCost[] = [];
    let page = await rest.post<QueryResult>(
      `/subscriptions/${subscriptionId}/providers/Microsoft.CostManagement/query`,
      COST_API,
      body,
    );
    for (;;) {
      out.push(...mapCostRows(page));
      const next = page.properties?.nextLink;
      if (!next) return out;
      page = await rest.post<QueryResult>(next, null, body);
    }
  });
}

/** Rows by column name (Azure orders columns as asked, but names them; UsageDate is a yyyymmdd number). */
export function mapCostRows(result: QueryResult): DailyCost[] {
  const columns = (result.properties?.columns ?? []).map((c) => c.name.toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  const cost = at("cost") >= 0 ? at("cost") : at("pretaxcost");
  const [date, value, currency] = [at("usagedate"), at("tagvalue"), at("currency")];
  return (result.properties?.rows ?? []).map((row) => {
    const d = String(row[date]);
    return {
      day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
      tagValue: value >= 0 ? String(row[value] ?? "") : "",
      amount: Number(row[cost]),
      currency: currency >= 0 ? String(row[currency]) : "USD",
    };
  });
}

/**
 * Cost Management's tag inheritance at the subscription (Settings_GetByScope, `taginheritance`): whether Azure applies
 * the resource group's and subscription's tags to the usage of resources without them, and with
 * `preferContainerTags` whether the group's value wins over the resource's own. Only read: the portal never changes
 * it. A setting never written answers 404, and one turned off has no preferContainerTags: both are "off".
 */
export type CostTagInheritance = "off" | "on" | "onPreferContainer";
const SETTINGS_API = "2024-08-01";

export async function readTagInheritance(access: AzureAccess): Promise<CostTagInheritance> {
  const { rest, subscriptionId } = armClientsFor(access);
  const setting = await orNull(() =>
    rest.get<{ properties?: { preferContainerTags?: unknown } }>(
      `/subscriptions/${subscriptionId}/providers/Microsoft.CostManagement/settings/taginheritance`,
      SETTINGS_API,
    ),
  );
  const prefer = setting?.properties?.preferContainerTags;
  if (typeof prefer !== "boolean") return "off";
  return prefer ? "onPreferContainer" : "on";
}
