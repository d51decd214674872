import type { TenantContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound, notFoundInTenant, QuotaExceeded } from "@/lib/errors";
import { enqueueOperation, enqueueOperationNow } from "@/lib/jobs/enqueue";
import { quotaOverruns } from "@/lib/tenancy/quota";
import type { DrAction, EnableProtectionInput, FailoverActionInput } from "./schema";
import { kinds, operationKinds, type OperationKind } from "@/lib/operations/kinds";
import { busyWith } from "./rules";

export type OnPremVm = {
  armName: string;
  name: string;
  osType: "Windows" | "Linux";
  osName?: string;
  disks: { id: string; name: string; sizeGb: number; isOs: boolean }[];
  protectionStatus: string;
};

/** The tenant's cloud with its finished setup; everything tenant-side starts here, filtered by the caller's tenant. */
async function readySetup(ctx: TenantContext) {
  const setup = await db.tenantDrSetup.findFirst({
    where: { tenantId: ctx.tenantId },
    include: { container: true, tenantSubscription: { include: { plan: true } } },
  });
  if (!setup) throw new NotFound("Disaster recovery setup");
  if ([setup.targetsState, setup.policyState, setup.mappingState].some((s) => s !== "succeeded")) {
    throw new Conflict(
      "Disaster recovery is still being set up for you; protection can be enabled once every setup step has succeeded.",
    );
  }
  return setup;
}

