import {
  getLoadBalancer,
  isPreconditionFailed,
  putLoadBalancer,
  type AzureAccess,
  type LoadBalancerInfo,
  type LoadBalancerSpec,
} from "@/lib/azure";
import { Conflict, type FieldErrors } from "@/lib/errors";
import type { JobContext } from "@/lib/jobs/define-job";
import { resume } from "@/lib/jobs/wait-step";
import { loadLbForJob, refreshCache } from "./cache";

export const MAX_SAVE_ATTEMPTS = 5;
export const WAIT_STEP = "Wait for Azure to apply it";
export const REFRESH = "Refresh the portal's copy";

/** Field errors as one sentence, for a change that no longer fits the load balancer as read now. */
export const errorMessages = (errors: FieldErrors) =>
  Object.values(errors)
    .flatMap((m) => m ?? [])
    .join(" ");

/**
 * One change saved with If-Match, then the portal's copy refreshed: the whole of lb.update, lb.addRule and
 * lb.removeRule, which differ only in what they change (`apply`).
 */
export async function saveAndRefresh(
  op: JobContext,
  loadBalancerId: string,
  what: string,
  apply: (current: LoadBalancerInfo) => LoadBalancerSpec | null,
) {
  const { lb, ref, azureSubscriptionId } = await loadLbForJob(loadBalancerId);
  await op.plan([...saveSteps(what), REFRESH]);
  const access = await op.azureAccess(azureSubscriptionId);
  await saveWithIfMatch(op, access, ref, { what, before: [], after: [REFRESH], apply });
  await op.step(REFRESH, () => refreshCache(access, lb, { source: "operation", operationId: op.operationId }));
}

const suffix = (attempt: number) => (attempt === 1 ? "" : ` · attempt ${attempt}`);
const attemptSteps = (attempt: number, what: string) => [
  `Read load balancer and its ETag${suffix(attempt)}`,
  `${what}${suffix(attempt)}`,
  `Save with If-Match${suffix(attempt)}`,
];

/** The step names of a save that took `attempts` rounds (the timeline grows by one round per 412). */
export function saveSteps(what: string, attempts = 1) {
  return [...Array.from({ length: attempts }, (_, i) => attemptSteps(i + 1, what)).flat(), WAIT_STEP];
}

type Saved = { state: "stale" } | { state: "saved"; continuation?: string } | { state: "unchanged" };

/**
 * Read → apply → PUT with If-Match, as recorded steps. A 412 means someone changed the load balancer after our read:
 * read it again and re-apply the change to what is there now (`apply` throws Conflict when it no longer fits, which
 * ends the operation with that message). Never writes without the ETag it read, so nothing is silently overwritten.
 * Steps replay from their stored results after a reschedule, so the rounds stay the same on every run.
 */
export async function saveWithIfMatch(
  op: JobContext,
  access: AzureAccess,
  ref: { resourceGroup: string; name: string },
  change: {
    what: string;
    before: string[];
    after: string[];
    apply: (current: LoadBalancerInfo) => LoadBalancerSpec | null;
  },
): Promise<"saved" | "unchanged"> {
  for (let attempt = 1; ; attempt++) {
    const [readStep, applyStep, saveStep] = attemptSteps(attempt, change.what);
    const current = await op.step(readStep, async () => {
      const lb = await getLoadBalancer(access, ref.resourceGroup, ref.name);
      if (!lb) throw new Conflict(`Load balancer ${ref.name} no longer exists in ${ref.resourceGroup}.`);
      op.note(`ETag ${lb.etag}`);
      return lb;
    });
    const desired = await op.step(applyStep, async () => {
      const next = change.apply(current);
      if (!next) op.note("Azure already has this change");
      return next;
    });
    const saved = await op.step<Saved>(saveStep, async () => {
      if (!desired) return { state: "unchanged" };
      try {
        const progress = await putLoadBalancer(access, ref.resourceGroup, ref.name, desired, { ifMatch: current.etag });
        return { state: "saved", continuation: progress.done ? undefined : progress.continuation };
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
        op.note("Changed by someone else since it was read (412): read it again and re-apply");
        return { state: "stale" };
      }
    });
    if (saved.state === "stale") {
      if (attempt >= MAX_SAVE_ATTEMPTS) {
        throw new Conflict(
          `${ref.name} kept changing while this was being saved (${MAX_SAVE_ATTEMPTS} attempts); nothing was overwritten. Try again.`,
        );
      }
      await op.plan([...change.before, ...saveSteps(change.what, attempt + 1), ...change.after]);
      continue;
    }
    // The result is not kept (the refresh reads the load balancer again); `true` because a step result cannot be null.
    await op
      .arm(access)
      .wait<unknown>(
        WAIT_STEP,
        saved.state === "saved" && saved.continuation ? resume(saved.continuation) : { done: true, result: true },
      );
    return saved.state;
  }
}
