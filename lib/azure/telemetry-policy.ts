import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import { componentLogger, withLogContext } from "@/lib/observability/logger";
import { observeArmRequest } from "@/lib/observability/metrics";
import { inSpan, SpanKind } from "@/lib/observability/tracing";

const log = componentLogger("arm");

/**
 * The resource provider a request goes to, from its path: the last `/providers/<namespace>` (an extension resource
 * belongs to the inner one), Microsoft.Resources for subscription, resource group and location paths. Bounded to a
 * namespace's characters, so a metric label never takes a resource name.
 */
export function resourceProviderOf(path: string): string {
  const namespaces = [...path.matchAll(/\/providers\/([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)/g)];
  if (namespaces.length) return namespaces[namespaces.length - 1][1];
  return /^\/subscriptions(\/|$)/i.test(path) ? "Microsoft.Resources" : "other";
}

/** What stopped a request that got no answer, for its log line: the socket's code (ECONNRESET), else the error's name. */
export function failureName(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; name?: unknown };
  return typeof e.code === "string" ? e.code : typeof e.name === "string" ? e.name : "error";
}

/**
 * Per attempt, after pacing (the wait for a rate-limit slot is not the request's latency): a client span carrying
 * Azure's x-ms-request-id, the metrics of ARM requests, 429s and latency by resource provider, and a log line with
 * the request id (debug; 429 info; 5xx and network failures warn).
 */
export function telemetryPolicy(): PipelinePolicy {
  return {
    name: "portalArmTelemetry",
    sendRequest(request, next) {
      const url = new URL(request.url);
      const provider = resourceProviderOf(url.pathname);
      const method = request.method;
      const attributes = {
        "http.request.method": method,
        "server.address": url.hostname,
        "url.path": url.pathname,
        "azure.resource_provider": provider,
      };
      return inSpan(`ARM ${method} ${provider}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
        const started = performance.now();
        let response: PipelineResponse | undefined;
        let failure: string | undefined;
        try {
          response = await next(request);
          return response;
        } catch (error) {
          failure = failureName(error);
          throw error;
        } finally {
          const seconds = (performance.now() - started) / 1000;
          const status = response?.status ?? 0;
          const requestId = response?.headers.get("x-ms-request-id");
          const correlationId = request.headers.get("x-ms-correlation-request-id");
          span.setAttribute("http.response.status_code", status);
          if (requestId) span.setAttribute("azure.request_id", requestId);
          if (correlationId) span.setAttribute("azure.correlation_id", correlationId);
          observeArmRequest({ provider, method, status, seconds });
          const level = status === 0 || status >= 500 ? "warn" : status === 429 ? "info" : "debug";
          withLogContext({ azureRequestId: requestId }, () =>
            log[level](
              {
                method,
                provider,
                path: url.pathname,
                status,
                durationMs: Math.round(seconds * 1000),
                correlationId,
                ...(failure ? { failure } : {}),
              },
              `ARM ${method} ${provider} ${status || `no response (${failure ?? "unknown"})`} in ${Math.round(seconds * 1000)} ms`,
            ),
          );
        }
      });
    },
  };
}
