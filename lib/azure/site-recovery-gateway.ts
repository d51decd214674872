import type { SiteRecoveryManagementClient } from "@azure/arm-recoveryservices-siterecovery";
import { armClientsFor, type ArmClients } from "./clients";
import { armCall } from "./errors";
import { defineLro, startLro, type LroDefinition, type LroProgress } from "./lro";
import type { SdkPoller } from "./lro-poller";
import { orNull } from "./not-found";
import type { VaultRef } from "./recovery-vault-gateway";
import {
  mapAsrJob,
  mapFabric,
  mapOnPremVm,
  mapProtectedItem,
  mapProtectionContainer,
  mapRecoveryProvider,
  mapReplicationPolicy,
  mapVmNetwork,
  type AsrJobInfo,
  type FabricInfo,
  type OnPremVmInfo,
  type ProtectedItemInfo,
  type ProtectionContainerInfo,
  type RecoveryProviderInfo,
  type ReplicationPolicyInfo,
  type VmNetworkInfo,
} from "./site-recovery-mappers";
import type { AzureAccess } from "./types";

/**
 * Site Recovery through the classic siterecovery 5.x client: every call takes (vaultName, resourceGroupName, …), and its
 * pollers restore with `resumeFrom`. Hyper-V (VMM) to Azure only: the recovery side is always "Microsoft Azure".
 */
const AZURE = "Microsoft Azure";
type Asr = SiteRecoveryManagementClient;
export type ItemRef = VaultRef & { fabric: string; container: string; item: string };

async function all<T, R>(it: AsyncIterable<T>, map: (x: T) => R): Promise<R[]> {
  const out: R[] = [];
  for await (const x of it) out.push(map(x));
  return out;
}
const asr = (access: AzureAccess) => armClientsFor(access).siteRecovery;

export function listFabrics(access: AzureAccess, v: VaultRef): Promise<FabricInfo[]> {
  return armCall(() => all(asr(access).replicationFabrics.list(v.vault, v.resourceGroup), mapFabric));
}
export function listRecoveryProviders(access: AzureAccess, v: VaultRef): Promise<RecoveryProviderInfo[]> {
  return armCall(() =>
    all(asr(access).replicationRecoveryServicesProviders.list(v.vault, v.resourceGroup), mapRecoveryProvider),
  );
}
export function listProtectionContainers(
  access: AzureAccess,
  v: VaultRef,
  fabric: string,
): Promise<ProtectionContainerInfo[]> {
  return armCall(() =>
    all(
      asr(access).replicationProtectionContainers.listByReplicationFabrics(v.vault, v.resourceGroup, fabric),
      mapProtectionContainer,
    ),
  );
}
export function listOnPremVms(
  access: AzureAccess,
  v: VaultRef,
  fabric: string,
  container: string,
): Promise<OnPremVmInfo[]> {
  return armCall(() =>
    all(
      asr(access).replicationProtectableItems.listByReplicationProtectionContainers(
        v.vault,
        v.resourceGroup,
        fabric,
        container,
      ),
      mapOnPremVm,
    ),
  );
}
export function listVmNetworks(access: AzureAccess, v: VaultRef, fabric: string): Promise<VmNetworkInfo[]> {
  return armCall(() =>
    all(asr(access).replicationNetworks.listByReplicationFabrics(v.vault, v.resourceGroup, fabric), mapVmNetwork),
  );
}
export function listProtectedItems(
  access: AzureAccess,
  v: VaultRef,
  fabric: string,
  container: string,
): Promise<ProtectedItemInfo[]> {
  return armCall(() =>
    all(
      asr(access).replicationProtectedItems.listByReplicationProtectionContainers(
        v.vault,
        v.resourceGroup,
        fabric,
        container,
      ),
      mapProtectedItem,
    ),
  );
}
export function getProtectedItem(access: AzureAccess, r: ItemRef): Promise<ProtectedItemInfo | null> {
  return orNull(async () =>
    mapProtectedItem(
      await asr(access).replicationProtectedItems.get(r.vault, r.resourceGroup, r.fabric, r.container, r.item),
    ),
  );
}
export function getReplicationPolicy(
  access: AzureAccess,
  v: VaultRef,
  name: string,
): Promise<ReplicationPolicyInfo | null> {
  return orNull(async () =>
    mapReplicationPolicy(await asr(access).replicationPolicies.get(v.vault, v.resourceGroup, name)),
  );
}
export function getAsrJob(access: AzureAccess, v: VaultRef, jobName: string): Promise<AsrJobInfo> {
  return armCall(async () => mapAsrJob(await asr(access).replicationJobs.get(v.vault, v.resourceGroup, jobName)));
}
/** The newest ASR job of a scenario on one object (a protected item's name, or a cloud's id). */
export async function findLatestAsrJob(
  access: AzureAccess,
  v: VaultRef,
  match: { targetObjectId: string; scenario?: string },
): Promise<AsrJobInfo | null> {
  const jobs = await armCall(() => all(asr(access).replicationJobs.list(v.vault, v.resourceGroup), mapAsrJob));
  const mine = jobs.filter(
    (j) =>
      j.targetObjectId?.toLowerCase() === match.targetObjectId.toLowerCase() &&
      (!match.scenario || j.scenario === match.scenario),
  );
  return mine.sort((a, b) => (b.startTime ?? "").localeCompare(a.startTime ?? ""))[0] ?? null;
}

