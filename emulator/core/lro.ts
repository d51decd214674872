import { ArmError, type ArmErrorDetail } from "./errors.js";
import type { Clock } from "./clock.js";
import { newGuid, parseResourceId } from "./ids.js";
import type { Store } from "./store.js";
import type { Reply } from "./plugin.js";

export type OperationKind = "create" | "update" | "delete" | "action";
export type OperationStatus = "InProgress" | "Succeeded" | "Failed" | "Canceled";

/** A named, serialisable completion effect: plugins register handlers by name so operations survive restarts. */
export interface EffectRef {
  name: string;
  args?: Record<string, unknown>;
}
export type EffectHandler = (ctx: { store: Store; clock: Clock; op: Operation }, args: Record<string, unknown>) => void;

export interface Operation {
  id: string;
  subscriptionId: string;
  namespace: string;
  location: string;
  resourceId: string;
  kind: OperationKind;
  startMs: number;
  durationMs: number;
  status: OperationStatus;
  endMs?: number;
  /** When set, the operation ends Failed with this error instead of Succeeded. */
  failure?: ArmErrorDetail;
  effects: EffectRef[];
  /** Body of the final Location poll for actions (e.g. a POST that returns a result). */
  result?: unknown;
  apiVersion: string;
  /**
   * Elapsed ms after which the operation waits for `resume()` (an ASR failback that synchronizes data first waits
   * for "Complete Failover"); the rest of its duration runs after the resume.
   */
  suspendAfterMs?: number;
}

export interface BeginOptions {
  resourceId: string;
  kind: OperationKind;
  /** Modelled duration in seconds; scaled by the clock's timeScale. */
  durationSeconds: number;
  apiVersion: string;
  /** Namespace and region in the status URLs; default from the resource id / "global". */
  namespace?: string;
  location?: string;
  failure?: ArmErrorDetail;
  effects?: EffectRef[];
  result?: unknown;
  /** Modelled seconds after which the operation waits for `resume()`. */
  suspendAfterSeconds?: number;
}

const TRANSITIONAL: Record<OperationKind, string | undefined> = {
  create: "Creating",
  update: "Updating",
  delete: "Deleting",
  action: undefined,
};

function setProvisioningState(store: Store, id: string, state: string): void {
  const r = store.getResource(id);
  if (!r) return;
  const props = (r.body.properties ?? {}) as Record<string, unknown>;
  r.body.properties = { ...props, provisioningState: state };
  store.markDirty();
}

/**
 * The LRO engine shared by every RP. Operations are plain records with timestamps; `settleDue` (called on
 * every request) finishes the ones whose time has come and applies their effects in order.
 */
export class LroEngine {
  private effects = new Map<string, EffectHandler>();

  constructor(
    private store: Store,
    private clock: Clock,
    private retryAfter: () => number | null,
  ) {}

  registerEffect(name: string, handler: EffectHandler): void {
    if (this.effects.has(name)) throw new Error(`LRO effect '${name}' is registered twice`);
    this.effects.set(name, handler);
  }

  begin(opts: BeginOptions): Operation {
    const parsed = parseResourceId(opts.resourceId);
    const body = this.store.getResource(opts.resourceId)?.body;
    const op: Operation = {
      id: newGuid(),
      subscriptionId: parsed.subscriptionId ?? "",
      namespace: opts.namespace ?? parsed.namespace ?? "Microsoft.Resources",
      location: (opts.location ?? (body?.location as string | undefined) ?? "global").toLowerCase(),
      resourceId: opts.resourceId,
      kind: opts.kind,
      startMs: this.clock.now(),
      durationMs: this.clock.scaledMs(opts.durationSeconds),
      status: "InProgress",
      failure: opts.failure,
      effects: opts.effects ?? [],
      result: opts.result,
      apiVersion: opts.apiVersion,
      ...(opts.suspendAfterSeconds !== undefined
        ? { suspendAfterMs: this.clock.scaledMs(opts.suspendAfterSeconds) }
        : {}),
    };
    const transitional = TRANSITIONAL[op.kind];
    if (transitional) setProvisioningState(this.store, op.resourceId, transitional);
    this.store.state.operations[op.id] = op;
    this.store.markDirty();
    this.settleDue();
    return op;
  }

  get(id: string): Operation | undefined {
    return this.store.state.operations[id];
  }

  /** The unfinished operation on a resource, if any (RPs answer 409 AnotherOperationInProgress with it). */
  activeFor(resourceId: string): Operation | undefined {
    const lower = resourceId.toLowerCase();
    return Object.values(this.store.state.operations).find(
      (o) => o.status === "InProgress" && o.resourceId.toLowerCase() === lower,
    );
  }

