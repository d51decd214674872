import http from "node:http";
import type { AddressInfo } from "node:net";
import { componentLogger } from "./logger";
import { scrapeMetrics } from "./scrape";

const log = componentLogger("metrics");

/**
 * The worker's metrics (job runs, ARM calls) at http://<host>:<port>/metrics, behind the same bearer token as the
 * web's /api/metrics. Each worker serves its own counters and Prometheus adds them up across workers, which stays
 * correct however many run and costs the database nothing per ARM call.
 */
export async function serveWorkerMetrics(port: number, host = "127.0.0.1") {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
      return;
    }
    scrapeMetrics(req.headers.authorization).then(
      ({ status, headers, body }) => res.writeHead(status, headers).end(body),
      (error) => {
        log.error({ err: error }, "metrics scrape failed");
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  log.info({ port: address.port, host }, `worker metrics at http://${host}:${address.port}/metrics`);
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
