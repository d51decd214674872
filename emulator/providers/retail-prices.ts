import { defineProvider, type Reply } from "../core/plugin.js";
import { CURRENCIES, priceItems } from "./billing/prices.js";
import { FilterError, matches, parseFilter } from "./billing/odata-filter.js";

/**
 * Azure Retail Prices API (learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices), the subset
 * for the meters the emulator models: `GET /api/retail/prices?api-version=2023-01-01-preview&currencyCode='EUR'&$filter=...`,
 * unauthenticated like prices.azure.com, 100 items a page with `NextPageLink` ($skip), null on the last page.
 */
const PAGE = 100;

// Azure's error body for a bad filter or currency was not found documented; this shape is the emulator's own.
const bad = (message: string): Reply => ({ status: 400, body: { Error: { Code: "BadRequest", Message: message } } });

export default defineProvider({
  name: "retail-prices",
  routes: [],
  publicRoutes: [
    {
      method: "GET",
      path: "/api/retail/prices",
      handler: ({ query, url }) => {
        const currency = (query.get("currencyCode") ?? "USD").replace(/^'|'$/g, "").toUpperCase();
        if (!CURRENCIES().includes(currency))
          return bad(`Currency '${currency}' is not supported. Supported: ${CURRENCIES().join(", ")}.`);
        let clauses;
        try {
          clauses = parseFilter(query.get("$filter"));
        } catch (e) {
          if (e instanceof FilterError) return bad(e.message);
          throw e;
        }
        const all = priceItems(currency).filter((i) => matches(i, clauses));
        const skip = Math.max(0, Number.parseInt(query.get("$skip") ?? "0", 10) || 0);
        const items = all.slice(skip, skip + PAGE);
        let next: string | null = null;
        if (skip + PAGE < all.length) {
          const q = new URLSearchParams(query);
          q.set("$skip", String(skip + PAGE));
          next = url(`/api/retail/prices?${q.toString()}`);
        }
        return {
          status: 200,
          body: {
            BillingCurrency: currency,
            CustomerEntityId: "Default",
            CustomerEntityType: "Retail",
            Items: items,
            NextPageLink: next,
            Count: items.length,
          },
        };
      },
    },
  ],
});
