import type { PipelineResponse } from "@azure/core-rest-pipeline";
import { ArmError, parseRetryAfterMs } from "./errors";
import type { ArmResponseInfo } from "./observe";
import { redact } from "./redact";
import type { RawResponse } from "./rest";

/**
 * The ARM long-running-operation protocol for a PUT whose first answer already holds what the caller records
 * (AZURE-FACTS §2): we poll the operation's status ourselves and skip the SDK poller's final GET of the resource.
 * - `Azure-AsyncOperation` (preferred) → a status body: Succeeded / Failed / Canceled end it, anything else runs on.
 * - else `Location` → 202 while running; 200/201 with the resource, or 204, when done; an error status when it failed.
 * - neither header → the SDK poller already decided (200/201 with a terminal provisioningState), nothing to poll.
 * The stored state holds URLs Azure gave us and the mapped PUT answer (ids and addresses, never a request body).
 */
export type StatusState<T> = {
  via: "azure-async-operation" | "location";
  statusUrl: string;
  /** The resource URL, for the final GET when the PUT answer lacked something. */
  resourceUrl: string;
  /** map(PUT answer), or undefined when it does not suffice (then the final GET is made and counted). */
  putResult?: T;
  startedAt: number;
};

export type InitialResponse = { info: ArmResponseInfo; response: PipelineResponse; body: unknown };

export type StatusPoll<T> =
  { done: true; result: T } | { done: false; percent?: number; retryAfterMs?: number; remainingMs?: number };

/** The first response of the start (the PUT), as the response tap saw it. */
export function captureInitial() {
  let initial: InitialResponse | undefined;
  return {
    onResponse(info: ArmResponseInfo, bodyText: string | undefined, response: PipelineResponse) {
      if (initial || info.method !== "PUT" || info.status >= 300) return;
      let body: unknown;
      try {
        body = bodyText ? JSON.parse(bodyText) : undefined;
      } catch {
        body = undefined;
      }
      initial = { info, response, body };
    },
    get initial() {
      return initial;
    },
  };
}

/** From the PUT's answer: where to poll, or undefined when Azure named no status URL. */
export function statusStateFrom<T>(initial: InitialResponse, putResult: T | undefined): StatusState<T> | undefined {
  const h = initial.response.headers;
  const asyncUrl = h.get("azure-asyncoperation");
  const location = h.get("location");
  const statusUrl = asyncUrl ?? location;
  if (!statusUrl) return undefined;
  return {
    via: asyncUrl ? "azure-async-operation" : "location",
    statusUrl,
    resourceUrl: initial.response.request.url,
    putResult,
    startedAt: Date.now(),
  };
}

type StatusBody = {
  status?: string;
  percentComplete?: number;
  error?: { code?: string; message?: string; details?: unknown };
};

/**
 * One status request. `readResource` is the final GET, only called when the PUT answer did not suffice. A Failed or
 * Canceled status throws an ArmError with Azure's code, message and the status request's ids.
 */
export async function pollStatus<T>(
  state: StatusState<T>,
  get: (url: string) => Promise<RawResponse>,
  map: (raw: unknown) => T,
): Promise<StatusPoll<T>> {
  const res = await get(state.statusUrl);
  const retryAfterMs = parseRetryAfterMs(res.headers);
  if (state.via === "location") {
    if (res.status === 202) return { done: false, retryAfterMs };
    if (res.body && typeof res.body === "object" && Object.keys(res.body).length)
      return { done: true, result: map(res.body) };
    return finish(state, get, map);
  }
  const body = (res.body ?? {}) as StatusBody;
  const status = (body.status ?? "").toLowerCase();
  if (status === "succeeded") return finish(state, get, map);
  if (status === "failed" || status === "canceled" || status === "cancelled") {
    const canceled = status !== "failed";
    throw new ArmError({
      code: body.error?.code ?? (canceled ? "OperationCanceled" : "OperationFailed"),
      message:
        body.error?.message ?? (canceled ? "The operation was canceled in Azure." : "The operation failed in Azure."),
      requestId: res.headers.get("x-ms-request-id"),
      correlationId: res.headers.get("x-ms-correlation-request-id"),
      details: body.error?.details ? redact(body.error.details) : undefined,
      raw: redact(body),
    });
  }
  const percent = typeof body.percentComplete === "number" ? body.percentComplete : undefined;
  // Time left, extrapolated from Azure's own progress figure (when it gives one).
  const elapsed = Date.now() - state.startedAt;
  const remainingMs =
    percent !== undefined && percent > 0 && percent < 100
      ? Math.round((elapsed * (100 - percent)) / percent)
      : undefined;
  return { done: false, percent, retryAfterMs, remainingMs };
}

async function finish<T>(
  state: StatusState<T>,
  get: (url: string) => Promise<RawResponse>,
  map: (raw: unknown) => T,
): Promise<StatusPoll<T>> {
  const put = state.putResult as (T & { provisioningState?: string }) | undefined;
  // The status said Succeeded: the PUT answer, with the state Azure has now reached.
  if (put !== undefined)
    return {
      done: true,
      result:
        put && typeof put === "object" && "provisioningState" in put ? { ...put, provisioningState: "Succeeded" } : put,
    };
  const resource = await get(state.resourceUrl);
  return { done: true, result: map(resource.body) };
}
