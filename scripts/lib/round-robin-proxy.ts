/**
 * A small round-robin HTTP load balancer for the scale-out run (scripts/scaleout.ts): each request goes to the next
 * web process; one that refuses the connection is skipped for a second and the request goes to the next (its body is
 * buffered). A connection dropped before the answer is retried elsewhere only for methods that are safe to repeat —
 * a POST may have been carried out (nginx's `proxy_next_upstream` does the same). Like any proxy it appends the client's
 * address to X-Forwarded-For, which the web processes trust one hop deep (PORTAL_TRUSTED_PROXIES=1).
 */
import http from "node:http";

export type RoundRobinProxy = {
  url: string;
  port: number;
  stats: { forwarded: number; rerouted: number; failed: number };
  close(): Promise<void>;
};

export async function startRoundRobinProxy(
  targets: { host: string; port: number }[],
  port = 0,
): Promise<RoundRobinProxy> {
  let next = 0;
  const downUntil = new Map<number, number>();
  const stats = { forwarded: 0, rerouted: 0, failed: 0 };

  const forward = (i: number, req: http.IncomingMessage, body: Buffer, headers: http.OutgoingHttpHeaders) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const upstream = http.request(
        { host: targets[i].host, port: targets[i].port, method: req.method, path: req.url, headers },
        resolve,
      );
      upstream.on("error", reject);
      upstream.end(body);
    });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const prior = req.headers["x-forwarded-for"];
    const headers = {
      ...req.headers,
      "x-forwarded-for": prior ? `${prior}, ${req.socket.remoteAddress}` : req.socket.remoteAddress,
    };
    const start = next++ % targets.length;
    for (let k = 0; k < targets.length; k++) {
      const i = (start + k) % targets.length;
      if ((downUntil.get(i) ?? 0) > Date.now() && k < targets.length - 1) continue;
      try {
        const answer = await forward(i, req, body, headers);
        stats.forwarded++;
        if (k > 0) stats.rerouted++;
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
        return;
      } catch (error) {
        downUntil.set(i, Date.now() + 1000);
        const refused = (error as NodeJS.ErrnoException).code === "ECONNREFUSED";
        if (!refused && !["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].includes(req.method ?? "")) break;
      }
    }
    stats.failed++;
    res.writeHead(502, { "content-type": "text/plain" }).end("No web process answered.\n");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
