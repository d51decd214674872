import { requiredPropertyMissing } from "../../core/errors.js";
import type { RequestContext } from "../../core/plugin.js";
import type { EffectHandler } from "../../core/lro.js";
import type { StoredResource } from "../../core/state.js";
import { asrError, getAt, props, vaultOf } from "./common.js";
import { acceptedReply, startJob } from "./jobs.js";
import { itemInternal, itemView, recoveryPoints } from "./protected-model.js";
import { applyItemAction } from "./failover-effects.js";

/** Protected item actions (POST …/replicationProtectedItems/{item}/{action}); each runs as an ASR job (AZURE-FACTS §8). */
interface ActionSpec {
  /** allowedOperations entry that must be present. */
  allowed: string;
  scenarioName: string;
  friendlyName: string;
  tasks: string[];
  seconds: number;
  /** The job waits for ReplicationJobs_Resume after this many tasks. */
  suspendAfterTask?: number;
}

const bad = (code: string, message: string) =>
  asrError(
    400,
    code,
    message,
    "The request is not valid for this virtual machine.",
    "Correct the request and retry the operation.",
  );

export function notAllowed(item: StoredResource, view: Record<string, unknown>, operation: string) {
  const p = view.properties as { protectionState: string; allowedOperations: string[] };
  return asrError(
    400,
    "ProtectedItemOperationNotAllowed",
    `The operation '${operation}' isn't allowed for the virtual machine '${String(props(item).friendlyName)}' in its current state '${p.protectionState}'. Allowed operations: ${p.allowedOperations.join(", ") || "none"}.`,
    "Another operation is in progress, or the virtual machine is not in a state that allows this operation.",
    "Wait for running jobs to finish and check the allowed operations of the replicated item.",
  );
}

function itemFor(ctx: RequestContext): { vault: StoredResource; item: StoredResource; view: Record<string, unknown> } {
  const vault = vaultOf(ctx);
  const itemPath = ctx.path.replace(/\/[^/]+$/, "");
  const item = getAt(ctx, "ProtectedItem", ctx.params.itemName, itemPath);
  return { vault, item, view: itemView(ctx.store, ctx.clock, item) };
}

function latestPoint(ctx: RequestContext, item: StoredResource, wanted?: string): string | undefined {
  const points = recoveryPoints(item, ctx.clock);
  if (!wanted) return points[0]?.id;
  const found = points.find((p) => p.id.toLowerCase() === wanted.toLowerCase() || p.name === wanted);
  if (!found)
    throw bad(
      "RecoveryPointNotFound",
      `The recovery point '${wanted}' was not found or is outside the retention window.`,
    );
  return found.id;
}

function run(
  ctx: RequestContext,
  spec: ActionSpec,
  args: Record<string, unknown>,
  prepare?: (item: StoredResource) => void,
) {
  const { vault, item, view } = itemFor(ctx);
  if (!(view.properties as { allowedOperations: string[] }).allowedOperations.includes(spec.allowed))
    throw notAllowed(item, view, spec.allowed);
  prepare?.(item);
  const started = startJob(ctx, vault, {
    scenarioName: spec.scenarioName,
    friendlyName: spec.friendlyName,
    targetObjectId: item.body.name as string,
    targetObjectName: String(props(item).friendlyName),
    targetInstanceType: "ProtectionEntity",
    tasks: spec.tasks,
    durationSeconds: spec.seconds,
    suspendAfterTask: spec.suspendAfterTask,
    effect: { name: "asr.itemAction", args: { ...args, itemId: item.id } },
  });
  const internal = itemInternal(item);
  internal.pending = { scenarioName: spec.scenarioName, jobId: started.jobId, startMs: ctx.clock.now() };
  ctx.store.markDirty();
  // The item is gone when a disable job ends, so there is no final object to point Location at.
  return acceptedReply(ctx, vault, started, args.action === "disable" ? undefined : item.id);
}

const psdOf = (ctx: RequestContext) =>
  (ctx.body.properties?.providerSpecificDetails ?? {}) as Record<string, string | undefined>;
function assertDirection(ctx: RequestContext, expected: string) {
  const d = ctx.body.properties?.failoverDirection;
  if (d !== undefined && d !== expected)
    throw bad(
      "InvalidFailoverDirection",
      `The failover direction '${String(d)}' is not valid now; expected '${expected}'.`,
    );
}
function assertProvider(ctx: RequestContext, expected: string) {
  const t = psdOf(ctx).instanceType;
  if (t === undefined) throw requiredPropertyMissing("properties.providerSpecificDetails.instanceType");
  if (t !== expected)
    throw bad(
      "InvalidReplicationProvider",
      `The provider input '${String(t)}' is not valid for this operation; use '${expected}'.`,
    );
}

