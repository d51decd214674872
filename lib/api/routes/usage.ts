import { createRoute, z } from "@hono/zod-openapi";
import { providerUsage, tenantUsageRows } from "@/lib/usage-report/provider-report";
import { checkUsageRange, MAX_RANGE_DAYS, usageQueryShape } from "@/lib/usage-report/schema";
import { staffContext, tenantContext } from "../auth";
import type { ApiContext } from "../env";
import { decodeSkipToken, pageOf, pageQuery } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { tenantParam } from "./vm-schemas";

/**
 * Usage and charges (issue 15 point 5) in a billing-friendly shape, from the report service the Usage pages and the
 * CSV export read (lib/usage-report/report.ts): provider tokens read every tenant's at /usage (?tenant= narrows to
 * one), tenant tokens their own at /tenants/{tenant}/usage.
 */
export const usageRoutes = apiRouter();
const tags = ["Usage"];
const USAGE_PAGE_MAX = 5_000;

const usageRow = z
  .object({
    tenantId: z.string(),
    tenant: z.string().openapi({ description: "The tenant's slug." }),
    tenantName: z.string(),
    period: z.string().openapi({ description: "YYYY-MM-DD (daily) or YYYY-MM (monthly): the day the row was booked." }),
    meter: z.string().openapi({ description: "A portal meter id, e.g. vm.compute.linux, disk.managed." }),
    meterLabel: z.string(),
    region: z.string(),
    sku: z.string().openapi({ description: "VM size, disk tier (P10 LRS) or Standard." }),
    adjustment: z.boolean().openapi({ description: "A late correction of a closed day, booked in this period." }),
    quantity: z.string().openapi({ description: "Exact decimal, in `unit`." }),
    unit: z.string().openapi({ description: "Azure Retail Prices unitOfMeasure: 1 Hour, 1/Month, 1 GB/Month." }),
    unitPrice: z.string().nullable().openapi({ description: "Per unit after the plan's markup; null: no price." }),
    amount: z.string().openapi({ description: "quantity × unitPrice, rounded half up to the cent." }),
    currency: z.string(),
  })
  .openapi("UsageRow");

const usagePage = z
  .object({
    value: z.array(usageRow),
    nextLink: z.string().nullable().openapi({ description: "GET it for the next page; null on the last page." }),
    count: z.number().int().openapi({ description: "Rows matching the query, on every page." }),
    totals: z
      .array(z.object({ currency: z.string(), amount: z.string() }))
      .openapi({ description: "Sum of every matching row's amount per currency (all pages), a control total." }),
  })
  .openapi("UsagePage");

// `.meta()`, not `.openapi()`, on the shared fields: they may be built before @hono/zod-openapi extends zod (seen in
// the Next build, where lib/usage-report/schema.ts loads first); the document generator reads zod's own metadata too.
const usageQueryDocs = {
  from: usageQueryShape.from.meta({ description: "First day, YYYY-MM-DD (UTC)." }),
  to: usageQueryShape.to.meta({
    description: `Last day, YYYY-MM-DD, inclusive; at most ${MAX_RANGE_DAYS} days from \`from\`.`,
  }),
  granularity: usageQueryShape.granularity.meta({ description: "One row per day (default) or per month." }),
  top: z.coerce
    .number()
    .int("top is a whole number.")
    .min(1, "top is at least 1.")
    .max(USAGE_PAGE_MAX, `top is at most ${USAGE_PAGE_MAX}.`)
    .default(1_000)
    .openapi({ description: `Rows per page (default 1000, at most ${USAGE_PAGE_MAX}).` }),
  $skipToken: pageQuery.$skipToken,
};
const tenantQuery = z.object(usageQueryDocs).superRefine(checkUsageRange);
const providerQuery = z
  .object({
    ...usageQueryDocs,
    tenant: usageQueryShape.tenant.meta({ description: "A tenant's slug: only its rows." }),
  })
  .superRefine(checkUsageRange);
type PageQuery = z.infer<typeof tenantQuery>;

const docs = {
  description:
    "One row per tenant × meter × region × sku × period (× unit price, when a new price sheet took effect within it). " +
    `An inverted range or one over ${MAX_RANGE_DAYS} days is a 400. Closed days never change: a late correction is ` +
    "its own row (adjustment) in the period it was booked.",
  tags,
  security: bearerSecurity,
  responses: {
    200: { description: "A page of usage rows.", content: { "application/json": { schema: usagePage } } },
    ...problemResponses(400, 401, 404, 429, 500),
  },
};

const toPage = (c: ApiContext, q: PageQuery, skip: number, r: Awaited<ReturnType<typeof tenantUsageRows>>) => ({
  ...pageOf(c, r.rows, r.total, skip, q.top),
  totals: r.totals,
});

usageRoutes.openapi(
  createRoute({
    method: "get",
    path: "/usage",
    operationId: "listUsage",
    ...requires("helpdesk"),
    summary: "Usage and charges of every tenant (provider)",
    request: { query: providerQuery },
    ...docs,
  }),
  async (c) => {
    const ctx = staffContext(c, "helpdesk");
    const q = c.req.valid("query");
    const skip = decodeSkipToken(q.$skipToken);
    return c.json(toPage(c, q, skip, await providerUsage(ctx, q, { skip, take: q.top })), 200);
  },
);

usageRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{tenant}/usage",
    operationId: "listTenantUsage",
    ...requires("reader"),
    summary: "The tenant's usage and estimated charges",
    request: { params: z.object({ tenant: tenantParam }), query: tenantQuery },
    ...docs,
  }),
  async (c) => {
    const ctx = await tenantContext(c, c.req.valid("param").tenant);
    const q = c.req.valid("query");
    const skip = decodeSkipToken(q.$skipToken);
    return c.json(toPage(c, q, skip, await tenantUsageRows(ctx, q, { skip, take: q.top })), 200);
  },
);