/** Enables protection for one VM or a selection: one ProtectedItem row and one operation each, within the plan's quota. */
export async function enableProtection(ctx: TenantContext, input: EnableProtectionInput) {
  const setup = await readySetup(ctx);
  if (!setup.tenantSubscription.plan.offersDr) throw new Conflict("Your plan does not include disaster recovery.");
  const vms = setup.container.vms as OnPremVm[];
  const chosen = input.vms.map((v) => ({ ...v, vm: vms.find((x) => x.armName === v.armName) }));
  const unknown = chosen.filter((c) => !c.vm);
  if (unknown.length) throw new NotFound("Virtual machine");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from "TenantDrSetup" where id = ${setup.id} for update`;
    const existing = await tx.protectedItem.findMany({
      where: { tenantId: ctx.tenantId, containerId: setup.containerId },
      select: { armName: true },
    });
    const already = chosen.filter((c) => existing.some((e) => e.armName === c.armName));
    if (already.length)
      throw new Conflict(
        `${already.map((c) => c.vm!.name).join(", ")} ${already.length === 1 ? "is" : "are"} already protected.`,
      );
    const limit = setup.tenantSubscription.plan.quotaProtectedVms;
    if (quotaOverruns([{ what: "protected VMs", used: existing.length, adding: chosen.length, limit }]).length)
      throw new QuotaExceeded(
        `Your plan protects at most ${limit} VMs: ${existing.length} protected + ${chosen.length} requested.`,
      );
    const created = [];
    for (const c of chosen) {
      const vm = c.vm!;
      const item = await tx.protectedItem.create({
        data: {
          tenantId: ctx.tenantId,
          containerId: setup.containerId,
          armName: vm.armName,
          vmName: vm.name,
          targetVmName: c.targetVmName || vm.name,
          targetSize: c.targetSize || null,
          osType: c.osType ?? vm.osType,
          osDiskId: vm.disks.find((d) => d.isOs)?.id ?? null,
          subnetName: input.subnetName || setup.subnetName,
          allowedOperations: [],
        },
      });
      const op = await enqueueOperation(tx, {
        kind: kinds.dr.enableProtection,
        tenantId: ctx.tenantId,
        actorId: ctx.user.id,
        target: { type: "ProtectedItem", id: item.id, name: vm.name },
        input: { protectedItemId: item.id },
      });
      created.push({ id: item.id, name: vm.name, operationId: op.id });
    }
    await recordAudit(
      {
        action: "dr.enableProtection",
        actor: ctx.user,
        tenantId: ctx.tenantId,
        target: {
          type: "ProtectedItem",
          id: created[0].id,
          name: created
            .map((c) => c.name)
            .join(", ")
            .slice(0, 200),
        },
        detail: { count: created.length },
      },
      tx,
    );
    return created;
  });
}

/** Which of Azure's allowedOperations each portal action needs; checked against the last refresh before anything is sent. */
const NEEDS: Record<DrAction, string> = {
  testFailover: "TestFailover",
  testFailoverCleanup: "TestFailoverCleanup",
  plannedFailover: "PlannedFailover",
  unplannedFailover: "UnplannedFailover",
  commit: "Commit",
  failback: "PlannedFailover",
  reprotect: "ReverseReplicate",
  disableProtection: "DisableProtection",
};
const LABEL: Record<DrAction, string> = {
  testFailover: "Test failover",
  testFailoverCleanup: "Test failover cleanup",
  plannedFailover: "Planned failover",
  unplannedFailover: "Failover",
  commit: "Commit",
  failback: "Failback",
  reprotect: "Reprotect",
  disableProtection: "Disable protection",
};
export const drActionLabel = (a: DrAction) => LABEL[a];

export async function runDrAction(ctx: TenantContext, protectedItemId: string, input: FailoverActionInput) {
  const item = await db.protectedItem.findFirst({ where: { id: protectedItemId, tenantId: ctx.tenantId } });
  if (!item) throw notFoundInTenant(ctx, "Protected VM", { type: "ProtectedItem", id: protectedItemId });
  const failingBack = item.protectionState === "FailoverCommitted";
  if (input.action === "failback" && !failingBack)
    throw new Conflict(`${item.vmName} is not running in Azure; there is nothing to fail back.`);
  if (input.action === "plannedFailover" && failingBack)
    throw new Conflict(`${item.vmName} already runs in Azure; use Failback to return it on-premises.`);
  if (!item.allowedOperations.includes(NEEDS[input.action])) {
    throw new Conflict(
      `${LABEL[input.action]} is not possible for ${item.vmName} now (state: ${item.protectionDescription ?? item.protectionState ?? "unknown"}). Refresh, or wait for the running job to finish.`,
    );
  }
  if (input.action === "testFailoverCleanup" && input.notes.length > 1024)
    throw new InvalidInput({ notes: ["Notes are at most 1024 characters."] });
  const kind = `dr.${input.action}` as const;
  return db.$transaction(async (tx) => {
    // The item's row lock makes "nothing else is running on it" hold until this action is queued.
    await tx.$queryRaw`select id from "ProtectedItem" where id = ${item.id} for update`;
    const [current, operations] = await Promise.all([
      tx.protectedItem.findUniqueOrThrow({ where: { id: item.id }, select: { state: true } }),
      tx.operation.findMany({
        where: { targetType: "ProtectedItem", targetId: item.id, state: { in: ["queued", "running"] } },
        select: { kind: true, state: true },
      }),
    ]);
    const busy = busyWith(current, operations, kinds.dr.followReplication);
    if (busy) {
      const what =
        typeof busy === "string"
          ? `protection is being ${busy === "enabling" ? "enabled" : "disabled"}`
          : `${operationKinds[busy.kind as OperationKind]?.label ?? busy.kind} is ${busy.state}`;
      throw new Conflict(`${item.vmName} is busy: ${what}. Wait for it to finish, then try again.`);
    }
    if (input.action === "disableProtection")
      await tx.protectedItem.update({ where: { id: item.id, tenantId: ctx.tenantId }, data: { state: "disabling" } });
    await recordAudit(
      {
        action: kind,
        actor: ctx.user,
        tenantId: ctx.tenantId,
        target: { type: "ProtectedItem", id: item.id, name: item.vmName },
        detail: { ...input },
      },
      tx,
    );
    return enqueueOperation(tx, {
      kind,
      tenantId: ctx.tenantId,
      actorId: ctx.user.id,
      target: { type: "ProtectedItem", id: item.id, name: item.vmName },
      input: { protectedItemId: item.id, ...input },
    });
  });
}

/** Re-reads the tenant's protected items from Azure (also run on a schedule by the worker). */
export async function refreshProtection(ctx: TenantContext) {
  const setup = await db.tenantDrSetup.findFirst({
    where: { tenantId: ctx.tenantId },
    select: { id: true, container: { select: { friendlyName: true } } },
  });
  if (!setup) throw new NotFound("Disaster recovery setup");
  return enqueueOperationNow({
    kind: kinds.dr.refreshProtection,
    tenantId: ctx.tenantId,
    actorId: ctx.user.id,
    target: { type: "TenantDrSetup", id: setup.id, name: `${setup.container.friendlyName} replication` },
    input: { setupId: setup.id },
  });
}
