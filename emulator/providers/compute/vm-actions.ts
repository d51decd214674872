import type { Reply, RequestContext } from "../../core/plugin.js";
import { DURATIONS, NS, VM_TYPE } from "./constants.js";
import { operationNotAllowed } from "./errors.js";
import { assertNoOperation, getVm, vmIdOf, type ActionName } from "./vm-common.js";
import { setVm, vmInternal, type PowerState } from "./vm-state.js";

/**
 * Power actions as 202 + LRO. Repeating the state a VM is already in succeeds quickly without changing it,
 * as Azure does; restart needs a running VM.
 */
interface Transition {
  /** Power state while the operation runs and when it ends. */
  during: PowerState;
  final: PowerState;
}

function plan(
  action: Exclude<ActionName, "create" | "update" | "resize" | "delete">,
  current: PowerState,
  vmName: string,
): Transition | "noop" {
  switch (action) {
    case "start":
      return current === "running" ? "noop" : { during: "starting", final: "running" };
    case "powerOff":
      return current === "stopped" || current === "deallocated" ? "noop" : { during: "stopping", final: "stopped" };
    case "deallocate":
      return current === "deallocated" ? "noop" : { during: "deallocating", final: "deallocated" };
    case "restart":
      if (current !== "running")
        throw operationNotAllowed(`Operation 'restart' is not allowed on VM '${vmName}' since the VM is ${current}.`);
      return { during: "starting", final: "running" };
  }
}

export function powerAction(action: "start" | "powerOff" | "restart" | "deallocate") {
  return (ctx: RequestContext): Reply => {
    const vm = getVm(ctx);
    assertNoOperation(ctx, vm, action);
    const current = vmInternal(vm).powerState;
    const step = plan(action, current, String(vm.body.name));
    const transition = step === "noop" ? { during: current, final: current } : step;
    setVm(ctx.store, vm, {
      properties: { provisioningState: "Updating" },
      internal: { powerState: transition.during, changedAt: ctx.clock.iso() },
    });
    const op = ctx.lro.begin({
      resourceId: vm.id,
      kind: "action",
      durationSeconds: step === "noop" ? 1 : DURATIONS[action],
      apiVersion: ctx.apiVersion,
      namespace: NS,
      location: String(vm.body.location),
      effects: [{ name: "compute.vmPowerState", args: { vmId: vm.id, state: transition.final, action } }],
      // The SDK accepts only 200/202 on the final Location poll of a VM action; the core answers 204 without a result.
      result: null,
    });
    return ctx.lro.reply(op, ctx.url(""), { status: 202 });
  };
}

/** DELETE: 204 when absent; otherwise a delete LRO whose effect applies the disks' and NICs' deleteOption. */
export function deleteVm(ctx: RequestContext): Reply {
  const vm = ctx.store.getResource(vmIdOf(ctx));
  if (!vm || vm.type !== VM_TYPE.toLowerCase()) return { status: 204 };
  assertNoOperation(ctx, vm, "delete");
  const force = (ctx.query.get("forceDeletion") ?? "").toLowerCase() === "true";
  const op = ctx.lro.begin({
    resourceId: vm.id,
    kind: "delete",
    durationSeconds: force ? DURATIONS.delete / 2 : DURATIONS.delete,
    apiVersion: ctx.apiVersion,
    namespace: NS,
    location: String(vm.body.location),
    effects: [{ name: "compute.vmDeleted", args: { vmId: vm.id } }],
  });
  return ctx.lro.reply(op, ctx.url(""), { status: 202 });
}