/** A classic-poller LRO whose continuation args are names only; `send` is the SDK call with or without `resumeFrom`. */
function asrLro<A, T, I = void>(
  kind: string,
  send: (c: Asr, args: A, input: I | undefined, resumeFrom?: string) => SdkPoller,
  map: (raw: unknown) => T,
): LroDefinition<A, T, I> {
  return defineLro<A, T, I>({
    kind,
    start: (c: ArmClients, args, input) => send(c.siteRecovery, args, input),
    restore: (c: ArmClients, args, state) => send(c.siteRecovery, args, undefined, state),
    map,
  });
}
const resume = (state?: string) => (state ? { resumeFrom: state } : undefined);

export type PolicySpec = {
  name: string;
  copyFrequencySeconds: 30 | 300 | 900;
  recoveryPointHours: number;
  appConsistentHours: number;
  initialReplicationStart: string | null;
  storageAccountId: string;
};

const createPolicyLro = asrLro<VaultRef & { name: string }, ReplicationPolicyInfo, PolicySpec>(
  "asr.policy.put",
  (c, a, s, r) =>
    c.replicationPolicies.beginCreate(
      a.vault,
      a.resourceGroup,
      a.name,
      (s
        ? {
            properties: {
              providerSpecificInput: {
                instanceType: "HyperVReplicaAzure",
                replicationInterval: s.copyFrequencySeconds,
                recoveryPointHistoryDuration: s.recoveryPointHours,
                applicationConsistentSnapshotFrequencyInHours: s.appConsistentHours,
                onlineReplicationStartTime: s.initialReplicationStart ?? undefined,
                storageAccounts: [s.storageAccountId],
              },
            },
          }
        : {}) as never,
      resume(r),
    ),
  mapReplicationPolicy,
);

/** PUT of the HyperVReplicaAzure policy (same name → update), as an ASR job. */
export function ensureReplicationPolicy(
  access: AzureAccess,
  v: VaultRef,
  spec: PolicySpec,
): Promise<LroProgress<ReplicationPolicyInfo>> {
  return startLro(access, createPolicyLro, { ...v, name: spec.name }, spec);
}

type ContainerRef = VaultRef & { fabric: string; container: string; mapping: string };
const associateLro = asrLro<ContainerRef, { state: string }, { policyId: string }>(
  "asr.containerMapping.put",
  (c, a, s, r) =>
    c.replicationProtectionContainerMappings.beginCreate(
      a.vault,
      a.resourceGroup,
      a.fabric,
      a.container,
      a.mapping,
      (s
        ? {
            properties: {
              targetProtectionContainerId: AZURE,
              policyId: s.policyId,
              providerSpecificInput: { instanceType: "ReplicationProviderSpecificContainerMappingInput" },
            },
          }
        : {}) as never,
      resume(r),
    ),
  (raw) => ({ state: String((raw as { properties?: { state?: string } })?.properties?.state ?? "Paired") }),
);

/** Associates the policy with a VMM cloud (a protection container mapping to "Microsoft Azure"). */
export function associatePolicy(
  access: AzureAccess,
  ref: ContainerRef,
  policyId: string,
): Promise<LroProgress<{ state: string }>> {
  return startLro(access, associateLro, ref, { policyId });
}

