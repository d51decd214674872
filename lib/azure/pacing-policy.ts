import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { ArmError, parseRetryAfterMs } from "./errors";
import { bucketFor, Pacer, type PacerOptions } from "./pacing";
import { requestKind, ResourceWindows, type WindowsOptions } from "./resource-windows";

let pacer = new Pacer();
let windows = new ResourceWindows();
let deferAfterMs = 2_000;

/** The code of the error a request gets instead of minutes in a resource window's queue; jobs run again then. */
export const PORTAL_PACING = "PortalPacing";

function pacedError(waitMs: number, policies: string[]) {
  const seconds = Math.ceil(waitMs / 1000);
  return new ArmError({
    status: 429,
    code: PORTAL_PACING,
    message: `Azure's request window (${policies.join(", ")}) has no room for about ${seconds} s; the portal sends this request then.`,
    retryAfterMs: waitMs,
    retryable: true,
  });
}

/**
 * Replaces the process-wide pacers, e.g. for a cloud whose buckets refill at other rates (Azure Stack Hub, the
 * emulator; `windows.timeScale` for an emulator whose resource windows run on its scaled clock).
 */
export function configurePacing(options: PacerOptions & { windows?: WindowsOptions; deferAfterMs?: number }): void {
  pacer = new Pacer(options);
  windows = new ResourceWindows(options.windows);
  deferAfterMs = options.deferAfterMs ?? 2_000;
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("The request was aborted while waiting for its rate-limit slot."));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("The request was aborted while waiting for its rate-limit slot."));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs per retry (after the SDK's retry policy), so the SDK keeps retrying 429/5xx while every attempt, retries
 * included, waits for its slot and reports its headers here.
 */
export function pacingPolicy(subscriptionId: string): PipelinePolicy {
  return {
    name: "portalArmPacing",
    async sendRequest(request, next) {
      const bucket = bucketFor(request.method);
      const signal = request.abortSignal as AbortSignal | undefined;
      // The resource provider's windows first (they may hold a request for minutes), then ARM's bucket.
      const ticket = windows.ticket(subscriptionId, requestKind(request.method, request.url));
      let answered = false;
      try {
        for (;;) {
          const { waitMs, retry } = windows.reserve(ticket);
          if (retry && waitMs > deferAfterMs) throw pacedError(windows.defer(ticket), ticket.policies);
          await sleep(waitMs, signal);
          if (!retry) break;
        }
        for (;;) {
          const { waitMs, retry } = pacer.reserve(subscriptionId, bucket);
          await sleep(waitMs, signal);
          if (!retry) break;
        }
        let response;
        try {
          response = await next(request);
        } catch (e) {
          pacer.abandon(subscriptionId, bucket);
          throw e;
        }
        answered = true;
        const resource = response.headers.get("x-ms-ratelimit-remaining-resource");
        const retryAfterMs = response.status === 429 ? parseRetryAfterMs(response.headers) : undefined;
        windows.observe(ticket, { status: response.status, header: resource, retryAfterMs });
        // A 429 from an exhausted resource window (Compute's OperationNotAllowed) is not ARM's bucket running dry.
        const windowRefusal = response.status === 429 && /;\s*0\s*(,|$)/.test(resource ?? "");
        const header = response.headers.get(`x-ms-ratelimit-remaining-subscription-${bucket}`);
        pacer.observe(subscriptionId, bucket, {
          status: windowRefusal ? 200 : response.status,
          remaining:
            header !== undefined && header !== "" && Number.isFinite(Number(header)) ? Number(header) : undefined,
          retryAfterMs: windowRefusal ? undefined : retryAfterMs,
        });
        return response;
      } finally {
        if (!answered) windows.abandon(ticket);
      }
    },
  };
}
