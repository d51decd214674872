import { requireStaff } from "@/lib/auth/context";
import { plainText, refusedFile } from "@/lib/errors/file-route";
import { providerUsageCsv } from "@/lib/usage-report/provider-report";
import { usageQuerySchema } from "@/lib/usage-report/schema";
import { csvResponse } from "@/lib/usage-report/csv-response";

/**
 * The usage report as CSV (admins), the same query and rows as the page and GET /api/v1/usage. A bad range is a 400
 * naming the field; the file streams a page of rows at a time.
 */
export async function GET(request: Request) {
  try {
    const ctx = await requireStaff("admin");
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = usageQuerySchema.safeParse({ ...params, tenant: params.tenant || undefined });
    if (!parsed.success)
      return plainText(400, parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("\n"));
    const q = parsed.data;
    const name = `usage-${q.tenant ? `${q.tenant}-` : ""}${q.from}-${q.to}-${q.granularity}.csv`;
    return await csvResponse(providerUsageCsv(ctx, q), name);
  } catch (error) {
    return refusedFile(error);
  }
}
