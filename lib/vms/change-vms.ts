import type { TenantContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound, notFoundInTenant, QuotaExceeded } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { getPlanOffer, lockTenantSubscription, quotaLines } from "@/lib/tenancy/plan-offer";
import { quotaOverruns } from "@/lib/tenancy/quota";
import { kinds, type OperationKind } from "@/lib/operations/kinds";

export type VmAction = "start" | "stop" | "restart" | "delete";

const actionRules: Record<
  VmAction,
  { kind: OperationKind; state: string; allowedFrom: (power: string | null) => boolean; refusal: string }
> = {
  start: {
    kind: kinds.vm.start,
    state: "Updating",
    allowedFrom: (p) => p !== "running",
    refusal: "is already running",
  },
  stop: {
    kind: kinds.vm.stop,
    state: "Updating",
    allowedFrom: (p) => p !== "deallocated",
    refusal: "is already stopped (deallocated)",
  },
  restart: {
    kind: kinds.vm.restart,
    state: "Updating",
    allowedFrom: (p) => p === "running",
    refusal: "is not running",
  },
  delete: { kind: kinds.vm.delete, state: "Deleting", allowedFrom: () => true, refusal: "" },
};

async function getVmForChange(tx: Tx, ctx: TenantContext, vmId: string) {
  const vm = await tx.virtualMachine.findFirst({
    where: { id: vmId, tenantId: ctx.tenantId },
    include: { tenantSubscription: { select: { plan: { select: { azureSubscriptionId: true } } } } },
  });
  if (!vm) throw notFoundInTenant(ctx, "Virtual machine", { type: "VirtualMachine", id: vmId });
  return vm;
}

function assertIdle(vm: { name: string; provisioningState: string }, allowFailed = false) {
  if (vm.provisioningState === "Succeeded" || (allowFailed && vm.provisioningState === "Failed")) return;
  throw new Conflict(
    `${vm.name} is ${vm.provisioningState.toLowerCase()}: wait until the current operation has finished.`,
  );
}

async function enqueueVmOperation(
  tx: Tx,
  ctx: TenantContext,
  vm: { id: string; name: string; tenantSubscription: { plan: { azureSubscriptionId: string } } },
  kind: OperationKind,
  input: Record<string, unknown>,
) {
  return enqueueOperation(tx, {
    kind,
    tenantId: ctx.tenantId,
    actorId: ctx.user.id,
    azureSubscriptionId: vm.tenantSubscription.plan.azureSubscriptionId,
    target: { type: "VirtualMachine", id: vm.id, name: vm.name },
    input: { vmId: vm.id, ...input },
  });
}

/** Start, stop (deallocate), restart or delete one VM: marks the intent and enqueues the operation. */
export async function runVmAction(ctx: TenantContext, vmId: string, action: VmAction) {
  const rule = actionRules[action];
  return db.$transaction(async (tx) => {
    const vm = await getVmForChange(tx, ctx, vmId);
    assertIdle(vm, action === "delete");
    if (!rule.allowedFrom(vm.powerState)) throw new Conflict(`${vm.name} ${rule.refusal}.`);
    await tx.virtualMachine.update({
      where: { id: vm.id },
      data: { provisioningState: rule.state, errorMessage: null },
    });
    await recordAudit(
      {
        action: rule.kind,
        actor: ctx.user,
        tenantId: ctx.tenantId,
        target: { type: "VirtualMachine", id: vm.id, name: vm.name },
      },
      tx,
    );
    // A VM whose create failed may never have reached Azure as a VM: deleting it cleans up what the create left behind.
    return enqueueVmOperation(
      tx,
      ctx,
      vm,
      rule.kind,
      action === "delete" ? { afterFailedCreate: vm.provisioningState === "Failed" } : {},
    );
  });
}

/** The same action on several VMs: each gets its own operation; VMs that cannot take it are reported, not fatal. */
export async function runBulkVmAction(ctx: TenantContext, vmIds: string[], action: VmAction) {
  const results = [];
  for (const id of vmIds) {
    try {
      results.push({ id, ok: true as const, operationId: (await runVmAction(ctx, id, action)).id });
    } catch (error) {
      results.push({ id, ok: false as const, message: error instanceof Error ? error.message : "Failed" });
    }
  }
  return results;
}

