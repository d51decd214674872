/**
 * Next calls register() once when a server starts. Tracing (and its SDK) is Node-only and starts only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set (lib/observability/sdk.ts); Next's own tracer then spans every request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./instrumentation.node");
    await registerNode();
  }
}
