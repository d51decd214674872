import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from "@opentelemetry/api";

export { SpanKind };
export type { Span };

/** Tracing runs only when an OTLP endpoint is configured; otherwise no SDK starts and every span below is a no-op. */
export function isTracingConfigured(env: NodeJS.ProcessEnv = process.env) {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export function tracer() {
  return trace.getTracer("cloud-portal");
}

type SpanOptions = {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent; the active context by default. */
  parent?: Context;
  /** Errors that end the span normally (a job's Reschedule is control flow, not a failure). */
  isExpected?: (error: unknown) => boolean;
};

/** Runs fn in a new active span that ends with it; a thrown error marks the span failed and is thrown on. */
export function inSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  const { kind = SpanKind.INTERNAL, attributes, parent = context.active(), isExpected } = options;
  return tracer().startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      if (!isExpected?.(error)) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : undefined });
      }
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The W3C traceparent of the active span, to store with work another process continues; undefined when untraced. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a stored traceparent continues (the root when there is none). */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}
