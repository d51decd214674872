/**
 * When an admin may cancel an operation of each kind (issue 12):
 * - "betweenSteps" (kinds not listed): while queued, or running: it stops at the next step boundary. A step waiting on
 *   another operation (nothing sent to Azure yet) is a boundary each time it looks again; a step waiting on Azure
 *   finishes first, so the follow-up (onFailed) settles a target whose Azure state it knows.
 * - "anytime": as betweenSteps, and it also stops while a step waits on Azure, for kinds whose waits only watch a change
 *   Azure carries on with regardless (a provider registration: GETs of the provider).
 * - "queued": only before it starts. Once one of its steps has changed Azure, its follow-up cannot put the target back
 *   (a deleted VM settled as "Succeeded", a removed frontend still shown), so it runs to its end.
 * A table rather than a field of defineJob, because the web process (which refuses the cancel and hides the button)
 * never loads the job handlers; like lib/jobs/timings.ts, the operation-kind catalogue takes it over.
 */
export type CancelPolicy = "queued" | "betweenSteps" | "anytime";

export const cancelPolicies: Record<string, CancelPolicy> = {
  "subscription.registerProviders": "anytime",
  "dr.followReplication": "anytime",
  // A delete that has happened, or disks detached but not yet deleted: the follow-up would show what is gone as healthy.
  "vm.delete": "queued",
  "vm.resize": "queued",
  "vm.setDataDisks": "queued",
  "tenantSubscription.deprovision": "queued",
  // Azure finishes an ASR action whatever the portal does; stopping after it would record the item's old state.
  "dr.enableProtection": "queued",
  "dr.disableProtection": "queued",
  "dr.testFailover": "queued",
  "dr.testFailoverCleanup": "queued",
  "dr.plannedFailover": "queued",
  "dr.unplannedFailover": "queued",
  "dr.commit": "queued",
  "dr.failback": "queued",
  "dr.reprotect": "queued",
  // After the If-Match save the change is in Azure, while the portal's copy (and a frontend's public IP) would not say so.
  "lb.update": "queued",
  "lb.addFrontend": "queued",
  "lb.removeFrontend": "queued",
  "lb.addRule": "queued",
  "lb.removeRule": "queued",
};

export function cancelPolicyOf(kind: string): CancelPolicy {
  return cancelPolicies[kind] ?? "betweenSteps";
}

/** Whether an admin may ask to cancel it now (a cancel already asked for is the caller's business). */
export function isCancellable(kind: string, state: string) {
  return state === "queued" || (state === "running" && cancelPolicyOf(kind) !== "queued");
}
