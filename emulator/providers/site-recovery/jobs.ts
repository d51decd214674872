import { ok, type Reply, type RequestContext } from "../../core/plugin.js";
import type { ArmErrorDetail } from "../../core/errors.js";
import type { Clock } from "../../core/clock.js";
import type { EffectRef, Operation } from "../../core/lro.js";
import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import { newGuid } from "../../core/ids.js";
import { asrError, NS, T } from "./common.js";

/**
 * ASR jobs: every change runs as a replicationJob with tasks (examples/ReplicationJobs_List.json). A job is a core LRO
 * operation on the job's id, so it finishes (and its effect runs) on whichever request comes first after its time,
 * and its state, task states and times are computed from the operation's timestamps.
 */
export interface JobSpec {
  scenarioName: string;
  friendlyName: string;
  targetObjectId: string;
  targetObjectName: string;
  targetInstanceType: string;
  /** Task friendly names, run one after another in equal slices of the job's duration. */
  tasks: string[];
  durationSeconds: number;
  effect?: EffectRef;
  failure?: ArmErrorDetail;
  /**
   * The job stops after this many tasks (state Suspended) until ReplicationJobs_Resume, then runs the rest: the
   * failback that synchronizes data first waits there for "Complete Failover".
   */
  suspendAfterTask?: number;
}

/** Task timing of a job that suspends: the tasks before the pause from the start, the rest from the resume. */
interface SuspendPlan {
  afterTask: number;
  preMs: number;
  postMs: number;
  resumedAtMs?: number;
}

export interface JobStarted {
  jobId: string;
  op: Operation;
}

export function startJob(ctx: RequestContext, vault: StoredResource, spec: JobSpec): JobStarted {
  const name = newGuid();
  const jobId = `${vault.id}/replicationJobs/${name}`;
  ctx.store.putResource(
    jobId,
    {
      name,
      type: T.job,
      properties: {
        activityId: `${ctx.requestId} ActivityId: ${newGuid()}`,
        scenarioName: spec.scenarioName,
        friendlyName: spec.friendlyName,
        targetObjectId: spec.targetObjectId,
        targetObjectName: spec.targetObjectName,
        targetInstanceType: spec.targetInstanceType,
        allowedActions: [],
        customDetails: { instanceType: "AsrJobDetails", affectedObjectDetails: {} },
      },
    },
    { tasks: spec.tasks },
  );
  const k = spec.suspendAfterTask;
  const op = ctx.lro.begin({
    resourceId: jobId,
    kind: "action",
    durationSeconds: spec.durationSeconds,
    apiVersion: ctx.apiVersion,
    namespace: NS,
    location: String(vault.body.location),
    effects: spec.effect ? [spec.effect] : [],
    failure: spec.failure,
    ...(k !== undefined ? { suspendAfterSeconds: (spec.durationSeconds * k) / spec.tasks.length } : {}),
  });
  const internal = ctx.store.getResource(jobId)!.internal;
  internal.opId = op.id;
  if (k !== undefined && op.suspendAfterMs !== undefined) {
    const plan: SuspendPlan = { afterTask: k, preMs: op.suspendAfterMs, postMs: op.durationMs - op.suspendAfterMs };
    internal.suspend = plan;
  }
  ctx.store.markDirty();
  return { jobId, op };
}

const STATE = { InProgress: "InProgress", Succeeded: "Succeeded", Failed: "Failed", Canceled: "Cancelled" } as const;

export function jobView(store: Store, clock: Clock, r: StoredResource): Record<string, unknown> {
  const op = store.state.operations[String(r.internal.opId)];
  const tasks = (r.internal.tasks as string[]) ?? [];
  if (!op) return r.body;
  const now = clock.now();
  const plan = r.internal.suspend as SuspendPlan | undefined;
  const suspended =
    op.status === "InProgress" && op.suspendAfterMs !== undefined && now >= op.startMs + op.suspendAfterMs;
  const slice = op.durationMs / Math.max(1, tasks.length);
  const failed = op.status === "Failed";
  const window = (i: number): [number, number] => {
    if (!plan) return [op.startMs + i * slice, op.startMs + (i + 1) * slice];
    if (i < plan.afterTask) {
      const pre = plan.preMs / Math.max(1, plan.afterTask);
      return [op.startMs + i * pre, op.startMs + (i + 1) * pre];
    }
    const post = plan.postMs / Math.max(1, tasks.length - plan.afterTask);
    const from = (plan.resumedAtMs ?? Number.POSITIVE_INFINITY) + (i - plan.afterTask) * post;
    return [from, from + post];
  };
  const taskViews = tasks.map((friendlyName, i) => {
    const [start, end] = window(i);
    const done = op.status !== "InProgress" || now >= end;
    const running = !done && now >= start;
    const last = i === tasks.length - 1;
    const state = failed && last ? "Failed" : done ? "Succeeded" : running ? "InProgress" : "NotStarted";
    return {
      taskId: `${r.body.name}-${i}`,
      name: friendlyName.replace(/[^A-Za-z]/g, ""),
      friendlyName,
      state,
      stateDescription: state === "Succeeded" ? "Completed" : state,
      ...(state !== "NotStarted" ? { startTime: clock.iso(start) } : {}),
      ...(state === "Succeeded" || state === "Failed" ? { endTime: clock.iso(end) } : {}),
      allowedActions: [],
      errors:
        failed && last && op.failure
          ? [
              {
                providerErrorDetails: { errorCode: 0, errorMessage: op.failure.message },
                serviceErrorDetails: { code: op.failure.code, message: op.failure.message },
              },
            ]
          : [],
    };
  });
  const state = suspended ? "Suspended" : STATE[op.status];
  return {
    ...r.body,
    properties: {
      ...(r.body.properties as object),
      state,
      stateDescription: state === "Succeeded" ? "Completed" : state,
      // A suspended job offers its resume (the portal's "Complete Failover"); the action name is a best reading.
      allowedActions: suspended ? ["Resume"] : [],
      startTime: clock.iso(op.startMs),
      ...(op.endMs ? { endTime: clock.iso(op.endMs) } : {}),
      tasks: taskViews,
      errors:
        failed && op.failure
          ? [
              {
                serviceErrorDetails: { code: op.failure.code, message: op.failure.message },
                errorLevel: "Error",
                creationTime: clock.iso(op.endMs),
              },
            ]
          : [],
    },
  };
}