export function testFailover(ctx: RequestContext) {
  assertDirection(ctx, "PrimaryToRecovery");
  assertProvider(ctx, "HyperVReplicaAzure");
  const { item } = itemFor(ctx);
  const p = (ctx.body.properties ?? {}) as Record<string, string | undefined>;
  const vault = vaultOf(ctx);
  if ((p.networkType ?? "VmNetworkAsInput") === "VmNetworkAsInput") {
    if (!p.networkId) throw requiredPropertyMissing("properties.networkId");
    const vnet = ctx.store.getResource(p.networkId);
    if (!vnet || !/\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i.test(vnet.id))
      throw bad(
        "AzureNetworkNotFound",
        `The Azure virtual network '${p.networkId}' was not found or you do not have access to it.`,
      );
    if (vnet.body.location !== vault.body.location)
      throw bad(
        "AzureNetworkLocationMismatch",
        `The Azure virtual network '${String(vnet.body.name)}' must be in the vault's region ('${String(vault.body.location)}').`,
      );
  }
  const recoveryPointId = latestPoint(ctx, item, psdOf(ctx).recoveryPointId);
  return run(
    ctx,
    {
      allowed: "TestFailover",
      scenarioName: "TestFailover",
      friendlyName: "Test failover",
      seconds: 60,
      tasks: [
        "Prerequisites check for test failover",
        "Create test virtual machine",
        "Preparing the virtual machine",
        "Start the virtual machine",
      ],
    },
    {
      action: "testFailover",
      networkId: p.networkType === "NoNetworkAttachAsInput" ? undefined : p.networkId,
      recoveryPointId,
    },
  );
}

export function testFailoverCleanup(ctx: RequestContext) {
  const comments = ctx.body.properties?.comments;
  if (comments !== undefined && (typeof comments !== "string" || comments.length > 1024))
    throw bad("InvalidComments", "The test failover comments must be at most 1024 characters.");
  return run(
    ctx,
    {
      allowed: "TestFailoverCleanup",
      scenarioName: "TestFailoverCleanup",
      friendlyName: "Cleanup test failover",
      seconds: 30,
      tasks: ["Delete test virtual machine", "Complete testing"],
    },
    { action: "testFailoverCleanup", comments },
  );
}

export function plannedFailover(ctx: RequestContext) {
  const { item } = itemFor(ctx);
  if (itemInternal(item).stage === "failoverCommitted") {
    assertDirection(ctx, "RecoveryToPrimary");
    assertProvider(ctx, "HyperVReplicaAzureFailback");
    const { dataSyncOption, recoveryVmCreationOption } = psdOf(ctx);
    if (dataSyncOption && !["ForDownTime", "ForSynchronization"].includes(dataSyncOption))
      throw bad(
        "InvalidDataSyncOption",
        `The data sync option '${dataSyncOption}' is not valid; use ForDownTime or ForSynchronization.`,
      );
    if (recoveryVmCreationOption && !["CreateVmIfNotFound", "NoAction"].includes(recoveryVmCreationOption))
      throw bad(
        "InvalidRecoveryVmCreationOption",
        `The VM creation option '${recoveryVmCreationOption}' is not valid; use CreateVmIfNotFound or NoAction.`,
      );
    // "Synchronize data before failover" copies a snapshot while the Azure VM keeps running, then waits until the
    // user chooses "Complete Failover" (the job is Suspended until ReplicationJobs_Resume), shuts the Azure VM down and
    // sends the last changes; "during failover only" shuts it down first and downloads the disks (Microsoft Learn,
    // "Run a failback for Hyper-V VMs").
    const tasks =
      dataSyncOption === "ForSynchronization"
        ? [
            "Prerequisites check for failback",
            "Synchronizing data while the virtual machine in Azure runs",
            "Shut down the virtual machine in Azure",
            "Synchronizing the final changes",
            "Start the on-premises virtual machine",
          ]
        : [
            "Prerequisites check for failback",
            "Shut down the virtual machine in Azure",
            "Synchronizing data",
            "Prepare the on-premises virtual machine",
            "Start the on-premises virtual machine",
          ];
    return run(
      ctx,
      {
        allowed: "PlannedFailover",
        scenarioName: "PlannedFailover",
        friendlyName: "Planned failover",
        seconds: dataSyncOption === "ForSynchronization" ? 180 : 120,
        tasks,
        ...(dataSyncOption === "ForSynchronization" ? { suspendAfterTask: 2 } : {}),
      },
      { action: "failback" },
    );
  }
  assertDirection(ctx, "PrimaryToRecovery");
  assertProvider(ctx, "HyperVReplicaAzure");
  assertTargetConfigured(item);
  return run(
    ctx,
    {
      allowed: "PlannedFailover",
      scenarioName: "PlannedFailover",
      friendlyName: "Planned failover",
      seconds: 120,
      tasks: [
        "Prerequisites check for planned failover",
        "Shut down the virtual machine",
        "Synchronizing data",
        "Create the virtual machine in Azure",
        "Start the replica virtual machine",
      ],
    },
    { action: "failover" },
  );
}