type NetworkMappingRef = VaultRef & { fabric: string; network: string; mapping: string };
const mapNetworkLro = asrLro<NetworkMappingRef, { state: string }, { vnetId: string }>(
  "asr.networkMapping.put",
  (c, a, s, r) =>
    c.replicationNetworkMappings.beginCreate(
      a.vault,
      a.resourceGroup,
      a.fabric,
      a.network,
      a.mapping,
      (s
        ? {
            properties: {
              recoveryFabricName: AZURE,
              recoveryNetworkId: s.vnetId,
              fabricSpecificDetails: { instanceType: "VmmToAzure" },
            },
          }
        : {}) as never,
      resume(r),
    ),
  (raw) => ({ state: String((raw as { properties?: { state?: string } })?.properties?.state ?? "Paired") }),
);

/** Maps a VMM VM network to an Azure virtual network (VmmToAzure); the vnet may live in another subscription. */
export function mapVmNetworkToAzure(
  access: AzureAccess,
  ref: NetworkMappingRef,
  vnetId: string,
): Promise<LroProgress<{ state: string }>> {
  return startLro(access, mapNetworkLro, ref, { vnetId });
}

export type EnableProtectionSpec = {
  policyId: string;
  protectableItemId: string;
  vmName: string;
  osType: "Windows" | "Linux";
  osDiskId?: string;
  targetVmName: string;
  targetSize?: string;
  storageAccountId: string;
  resourceGroupId: string;
  vnetId: string;
  subnetName: string;
  /** Tags of the VM and NIC Azure creates on failover (the portal's, lib/azure/tags.ts). */
  targetTags?: Record<string, string>;
};
const enableLro = asrLro<ItemRef, ProtectedItemInfo, EnableProtectionSpec>(
  "asr.protectedItem.enable",
  (c, a, s, r) =>
    c.replicationProtectedItems.beginCreate(
      a.vault,
      a.resourceGroup,
      a.fabric,
      a.container,
      a.item,
      (s
        ? {
            properties: {
              policyId: s.policyId,
              protectableItemId: s.protectableItemId,
              providerSpecificDetails: {
                instanceType: "HyperVReplicaAzure",
                vmName: s.vmName,
                osType: s.osType,
                ...(s.osDiskId ? { vhdId: s.osDiskId } : {}),
                targetAzureVmName: s.targetVmName,
                ...(s.targetSize ? { targetVmSize: s.targetSize } : {}),
                targetStorageAccountId: s.storageAccountId,
                targetAzureV2ResourceGroupId: s.resourceGroupId,
                targetAzureNetworkId: s.vnetId,
                targetAzureSubnetId: s.subnetName,
                useManagedDisks: "false",
                ...(s.targetTags ? { targetVmTags: s.targetTags, targetNicTags: s.targetTags } : {}),
              },
            },
          }
        : {}) as never,
      resume(r),
    ),
  mapProtectedItem,
);

export function enableProtection(
  access: AzureAccess,
  ref: ItemRef,
  spec: EnableProtectionSpec,
): Promise<LroProgress<ProtectedItemInfo>> {
  return startLro(access, enableLro, ref, spec);
}

const disableLro = asrLro<ItemRef, null>(
  "asr.protectedItem.disable",
  (c, a, _s, r) =>
    c.replicationProtectedItems.beginDelete(
      a.vault,
      a.resourceGroup,
      a.fabric,
      a.container,
      a.item,
      { properties: { disableProtectionReason: "NotSpecified" } },
      resume(r),
    ),
  () => null,
);

export function disableProtection(access: AzureAccess, ref: ItemRef): Promise<LroProgress<null>> {
  return startLro(access, disableLro, ref);
}

export type FailoverAction =
  | { kind: "testFailover"; networkId: string; recoveryPointId?: string }
  | { kind: "testFailoverCleanup"; comments?: string }
  | { kind: "plannedFailover" }
  | { kind: "unplannedFailover"; recoveryPointId?: string; shutDownSource: boolean }
  | { kind: "commit" }
  | { kind: "failback" }
  | { kind: "reprotect"; storageAccountId?: string };

const hv = (extra: Record<string, unknown> = {}) => ({ instanceType: "HyperVReplicaAzure", ...extra });

