import { ok, type RequestContext, type RouteDef } from "../../core/plugin.js";
import { requiredPropertyMissing } from "../../core/errors.js";
import { asrError, getAt, listUnder, props, route, sameId, T, VAULT, vaultOf } from "./common.js";
import { acceptedReply, startJob } from "./jobs.js";
import { policySchema, policyUpdateSchema } from "./schemas.js";

/** Replication policies for Hyper-V to Azure (AZURE-FACTS §8). */
const POLICY = `${VAULT}/replicationPolicies/{policyName}`;
const INTERVALS = [30, 300, 900];
const JOB_SECONDS = 20;

const invalid = (code: string, message: string) =>
  asrError(
    400,
    code,
    message,
    "The replication policy settings are not valid.",
    "Correct the value and retry the operation.",
  );

export interface HyperVPolicySettings {
  replicationInterval: number;
  recoveryPointHistoryDurationInHours: number;
  applicationConsistentSnapshotFrequencyInHours: number;
  /** Absent = start initial replication at once (the spec has no x-nullable here, so null is never sent back). */
  onlineReplicationStartTime?: string;
}

function validateInput(
  ctx: RequestContext,
  input: Record<string, unknown>,
  vaultLocation: string,
): Record<string, unknown> {
  if (input.instanceType !== "HyperVReplicaAzure") {
    throw invalid(
      "InvalidReplicationProvider",
      `The replication provider '${String(input.instanceType)}' is not supported for this vault; use 'HyperVReplicaAzure' for Hyper-V to Azure.`,
    );
  }
  const interval = Number(input.replicationInterval ?? 300);
  if (!INTERVALS.includes(interval)) {
    throw invalid(
      "InvalidReplicationFrequency",
      `The copy frequency '${interval}' seconds is not supported. Supported values are 30, 300 and 900 seconds.`,
    );
  }
  const retention = Number(input.recoveryPointHistoryDuration ?? 0);
  if (!Number.isInteger(retention) || retention < 0 || retention > 24) {
    throw invalid(
      "InvalidRecoveryPointRetention",
      `The recovery point retention '${retention}' hours is not valid. It must be between 0 and 24 hours.`,
    );
  }
  const appFreq = Number(input.applicationConsistentSnapshotFrequencyInHours ?? 0);
  if (!Number.isInteger(appFreq) || appFreq < 0 || appFreq > 12 || appFreq > retention) {
    throw invalid(
      "InvalidAppConsistentSnapshotFrequency",
      `The app-consistent snapshot frequency '${appFreq}' hours is not valid. It must be between 0 and 12 hours and must not exceed the recovery point retention (${retention} hours).`,
    );
  }
  const start = input.onlineReplicationStartTime ?? null;
  if (start !== null && !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(String(start))) {
    throw invalid(
      "InvalidInitialReplicationStartTime",
      `The initial replication start time '${String(start)}' is not valid. Use HH:MM:SS or null to start immediately.`,
    );
  }
  const accounts = (input.storageAccounts as string[] | undefined) ?? [];
  for (const id of accounts) {
    const account = ctx.store.getResource(id);
    if (!account || !/\/providers\/Microsoft\.Storage\/storageAccounts\//i.test(id)) {
      throw invalid(
        "StorageAccountNotFound",
        `The storage account '${id}' was not found or you do not have access to it.`,
      );
    }
    if (String(account.body.location) !== vaultLocation) {
      throw invalid(
        "StorageAccountLocationMismatch",
        `The storage account '${String(account.body.name)}' is in '${String(account.body.location)}'. The target storage account must be in the same region as the vault ('${vaultLocation}').`,
      );
    }
  }
  return {
    instanceType: "HyperVReplicaAzure",
    recoveryPointHistoryDurationInHours: retention,
    applicationConsistentSnapshotFrequencyInHours: appFreq,
    replicationInterval: interval,
    ...(start !== null ? { onlineReplicationStartTime: String(start) } : {}),
    encryption: "Disabled",
    ...(accounts[0] ? { activeStorageAccountId: accounts[0] } : {}),
  };
}

