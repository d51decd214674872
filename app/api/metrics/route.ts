import { collectDatabaseMetrics } from "@/lib/observability/db-metrics";
import { scrapeMetrics } from "@/lib/observability/scrape";

export const dynamic = "force-dynamic";

/** Prometheus scrape of the web process (README: Observability): `Authorization: Bearer <PORTAL_METRICS_TOKEN>`. */
export async function GET(request: Request) {
  const { status, headers, body } = await scrapeMetrics(request.headers.get("authorization"), collectDatabaseMetrics);
  return new Response(body, { status, headers });
}