const actionLro = defineLro<
  ItemRef & { action: FailoverAction["kind"] },
  ProtectedItemInfo,
  { action: FailoverAction }
>({
  kind: "asr.protectedItem.action",
  start: ({ siteRecovery }, a, x) => actionPoller(siteRecovery, a, a.action, x.action),
  restore: ({ siteRecovery }, a, state) => actionPoller(siteRecovery, a, a.action, undefined, state),
  map: mapProtectedItem,
});

/** Bodies per AZURE-FACTS §8; a restore (resumeFrom) sends nothing, so it needs no input. */
function actionPoller(
  c: Asr,
  a: ItemRef,
  kind: FailoverAction["kind"],
  x: FailoverAction | undefined,
  resumeFrom?: string,
): SdkPoller {
  const p = c.replicationProtectedItems;
  const o = resume(resumeFrom);
  const at = [a.vault, a.resourceGroup, a.fabric, a.container, a.item] as const;
  const input = <T extends FailoverAction["kind"]>(k: T) =>
    x?.kind === k ? (x as Extract<FailoverAction, { kind: T }>) : undefined;
  switch (kind) {
    case "testFailover": {
      const i = input("testFailover");
      return p.beginTestFailover(
        ...at,
        {
          properties: {
            failoverDirection: "PrimaryToRecovery",
            networkType: "VmNetworkAsInput",
            networkId: i?.networkId,
            providerSpecificDetails: hv(i?.recoveryPointId ? { recoveryPointId: i.recoveryPointId } : {}),
          },
        } as never,
        o,
      );
    }
    case "testFailoverCleanup":
      return p.beginTestFailoverCleanup(...at, { properties: { comments: input("testFailoverCleanup")?.comments } }, o);
    case "plannedFailover":
      return p.beginPlannedFailover(
        ...at,
        { properties: { failoverDirection: "PrimaryToRecovery", providerSpecificDetails: hv() } } as never,
        o,
      );
    case "unplannedFailover": {
      const i = input("unplannedFailover");
      return p.beginUnplannedFailover(
        ...at,
        {
          properties: {
            failoverDirection: "PrimaryToRecovery",
            sourceSiteOperations: i?.shutDownSource ? "Required" : "NotRequired",
            providerSpecificDetails: hv(i?.recoveryPointId ? { recoveryPointId: i.recoveryPointId } : {}),
          },
        } as never,
        o,
      );
    }
    case "commit":
      return p.beginFailoverCommit(...at, o);
    case "failback":
      return p.beginPlannedFailover(
        ...at,
        {
          properties: {
            failoverDirection: "RecoveryToPrimary",
            providerSpecificDetails: {
              instanceType: "HyperVReplicaAzureFailback",
              dataSyncOption: "ForDownTime",
              recoveryVmCreationOption: "NoAction",
            },
          },
        } as never,
        o,
      );
    case "reprotect": {
      const i = input("reprotect");
      return p.beginReprotect(
        ...at,
        {
          properties: {
            failoverDirection: "PrimaryToRecovery",
            providerSpecificDetails: hv(i?.storageAccountId ? { storageAccountId: i.storageAccountId } : {}),
          },
        } as never,
        o,
      );
    }
  }
}

/** Starts a failover-family action on a protected item; Azure runs it as an ASR job (find it with findLatestAsrJob). */
export function runProtectedItemAction(
  access: AzureAccess,
  ref: ItemRef,
  action: FailoverAction,
): Promise<LroProgress<ProtectedItemInfo>> {
  return startLro(access, actionLro, { ...ref, action: action.kind }, { action });
}

/** The unplanned failover's recovery point choices: the newest, or the newest already processed by Azure. */
export async function listRecoveryPoints(
  access: AzureAccess,
  ref: ItemRef,
): Promise<{ id: string; time: string; type: string }[]> {
  return armCall(() =>
    all(
      asr(access).recoveryPoints.listByReplicationProtectedItems(
        ref.vault,
        ref.resourceGroup,
        ref.fabric,
        ref.container,
        ref.item,
      ),
      (p) => ({
        id: p.id ?? "",
        time: p.properties?.recoveryPointTime ? new Date(p.properties.recoveryPointTime).toISOString() : "",
        type: p.properties?.recoveryPointType ?? "",
      }),
    ),
  );
}