/** Resize to a plan size available in the VM's region, within the vCPU quota (checked under the subscription's lock). */
export async function requestResize(ctx: TenantContext, vmId: string, size: string) {
  const vm0 = await db.virtualMachine.findFirst({
    where: { id: vmId, tenantId: ctx.tenantId },
    select: { tenantSubscriptionId: true },
  });
  if (!vm0) throw notFoundInTenant(ctx, "Virtual machine", { type: "VirtualMachine", id: vmId });
  const offer = await getPlanOffer(ctx, vm0.tenantSubscriptionId);
  return db.$transaction(async (tx) => {
    await lockTenantSubscription(tx, vm0.tenantSubscriptionId);
    const vm = await getVmForChange(tx, ctx, vmId);
    assertIdle(vm);
    const target = offer.sizes.find((s) => s.name === size);
    if (!target || !target.regions.includes(vm.region))
      throw new InvalidInput({ size: [`Your plan does not offer ${size} in ${vm.region}.`] });
    if (target.name === vm.size) throw new InvalidInput({ size: ["The VM already has this size."] });
    const [vcpus] = await quotaLines(tx, vm.tenantSubscriptionId, { vcpus: target.vCpus - vm.vcpus });
    if (quotaOverruns([vcpus]).length) {
      throw new QuotaExceeded(
        `Resizing to ${target.name} needs ${vcpus.adding} more vCPUs; your plan allows ${vcpus.limit} and ${vcpus.used} are in use.`,
      );
    }
    await tx.virtualMachine.update({
      where: { id: vm.id },
      data: { provisioningState: "Updating", errorMessage: null },
    });
    await recordAudit(
      {
        action: "vm.resize",
        actor: ctx.user,
        tenantId: ctx.tenantId,
        target: { type: "VirtualMachine", id: vm.id, name: vm.name },
        detail: { from: vm.size, to: target.name },
      },
      tx,
    );
    return enqueueVmOperation(tx, ctx, vm, kinds.vm.resize, {
      size: target.name,
      vcpus: target.vCpus,
      memoryMb: target.memoryMb,
    });
  });
}

/** Adds an empty data disk at the next free LUN, or removes the disk at a LUN (the job converges on the full list). */
export async function changeDataDisks(
  ctx: TenantContext,
  vmId: string,
  change: { add: number } | { removeLun: number },
) {
  return db.$transaction(async (tx) => {
    const vm = await getVmForChange(tx, ctx, vmId);
    assertIdle(vm);
    const disks = vm.dataDisks as { lun: number; sizeGb: number }[];
    const size = (await getPlanOffer(ctx, vm.tenantSubscriptionId)).sizes.find((s) => s.name === vm.size);
    let next: { lun: number; sizeGb: number }[];
    let summary: string;
    if ("add" in change) {
      if (size && disks.length >= size.maxDataDisks)
        throw new InvalidInput({ sizeGb: [`${vm.size} takes at most ${size.maxDataDisks} data disks.`] });
      const lun = [...Array(64).keys()].find((l) => !disks.some((d) => d.lun === l))!;
      next = [...disks, { lun, sizeGb: change.add }];
      summary = `Add a ${change.add} GiB data disk at LUN ${lun}`;
    } else {
      if (!disks.some((d) => d.lun === change.removeLun)) throw new NotFound("Data disk");
      next = disks.filter((d) => d.lun !== change.removeLun);
      summary = `Detach the data disk at LUN ${change.removeLun}`;
    }
    await tx.virtualMachine.update({
      where: { id: vm.id },
      data: { provisioningState: "Updating", errorMessage: null },
    });
    await recordAudit(
      {
        action: "vm.setDataDisks",
        actor: ctx.user,
        tenantId: ctx.tenantId,
        target: { type: "VirtualMachine", id: vm.id, name: vm.name },
        detail: { summary },
      },
      tx,
    );
    return enqueueVmOperation(tx, ctx, vm, kinds.vm.setDataDisks, { disks: next, summary });
  });
}