/** ReplicationJobs_Resume: a suspended job runs its remaining tasks from now. */
export function resumeJob(ctx: RequestContext, job: StoredResource): Reply {
  const op = ctx.lro.get(String(job.internal.opId));
  if (!op || !ctx.lro.isSuspended(op)) {
    throw asrError(
      400,
      "JobNotSuspended",
      `The job '${String(job.body.name)}' is not waiting to be resumed.`,
      "Only a suspended job can be resumed.",
      "Check the job state; a failback that synchronizes data first waits after its first synchronization.",
    );
  }
  const plan = job.internal.suspend as SuspendPlan | undefined;
  if (plan) plan.resumedAtMs = ctx.clock.now();
  ctx.lro.resume(op);
  ctx.store.markDirty();
  return ok(jobView(ctx.store, ctx.clock, job));
}

/** `$filter` as the SDK's JobQueryParameter writes it, e.g. "StartTime eq '…' and JobStatus eq 'Succeeded'". */
function matches(view: Record<string, unknown>, filter: string): boolean {
  const p = view.properties as Record<string, string>;
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+eq\s+'([^']*)'\s*$/i.exec(clause);
    if (!m) continue;
    const [, key, value] = m;
    const k = key.toLowerCase();
    if (k === "starttime" && p.startTime < new Date(value).toISOString()) return false;
    if (k === "endtime" && p.startTime > new Date(value).toISOString()) return false;
    if (k === "jobstatus" && !value.toLowerCase().split(",").includes(p.state.toLowerCase())) return false;
    if (k === "affectedobjecttypes" && !value.toLowerCase().split(",").includes(p.targetInstanceType.toLowerCase()))
      return false;
    if (k === "jobname" && p.scenarioName.toLowerCase() !== value.toLowerCase()) return false;
    if (k === "fabricid" && !p.targetObjectId.toLowerCase().includes(value.toLowerCase())) return false;
  }
  return true;
}

export function listJobs(ctx: RequestContext, vault: StoredResource): Reply {
  const filter = ctx.query.get("$filter") ?? "";
  const views = ctx.store
    .listResources({ scope: vault.id, type: T.job })
    .map((r) => jobView(ctx.store, ctx.clock, r))
    .filter((v) => matches(v, filter))
    .sort((a, b) =>
      String((b.properties as Record<string, string>).startTime).localeCompare(
        String((a.properties as Record<string, string>).startTime),
      ),
    );
  return ok(ctx.page(views));
}

/** Azure-AsyncOperation for ASR: `…/vaults/{vault}/replicationOperationStatus/{id}` (SPECS ASR examples). */
export function operationStatus(ctx: RequestContext, vault: StoredResource, opId: string): Reply {
  const op = ctx.lro.get(opId);
  if (!op || !op.resourceId.toLowerCase().startsWith(vault.id.toLowerCase() + "/")) {
    return { status: 404, body: { error: { code: "NotFound", message: `The operation '${opId}' was not found.` } } };
  }
  const body = ctx.lro.statusBody(op);
  return ok({ ...body, id: `${vault.id}/replicationOperationStatus/${op.id}` });
}

/** 202 + Azure-AsyncOperation (+ Location to the changed object, for the SDK's final GET) + Retry-After. */
export function acceptedReply(
  ctx: RequestContext,
  vault: StoredResource,
  started: JobStarted,
  locationPath?: string,
): Reply {
  const headers: Record<string, string> = {
    "Azure-AsyncOperation": ctx.url(
      `${vault.id}/replicationOperationStatus/${started.op.id}?api-version=${ctx.apiVersion}`,
    ),
  };
  if (locationPath) headers.Location = ctx.url(`${locationPath}?api-version=${ctx.apiVersion}`);
  const retry = ctx.lro.reply(started.op, "", { status: 202 }).headers?.["Retry-After"];
  if (retry) headers["Retry-After"] = retry;
  return { status: 202, headers };
}
