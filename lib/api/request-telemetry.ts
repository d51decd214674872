import type { MiddlewareHandler } from "hono";
import { withLogContext } from "@/lib/observability/logger";
import { requestIdFor } from "@/lib/observability/request-id";
import { inSpan, SpanKind } from "@/lib/observability/tracing";

/**
 * First on every API request: an `x-request-id` (the caller's, or a new one) answered back and put on every log line
 * the request writes, and a span named by the route's template (`POST /api/v1/tenants/:tenant/vms`), the parent of
 * the enqueue span and so of the worker's job.
 */
export function requestTelemetry(): MiddlewareHandler {
  return async (c, next) => {
    // proxy.ts has set it under Next; a request straight to the Hono app (tests) brings its own or gets one here.
    const requestId = requestIdFor(c.req.header("x-request-id"));
    const attributes = { "http.request.method": c.req.method, "url.path": c.req.path, "portal.request_id": requestId };
    await withLogContext({ requestId }, () =>
      inSpan(`${c.req.method} ${c.req.path}`, { kind: SpanKind.SERVER, attributes }, async (span) => {
        await next();
        span.updateName(`${c.req.method} ${c.req.routePath}`);
        span.setAttributes({ "http.route": c.req.routePath, "http.response.status_code": c.res.status });
      }),
    );
    c.header("x-request-id", requestId);
  };
}
