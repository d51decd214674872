import { metricsAccess } from "./metrics-access";
import { metricsRegistry } from "./metrics";

export type Scrape = { status: number; headers: Record<string, string>; body: string };

/**
 * One scrape of this process's registry in the Prometheus text format, for the web's /api/metrics and the worker's
 * metrics port alike. `collect` refreshes values read at scrape time (the web's database gauges).
 */
export async function scrapeMetrics(authorization: string | null | undefined, collect?: () => Promise<void>) {
  const noStore = { "cache-control": "no-store" };
  const text = { ...noStore, "content-type": "text/plain; charset=utf-8" };
  const access = metricsAccess(authorization);
  if (access === "disabled") return { status: 404, headers: text, body: "Not Found\n" } satisfies Scrape;
  if (access === "unauthorized")
    return {
      status: 401,
      headers: { ...text, "www-authenticate": 'Bearer realm="metrics"' },
      body: "Unauthorized: send Authorization: Bearer <PORTAL_METRICS_TOKEN>\n",
    } satisfies Scrape;
  await collect?.();
  const registry = metricsRegistry();
  return {
    status: 200,
    headers: { ...noStore, "content-type": registry.contentType },
    body: await registry.metrics(),
  } satisfies Scrape;
}
