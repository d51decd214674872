import { AsyncLocalStorage } from "node:async_hooks";
import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import { parseRetryAfterMs } from "./errors";

export type ArmRateLimit = { reads?: number; writes?: number; deletes?: number; resource?: string };

export type ArmResponseInfo = {
  method: string;
  /** URL path only: the query (api-version, skip tokens, SAS) is dropped. */
  path: string;
  status: number;
  requestId?: string;
  correlationId?: string;
  retryAfterMs?: number;
  rateLimit: ArmRateLimit;
};

export type ArmObserver = {
  /** Sent as `x-ms-correlation-request-id` on every request in scope, so one operation step has one correlation id. */
  correlationId?: string;
  onResponse?: (info: ArmResponseInfo) => void;
};

type Tap = (info: ArmResponseInfo, bodyText: string | undefined, response: PipelineResponse) => void;

const observers = new AsyncLocalStorage<ArmObserver>();
const taps = new AsyncLocalStorage<Tap>();

/** Runs fn with an observer that sees every ARM response made inside it (retries and LRO polls included). */
export function withArmObserver<T>(observer: ArmObserver, fn: () => Promise<T>): Promise<T> {
  return observers.run(observer, fn);
}

/** Internal: lets lro.ts read operation-status bodies (percentComplete, error) and the initial LRO response as they pass. */
export function withResponseTap<T>(tap: Tap, fn: () => Promise<T>): Promise<T> {
  const outer = taps.getStore();
  return taps.run((info, body, response) => {
    outer?.(info, body, response);
    tap(info, body, response);
  }, fn);
}

const num = (v: string | undefined) =>
  v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined;

export function describeResponse(res: PipelineResponse): ArmResponseInfo {
  const h = res.headers;
  return {
    method: res.request.method,
    path: new URL(res.request.url).pathname,
    status: res.status,
    requestId: h.get("x-ms-request-id") ?? undefined,
    correlationId:
      h.get("x-ms-correlation-request-id") ?? res.request.headers.get("x-ms-correlation-request-id") ?? undefined,
    retryAfterMs: parseRetryAfterMs(h),
    rateLimit: dropUndefined({
      reads: num(h.get("x-ms-ratelimit-remaining-subscription-reads")),
      writes: num(h.get("x-ms-ratelimit-remaining-subscription-writes")),
      deletes: num(h.get("x-ms-ratelimit-remaining-subscription-deletes")),
      resource: h.get("x-ms-ratelimit-remaining-resource") ?? undefined,
    }),
  };
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Added to every client per retry, so the observer sees each attempt. An observer that throws is ignored, never the call. */
export function observePolicy(): PipelinePolicy {
  return {
    name: "portalArmObserve",
    async sendRequest(request, next) {
      const observer = observers.getStore();
      if (observer?.correlationId) request.headers.set("x-ms-correlation-request-id", observer.correlationId);
      const response = await next(request);
      const tap = taps.getStore();
      if (observer?.onResponse || tap) {
        const info = describeResponse(response);
        try {
          observer?.onResponse?.(info);
          tap?.(info, response.bodyAsText ?? undefined, response);
        } catch {
          // The observer records for humans; it must not fail the ARM call it watches.
        }
      }
      return response;
    },
  };
}
