import { isTracingConfigured } from "./tracing";

export type Telemetry = { shutdown: () => Promise<void> };

const shared = globalThis as unknown as { portalTelemetry?: Promise<Telemetry | null> };

/**
 * Starts the OpenTelemetry SDK when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set: traces only, sent as
 * OTLP/HTTP JSON (the exporter reads the standard OTEL_* variables: headers, service name, sampler). Off otherwise,
 * and then nothing here is even loaded. Called once per process: by instrumentation.node.ts in the web, by
 * worker/main.ts in the worker.
 */
export function startTelemetry(serviceName: string): Promise<Telemetry | null> {
  shared.portalTelemetry ??= start(serviceName);
  return shared.portalTelemetry;
}

async function start(serviceName: string): Promise<Telemetry | null> {
  if (!isTracingConfigured()) return null;
  const [{ NodeSDK }, { OTLPTraceExporter }, { HttpInstrumentation }, { PgInstrumentation }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/instrumentation-http"),
    import("@opentelemetry/instrumentation-pg"),
  ]);
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? serviceName,
    traceExporter: new OTLPTraceExporter(),
    // Traces only: metrics are Prometheus (lib/observability/metrics.ts) and logs are stdout (logger.ts).
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      // Next traces incoming requests itself; outgoing calls and queries are traced only inside a trace, so the
      // worker's idle job fetches and the exporter's own requests make no root spans.
      new HttpInstrumentation({ disableIncomingRequestInstrumentation: true, requireParentforOutgoingSpans: true }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** Sends what is buffered and stops (a worker stopping, a test ending). */
export async function stopTelemetry() {
  const telemetry = await shared.portalTelemetry;
  shared.portalTelemetry = undefined;
  await telemetry?.shutdown();
}