export function unplannedFailover(ctx: RequestContext) {
  assertDirection(ctx, "PrimaryToRecovery");
  assertProvider(ctx, "HyperVReplicaAzure");
  const { item } = itemFor(ctx);
  const source = ctx.body.properties?.sourceSiteOperations ?? "NotRequired";
  if (!["Required", "NotRequired"].includes(source))
    throw bad(
      "InvalidSourceSiteOperations",
      `The source site operations value '${String(source)}' is not valid; use Required or NotRequired.`,
    );
  assertTargetConfigured(item);
  const recoveryPointId = latestPoint(ctx, item, psdOf(ctx).recoveryPointId);
  const tasks = [
    "Prerequisites check for failover",
    ...(source === "Required" ? ["Shut down the virtual machine"] : []),
    "Create the virtual machine in Azure",
    "Start the replica virtual machine",
  ];
  return run(
    ctx,
    { allowed: "UnplannedFailover", scenarioName: "UnplannedFailover", friendlyName: "Failover", seconds: 90, tasks },
    { action: "failover", recoveryPointId, unplanned: true },
  );
}

function assertTargetConfigured(item: StoredResource) {
  const psd = props(item).providerSpecificDetails as Record<string, unknown>;
  if (!psd.selectedRecoveryAzureNetworkId)
    throw bad(
      "TargetNetworkNotConfigured",
      `Configure a target Azure network for '${String(props(item).friendlyName)}' before failover.`,
    );
}

export const failoverCommit = (ctx: RequestContext) =>
  run(
    ctx,
    {
      allowed: "Commit",
      scenarioName: "CommitFailover",
      friendlyName: "Commit",
      seconds: 20,
      tasks: ["Prerequisites check", "Commit"],
    },
    { action: "commit" },
  );

/**
 * Change recovery point (ApplyRecoveryPoint, allowedOperations "ChangePit"): only between a failover and its commit,
 * to one of the recovery points kept when replication stopped.
 */
export function applyRecoveryPoint(ctx: RequestContext) {
  assertProvider(ctx, "HyperVReplicaAzure");
  const wanted = (ctx.body.properties as { recoveryPointId?: unknown } | undefined)?.recoveryPointId;
  if (typeof wanted !== "string" || !wanted) throw requiredPropertyMissing("properties.recoveryPointId");
  const { item, view } = itemFor(ctx);
  if (!(view.properties as { allowedOperations: string[] }).allowedOperations.includes("ChangePit"))
    throw notAllowed(item, view, "ChangePit");
  const recoveryPointId = latestPoint(ctx, item, wanted);
  return run(
    ctx,
    {
      allowed: "ChangePit",
      scenarioName: "ChangePit",
      friendlyName: "Change recovery point",
      seconds: 60,
      tasks: ["Prerequisites check", "Apply the recovery point to the virtual machine in Azure"],
    },
    { action: "changePit", recoveryPointId },
  );
}

export function reProtect(ctx: RequestContext) {
  assertProvider(ctx, "HyperVReplicaAzure");
  const account = psdOf(ctx).storageAccountId;
  if (account && !ctx.store.getResource(account))
    throw bad(
      "TargetStorageAccountNotFound",
      `The storage account '${account}' was not found or you do not have access to it.`,
    );
  return run(
    ctx,
    {
      allowed: "ReverseReplicate",
      scenarioName: "ReverseReplicate",
      friendlyName: "Reverse replicate",
      seconds: 60,
      tasks: ["Prerequisites check", "Reverse replication", "Updating the provider states"],
    },
    { action: "reprotect", storageAccountId: account },
  );
}

export const disableProtection = (ctx: RequestContext) =>
  run(
    ctx,
    {
      allowed: "DisableProtection",
      scenarioName: "DisableDr",
      friendlyName: "Disable protection",
      seconds: 30,
      tasks: ["Prerequisites check", "Disable replication", "Updating the provider states"],
    },
    { action: "disable" },
  );

export const itemEffects: Record<string, EffectHandler> = { "asr.itemAction": applyItemAction };
