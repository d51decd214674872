import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/**
 * One Prometheus registry per process, on globalThis so every Next route chunk and the worker's modules share it.
 * Each family registers on first use, so a process exposes what it does: the web its sign-ins (and the database
 * gauges of db-metrics.ts), the worker its job runs and ARM calls.
 */
type Families = {
  jobRuns?: Histogram<"kind" | "outcome">;
  armRequests?: Counter<"provider" | "method" | "status">;
  armThrottled?: Counter<"provider">;
  armDuration?: Histogram<"provider" | "method">;
  signInFailures?: Counter<"method" | "reason">;
};
const shared = globalThis as unknown as { portalMetrics?: { registry: Registry; families: Families } };

export function metricsRegistry(): Registry {
  return state().registry;
}

function state() {
  if (!shared.portalMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    shared.portalMetrics = { registry, families: {} };
  }
  return shared.portalMetrics;
}

function family<K extends keyof Families>(key: K, create: (registers: Registry[]) => NonNullable<Families[K]>) {
  const { registry, families } = state();
  return (families[key] ??= create([registry])) as NonNullable<Families[K]>;
}

/** A job run (one pg-boss job of an operation) ends: its outcome and how long it took. */
export function observeJobRun(kind: string, outcome: JobRunOutcome, seconds: number) {
  family(
    "jobRuns",
    (registers) =>
      new Histogram({
        name: "portal_job_run_duration_seconds",
        help: "Duration of one run of an operation's job in the worker, by operation kind and outcome",
        labelNames: ["kind", "outcome"],
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
        registers,
      }),
  ).observe({ kind, outcome }, seconds);
}

/**
 * succeeded/failed/cancelled end the operation; rescheduled ends a run that waits for Azure in a later one; retry
 * ends a failed attempt that will run again.
 */
export type JobRunOutcome = "succeeded" | "failed" | "cancelled" | "rescheduled" | "retry";

/** One ARM request attempt (retries and LRO polls each count), by resource provider (Microsoft.Compute …). */
export function observeArmRequest(r: { provider: string; method: string; status: number; seconds: number }) {
  family(
    "armRequests",
    (registers) =>
      new Counter({
        name: "portal_arm_requests_total",
        help: "ARM requests sent, by resource provider, HTTP method and response status (0: no response)",
        labelNames: ["provider", "method", "status"],
        registers,
      }),
  ).inc({ provider: r.provider, method: r.method, status: String(r.status) });
  family(
    "armDuration",
    (registers) =>
      new Histogram({
        name: "portal_arm_request_duration_seconds",
        help: "ARM request latency (one attempt, without the wait for a rate-limit slot), by resource provider and method",
        labelNames: ["provider", "method"],
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers,
      }),
  ).observe({ provider: r.provider, method: r.method }, r.seconds);
  const throttled = family(
    "armThrottled",
    (registers) =>
      new Counter({
        name: "portal_arm_throttled_total",
        help: "ARM requests answered 429 Too Many Requests, by resource provider",
        labelNames: ["provider"],
        registers,
      }),
  );
  if (r.status === 429) throttled.inc({ provider: r.provider });
  else throttled.inc({ provider: r.provider }, 0);
}

export type SignInFailure = { method: "password" | "second_factor" | "sso"; reason: string };

/** A refused sign-in: a wrong password or code, a locked account or address, an expired one-time password, SSO. */
export function countSignInFailure({ method, reason }: SignInFailure) {
  family(
    "signInFailures",
    (registers) =>
      new Counter({
        name: "portal_sign_in_failures_total",
        help: "Refused sign-ins, by step (password, second_factor, sso) and reason",
        labelNames: ["method", "reason"],
        registers,
      }),
  ).inc({ method, reason });
}