  settleDue(): void {
    const now = this.clock.now();
    for (const op of Object.values(this.store.state.operations)) {
      if (op.status === "InProgress" && op.suspendAfterMs === undefined && now >= op.startMs + op.durationMs)
        this.finish(op);
    }
  }

  /** An operation that reached its suspension point and waits for `resume()`. */
  isSuspended(op: Operation): boolean {
    return (
      op.status === "InProgress" &&
      op.suspendAfterMs !== undefined &&
      this.clock.now() >= op.startMs + op.suspendAfterMs
    );
  }

  /** Lets a suspended operation run the rest of its duration from now. */
  resume(op: Operation): void {
    if (op.suspendAfterMs === undefined) return;
    const waited = Math.max(0, this.clock.now() - (op.startMs + op.suspendAfterMs));
    op.durationMs += waited;
    delete op.suspendAfterMs;
    this.store.markDirty();
    this.settleDue();
  }

  private finish(op: Operation): void {
    this.clock.eventTimeMs = op.startMs + op.durationMs;
    try {
      this.complete(op);
    } finally {
      this.clock.eventTimeMs = undefined;
    }
  }

  private complete(op: Operation): void {
    op.endMs = op.startMs + op.durationMs;
    if (op.failure) {
      op.status = "Failed";
      if (op.kind === "create" || op.kind === "update") setProvisioningState(this.store, op.resourceId, "Failed");
      if (op.kind === "delete") setProvisioningState(this.store, op.resourceId, "Succeeded");
    } else {
      op.status = "Succeeded";
      if (op.kind === "create" || op.kind === "update") setProvisioningState(this.store, op.resourceId, "Succeeded");
      for (const effect of op.effects) {
        const handler = this.effects.get(effect.name);
        if (!handler) throw new Error(`LRO effect '${effect.name}' is not registered`);
        handler({ store: this.store, clock: this.clock, op }, effect.args ?? {});
      }
      if (op.kind === "delete") this.store.deleteTree(op.resourceId);
    }
    this.store.markDirty();
  }

  statusPath(op: Operation): string {
    return `/subscriptions/${op.subscriptionId}/providers/${op.namespace}/locations/${op.location}/operations/${op.id}?api-version=${op.apiVersion}`;
  }

  resultPath(op: Operation): string {
    return `/subscriptions/${op.subscriptionId}/providers/${op.namespace}/locations/${op.location}/operationResults/${op.id}?api-version=${op.apiVersion}`;
  }

  /**
   * The initial LRO reply: `status` 201/200 for PUT, 202 for DELETE/POST. Sends Azure-AsyncOperation and
   * Location unless turned off (e.g. resource group delete sends only Location, like Azure).
   */
  reply(
    op: Operation,
    baseUrl: string,
    opts: { status: number; body?: unknown; asyncOperation?: boolean; location?: boolean },
  ): Reply {
    const headers: Record<string, string> = {};
    if (opts.asyncOperation !== false) headers["Azure-AsyncOperation"] = baseUrl + this.statusPath(op);
    if (opts.location !== false) headers["Location"] = baseUrl + this.resultPath(op);
    const retry = this.retryAfter();
    if (retry !== null) headers["Retry-After"] = String(retry);
    return { status: opts.status, body: opts.body, headers };
  }

  statusBody(op: Operation): Record<string, unknown> {
    const body: Record<string, unknown> = {
      id: this.statusPath(op).split("?")[0],
      name: op.id,
      status: op.status,
      startTime: this.clock.iso(op.startMs),
    };
    if (op.status === "InProgress") {
      const elapsed = this.clock.now() - op.startMs;
      body.percentComplete = op.durationMs ? Math.min(99, Math.floor((elapsed / op.durationMs) * 100)) : 0;
    } else {
      body.endTime = this.clock.iso(op.endMs);
      body.percentComplete = 100;
    }
    if (op.status === "Failed" && op.failure) body.error = op.failure;
    return body;
  }

  /** Location-header semantics: 202 while running, then the resource (200), 204 for deletes, or the error. */
  locationReply(op: Operation): Reply {
    if (op.status === "InProgress") {
      const retry = this.retryAfter();
      return { status: 202, headers: retry === null ? {} : { "Retry-After": String(retry) } };
    }
    if (op.status === "Failed" && op.failure) {
      throw new ArmError(op.kind === "delete" ? 409 : 400, op.failure.code, op.failure.message, op.failure.details);
    }
    if (op.kind === "delete") return { status: 200 };
    if (op.kind === "action") return op.result === undefined ? { status: 204 } : { status: 200, body: op.result };
    const r = this.store.getResource(op.resourceId);
    return r ? { status: 200, body: r.body } : { status: 204 };
  }
}
