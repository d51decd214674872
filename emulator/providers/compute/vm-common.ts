import { ArmError, resourceNotFound } from "../../core/errors.js";
import type { RequestContext } from "../../core/plugin.js";
import type { StoredResource } from "../../core/state.js";
import { VM_TYPE, type DURATIONS } from "./constants.js";
import { operationNotAllowed } from "./errors.js";
import { findSize } from "./sizes.js";
import { vmSizeName } from "./vm-state.js";

export type ActionName = keyof typeof DURATIONS;

export const groupIdOf = (ctx: RequestContext) =>
  `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`;
export const vmIdOf = (ctx: RequestContext) =>
  `${groupIdOf(ctx)}/providers/Microsoft.Compute/virtualMachines/${ctx.params.vmName}`;

export function getVm(ctx: RequestContext): StoredResource {
  const r = ctx.store.getResource(vmIdOf(ctx));
  if (!r || r.type !== VM_TYPE.toLowerCase())
    throw resourceNotFound(VM_TYPE, ctx.params.vmName, ctx.params.resourceGroupName);
  return r;
}

/** Compute serialises operations on a VM; a second one while the first runs is refused (wording unconfirmed). */
export function assertNoOperation(ctx: RequestContext, vm: StoredResource, attempted: string): void {
  const active = ctx.lro.activeFor(vm.id);
  if (!active) return;
  const running =
    active.kind === "action"
      ? String((active.effects[0]?.args as { action?: string } | undefined)?.action ?? "action")
      : active.kind;
  throw operationNotAllowed(
    `Operation '${attempted}' is not allowed on VM '${String(vm.body.name)}' since another operation '${running}' is in progress. Retry after it completes.`,
  );
}

/** vCPUs of every VM of the subscription in a region, allocated or deallocated (quotas.md), optionally minus one VM. */
export function regionalCores(ctx: RequestContext, location: string, exceptId?: string): number {
  return ctx.store
    .listResources({ subscriptionId: ctx.params.subscriptionId, type: VM_TYPE })
    .filter((r) => String(r.body.location) === location && r.id.toLowerCase() !== exceptId?.toLowerCase())
    .reduce((sum, r) => sum + (findSize(vmSizeName(r))?.numberOfCores ?? 0), 0);
}

export function requireSubscription(ctx: RequestContext) {
  if (!ctx.subscription) throw new ArmError(500, "InternalServerError", "No subscription in context.");
  return ctx.subscription;
}
