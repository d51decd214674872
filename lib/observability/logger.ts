import { AsyncLocalStorage } from "node:async_hooks";
import { trace } from "@opentelemetry/api";
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { redactPaths, redactSecretsInText } from "./redact-paths";

/** What every log line written inside a request, operation or ARM call carries when it is known. */
export type LogFields = {
  requestId?: string;
  operationId?: string;
  tenantId?: string | null;
  azureRequestId?: string;
};

// On globalThis: Next may bundle this module into several route chunks, and they must share one context and one logger.
const shared = globalThis as unknown as { portalLogContext?: AsyncLocalStorage<LogFields>; portalLogger?: Logger };
const context = (shared.portalLogContext ??= new AsyncLocalStorage<LogFields>());

/** Runs fn with these fields added to every log line inside it (nested calls add to the outer fields). */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

/** Adds fields to the current context (known only part-way through, like an operation's tenant). */
export function addLogContext(fields: LogFields) {
  const store = context.getStore();
  if (store) Object.assign(store, fields);
}

export function logContext(): LogFields {
  return context.getStore() ?? {};
}

/**
 * The process's logger: JSON lines (one object per line, for a log pipeline) unless LOG_FORMAT=pretty, which
 * `npm start` sets for its children so a human reads them in the terminal. LOG_LEVEL sets the level (info; warn in
 * tests). The trace and span ids of the active span join a line to its trace.
 */
export const logger: Logger = (shared.portalLogger ??= createLogger());

/** A logger for one part of the program: its lines carry `component`. */
export function componentLogger(component: string): Logger {
  return logger.child({ component });
}

/** The logger as configured by the environment; tests pass a stream to read its lines. */
export function createLogger(destination?: pino.DestinationStream): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.VITEST ? "warn" : "info");
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid, service: process.env.OTEL_SERVICE_NAME ?? serviceName() },
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: { err: serializeError, error: serializeError },
    mixin() {
      const fields: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(context.getStore() ?? {})) if (value) fields[key] = value;
      const span = trace.getActiveSpan()?.spanContext();
      if (span && span.traceFlags & 1) {
        fields.traceId = span.traceId;
        fields.spanId = span.spanId;
      }
      return fields;
    },
  };
  if (process.env.LOG_FORMAT !== "pretty") return destination ? pino(options, destination) : pino(options);
  // In-thread, not a transport: a transport's worker thread loads files by path, which a bundled Next server lacks.
  const stream = pretty({
    sync: true,
    destination: destination ?? 1,
    colorize: process.stdout.isTTY || process.env.LOG_COLOR === "1",
    singleLine: true,
    translateTime: "HH:MM:ss.l",
    ignore: "pid,hostname,service,component,traceId,spanId",
    messageFormat: "{if component}[{component}] {end}{msg}",
    hideObject: false,
  });
  return pino({ ...options, base: undefined }, stream);
}

function serviceName() {
  if (process.env.NEXT_RUNTIME) return "portal-web";
  return /worker[\\/]main\.[jt]s$/.test(process.argv[1] ?? "") ? "portal-worker" : "portal";
}

/** pino's error serializer, with tokens and secrets that an SDK put into a message or stack masked. */
function serializeError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== "object") return serialized;
  for (const key of ["message", "stack"])
    if (typeof serialized[key] === "string") serialized[key] = redactSecretsInText(serialized[key] as string);
  return serialized;
}
