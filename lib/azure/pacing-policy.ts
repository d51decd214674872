import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { parseRetryAfterMs } from "./errors";
import { bucketFor, Pacer, type PacerOptions } from "./pacing";

let pacer = new Pacer();

/** Replaces the process-wide pacer, e.g. for a cloud whose buckets refill at other rates (Azure Stack Hub, the emulator). */
export function configurePacing(options: PacerOptions): void {
  pacer = new Pacer(options);
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
      for (;;) {
        const { waitMs, retry } = pacer.reserve(subscriptionId, bucket);
        await sleep(waitMs, signal);
        if (!retry) break;
      }
      try {
        const response = await next(request);
        const header = response.headers.get(`x-ms-ratelimit-remaining-subscription-${bucket}`);
        pacer.observe(subscriptionId, bucket, {
          status: response.status,
          remaining:
            header !== undefined && header !== "" && Number.isFinite(Number(header)) ? Number(header) : undefined,
          retryAfterMs: response.status === 429 ? parseRetryAfterMs(response.headers) : undefined,
        });
        return response;
      } catch (e) {
        pacer.abandon(subscriptionId, bucket);
        throw e;
      }
    },
  };
}