function putPolicy(ctx: RequestContext) {
  const vault = vaultOf(ctx);
  // The spec leaves both optional (the body shape is checked against it before this runs), but a policy without
  // provider settings says nothing to create: name what is missing rather than echo an absent instanceType.
  const key = ctx.method === "PATCH" ? "replicationProviderSettings" : "providerSpecificInput";
  const input = (ctx.body.properties?.providerSpecificInput ?? ctx.body.properties?.replicationProviderSettings) as
    Record<string, unknown> | undefined;
  if (!input) throw requiredPropertyMissing(ctx.body.properties ? `properties.${key}` : "properties");
  const details = validateInput(ctx, input, String(vault.body.location));
  const existing = ctx.store.getResource(ctx.path);
  ctx.store.putResource(ctx.path, {
    name: existing?.body.name ?? ctx.params.policyName,
    type: T.policy,
    properties: {
      friendlyName: existing ? props(existing).friendlyName : ctx.params.policyName,
      providerSpecificDetails: details,
    },
  });
  const started = startJob(ctx, vault, {
    scenarioName: existing ? "UpdateProtectionProfile" : "AddProtectionProfile",
    friendlyName: existing ? "Update replication policy" : "Create replication policy",
    targetObjectId: ctx.params.policyName,
    targetObjectName: ctx.params.policyName,
    targetInstanceType: "ProtectionProfile",
    tasks: [existing ? "Update replication policy" : "Create replication policy"],
    durationSeconds: JOB_SECONDS,
  });
  return acceptedReply(ctx, vault, started, ctx.path);
}

function deletePolicy(ctx: RequestContext) {
  const vault = vaultOf(ctx);
  const policy = ctx.store.getResource(ctx.path);
  if (!policy) return { status: 204 };
  if (listUnder(ctx.store, vault.id, T.containerMapping).some((m) => sameId(props(m).policyId, policy.id))) {
    throw asrError(
      400,
      "PolicyInUse",
      `The replication policy '${String(policy.body.name)}' is associated with one or more protection containers.`,
      "The policy is still associated with a cloud.",
      "Dissociate the policy from all clouds and retry the operation.",
    );
  }
  ctx.store.deleteTree(policy.id);
  const started = startJob(ctx, vault, {
    scenarioName: "RemoveProtectionProfile",
    friendlyName: "Delete replication policy",
    targetObjectId: String(policy.body.name),
    targetObjectName: String(policy.body.name),
    targetInstanceType: "ProtectionProfile",
    tasks: ["Delete replication policy"],
    durationSeconds: JOB_SECONDS,
  });
  return acceptedReply(ctx, vault, started);
}

export function policySettings(policyBody: Record<string, unknown>): HyperVPolicySettings {
  return (policyBody.properties as { providerSpecificDetails: HyperVPolicySettings }).providerSpecificDetails;
}

export const policyRoutes: RouteDef[] = [
  route({
    method: "PUT",
    path: POLICY,
    operation: "write",
    resourceType: T.policy,
    bodySchema: policySchema,
    handler: putPolicy,
  }),
  route({
    method: "PATCH",
    path: POLICY,
    operation: "write",
    resourceType: T.policy,
    bodySchema: policyUpdateSchema,
    handler: (ctx) => (getAt(ctx, "Policy", ctx.params.policyName), putPolicy(ctx)),
  }),
  route({
    method: "GET",
    path: POLICY,
    operation: "read",
    resourceType: T.policy,
    handler: (ctx) => ok(getAt(ctx, "Policy", ctx.params.policyName).body),
  }),
  route({ method: "DELETE", path: POLICY, operation: "delete", resourceType: T.policy, handler: deletePolicy }),
  route({
    method: "GET",
    path: `${VAULT}/replicationPolicies`,
    operation: "read",
    resourceType: T.policy,
    handler: (ctx) => ok(ctx.page(listUnder(ctx.store, vaultOf(ctx).id, T.policy).map((r) => r.body))),
  }),
];
