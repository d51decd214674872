import { requireTenantContext } from "@/lib/auth/context";
import { refusedFile } from "@/lib/errors/file-route";
import { csvResponse } from "@/lib/usage-report/csv-response";
import { monthPeriod } from "@/lib/usage-report/months";
import { tenantUsageCsv } from "@/lib/usage-report/provider-report";

/**
 * The tenant's usage of a month (`?month=YYYY-MM`, this month so far without it) as CSV, one row per day × meter: the
 * rows of its Usage page and of GET /api/v1/tenants/{tenant}/usage. Any member may read it; another tenant is a 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  try {
    const ctx = await requireTenantContext({ tenant });
    const period = monthPeriod(new URL(request.url).searchParams.get("month") ?? undefined);
    const rows = tenantUsageCsv(ctx, { from: period.from, to: period.to, granularity: "daily" });
    return await csvResponse(rows, `usage-${ctx.tenantSlug}-${period.month}.csv`);
  } catch (error) {
    return refusedFile(error, { audit: true });
  }
}
