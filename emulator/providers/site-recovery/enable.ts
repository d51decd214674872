import { requireString } from "../../core/errors.js";
import type { RequestContext } from "../../core/plugin.js";
import type { StoredResource } from "../../core/state.js";
import { asrError, AZURE_FABRIC, getAt, listUnder, props, sameId, T, vaultOf } from "./common.js";
import { acceptedReply, startJob } from "./jobs.js";
import { policySettings } from "./policies.js";
import { subnetIdIn } from "./azure-vm.js";
import type { ItemInternal } from "./protected-model.js";
import { holdIfVaultHeld } from "./replication-hold.js";

/** Enable protection (PUT replicationProtectedItems) with HyperVReplicaAzure input (AZURE-FACTS §8). */
const ENABLE_SECONDS = 120;
const bad = (code: string, message: string, cause: string) =>
  asrError(400, code, message, cause, "Correct the replication settings and retry the operation.");

const INPUT = "properties.providerSpecificDetails";

function assertAzureResource(
  ctx: RequestContext,
  target: { id: unknown; path: string },
  what: string,
  typePattern: RegExp,
  location?: string,
): StoredResource {
  const id = requireString(target.id, target.path);
  const r = ctx.store.getResource(id);
  if (!r || !typePattern.test(r.id))
    throw bad(
      `Target${what.replace(/\s/g, "")}NotFound`,
      `The ${what.toLowerCase()} '${id}' was not found or you do not have access to it.`,
      `The ${what.toLowerCase()} does not exist.`,
    );
  if (location && String(r.body.location) !== location) {
    throw bad(
      `Target${what.replace(/\s/g, "")}LocationMismatch`,
      `The ${what.toLowerCase()} '${String(r.body.name)}' is in '${String(r.body.location)}'. It must be in the vault's region ('${location}').`,
      "The target is in another region.",
    );
  }
  return r;
}

/** When the policy schedules initial replication ("HH:MM:SS" UTC), it starts at the next such time of day. */
function replicationStart(after: number, startTime: string | undefined): number {
  if (!startTime) return after;
  const [h, m, s] = startTime.split(":").map(Number);
  const d = new Date(after);
  d.setUTCHours(h, m, s || 0, 0);
  return d.getTime() < after ? d.getTime() + 86_400_000 : d.getTime();
}

export function enableProtection(ctx: RequestContext) {
  const vault = vaultOf(ctx);
  const location = String(vault.body.location);
  const containerId = ctx.path.split("/").slice(0, -2).join("/");
  const container = getAt(ctx, "ProtectionContainer", ctx.params.containerName, containerId);
  if (ctx.store.getResource(ctx.path))
    throw bad(
      "ProtectionAlreadyEnabled",
      `Protection is already enabled for '${ctx.params.itemName}'.`,
      "The item is already protected.",
    );
  const p = (ctx.body.properties ?? {}) as Record<string, unknown>;
  const input = (p.providerSpecificDetails ?? {}) as Record<string, string | undefined>;
  const instanceType = requireString(input.instanceType, `${INPUT}.instanceType`);
  if (instanceType !== "HyperVReplicaAzure")
    throw bad(
      "InvalidReplicationProvider",
      `The replication provider '${instanceType}' is not supported for a VMM cloud replicating to Azure; use 'HyperVReplicaAzure'.`,
      "The provider input does not match the scenario.",
    );
  const policyId = requireString(p.policyId, "properties.policyId");
  const policy = ctx.store.getResource(policyId);
  if (!policy)
    throw bad(
      "PolicyNotFound",
      `The replication policy '${policyId}' was not found in the vault.`,
      "The policy does not exist.",
    );
  const mapping = listUnder(ctx.store, container.id, T.containerMapping).find((m) =>
    sameId(props(m).policyId, policy.id),
  );
  if (!mapping || props(mapping).state !== "Paired") {
    throw bad(
      "PolicyNotAssociatedWithContainer",
      `The replication policy '${String(policy.body.name)}' is not associated with the cloud '${String(props(container).friendlyName)}'.`,
      "The policy association is missing or not complete.",
    );
  }
  const protectableItemId = requireString(p.protectableItemId, "properties.protectableItemId");
  const vm = ctx.store.getResource(protectableItemId);
  if (!vm || !sameId(vm.id.split("/").slice(0, -2).join("/"), container.id)) {
    throw bad(
      "ProtectableItemNotFound",
      `The virtual machine '${protectableItemId}' was not found in the cloud '${String(props(container).friendlyName)}'.`,
      "The virtual machine is not in this cloud or was removed from VMM.",
    );
  }
  if (listUnder(ctx.store, container.id, T.protected).some((i) => sameId(props(i).protectableItemId, vm.id))) {
    throw bad(
      "ProtectionAlreadyEnabled",
      `Protection is already enabled for the virtual machine '${String(props(vm).friendlyName)}'.`,
      "The virtual machine is already protected.",
    );
  }
  const rg = assertAzureResource(
    ctx,
    { id: input.targetAzureV2ResourceGroupId, path: `${INPUT}.targetAzureV2ResourceGroupId` },
    "Resource group",
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i,
  );
  const managed = input.useManagedDisksForReplication === "true";
  if (!managed || input.targetStorageAccountId)
    assertAzureResource(
      ctx,
      { id: input.targetStorageAccountId, path: `${INPUT}.targetStorageAccountId` },
      "Storage account",
      /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i,
      location,
    );
  if (input.logStorageAccountId)
    assertAzureResource(
      ctx,
      { id: input.logStorageAccountId, path: `${INPUT}.logStorageAccountId` },
      "Log storage account",
      /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i,
      location,
    );
  let subnetName: string | undefined;
  if (input.targetAzureNetworkId) {
    assertAzureResource(
      ctx,
      { id: input.targetAzureNetworkId, path: `${INPUT}.targetAzureNetworkId` },
      "Virtual network",
      /\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i,
      location,
    );
    subnetName = input.targetAzureSubnetId?.split("/").pop();
    const subnet = subnetIdIn(ctx.store, input.targetAzureNetworkId, subnetName);
    if (!subnet || (subnetName && subnet.split("/").pop()!.toLowerCase() !== subnetName.toLowerCase())) {
      throw bad(
        "TargetSubnetNotFound",
        subnetName
          ? `The subnet '${subnetName}' was not found in the virtual network '${input.targetAzureNetworkId.split("/").pop()}'.`
          : `The virtual network '${input.targetAzureNetworkId.split("/").pop()}' has no subnet; set ${INPUT}.targetAzureSubnetId.`,
        "The subnet does not exist.",
      );
    }
    subnetName = subnet.split("/").pop();
  }
  const custom = (props(vm).customDetails ?? {}) as Record<string, unknown>;
  const disks = (custom.diskDetails ?? []) as { maxSizeMB: number; vhdType: string; vhdId: string; vhdName: string }[];
  const settings = policySettings(policy.body);
  const now = ctx.clock.now();
  const enableEnd = now + ctx.clock.scaledMs(ENABLE_SECONDS);
  const totalGb = disks.reduce((n, d) => n + d.maxSizeMB / 1024, 0);
  const irStart = replicationStart(enableEnd, settings.onlineReplicationStartTime);
  const vmName = input.targetAzureVmName ?? input.vmName ?? String(props(vm).friendlyName);
  const account = input.targetStorageAccountId?.split("/").pop();
  const started = startJob(ctx, vault, {
    scenarioName: "EnableDr",
    friendlyName: "Enable protection",
    targetObjectId: ctx.params.itemName,
    targetObjectName: String(props(vm).friendlyName),
    targetInstanceType: "ProtectionEntity",
    tasks: [
      "Prerequisites check for enabling protection",
      "Identifying the replication target",
      "Enable replication",
      "Starting initial replication",
      "Updating the provider states",
    ],
    durationSeconds: ENABLE_SECONDS,
  });
  const internal: ItemInternal = {
    stage: "replicating",
    enableStartMs: now,
    enableEndMs: enableEnd,
    irEndMs: irStart + ctx.clock.scaledMs(60 + totalGb / 2),
    intervalMs: Math.max(1, ctx.clock.scaledMs(settings.replicationInterval)),
    intervalSeconds: settings.replicationInterval,
    retentionMs: ctx.clock.scaledMs(settings.recoveryPointHistoryDurationInHours * 3600),
    appConsistentMs: ctx.clock.scaledMs(settings.applicationConsistentSnapshotFrequencyInHours * 3600),
    lastScenario: { scenarioName: "EnableDr", jobId: started.jobId, startMs: now },
  };
  holdIfVaultHeld(ctx.store, ctx.path, internal);
  const fabric = ctx.store.getResource(container.id.split("/").slice(0, -2).join("/"))!;
  ctx.store.putResource(
    ctx.path,
    {
      name: ctx.params.itemName,
      type: T.protected,
      properties: {
        friendlyName: props(vm).friendlyName,
        protectedItemType: "HyperVVirtualMachine",
        protectableItemId: vm.id,
        recoveryServicesProviderId: listUnder(ctx.store, fabric.id, T.provider)[0]?.id,
        primaryFabricFriendlyName: props(fabric).friendlyName,
        primaryFabricProvider: "VMM",
        recoveryFabricFriendlyName: AZURE_FABRIC,
        recoveryFabricId: AZURE_FABRIC,
        primaryProtectionContainerFriendlyName: props(container).friendlyName,
        recoveryProtectionContainerFriendlyName: AZURE_FABRIC,
        policyId: policy.id,
        policyFriendlyName: props(policy).friendlyName,
        failoverHealth: "Normal",
        healthErrors: [],
        providerSpecificDetails: {
          instanceType: "HyperVReplicaAzure",
          vmId: vm.body.name,
          // HyperVReplicaAzureReplicationDetails spells it oSDetails (the protectable item's customDetails: osDetails).
          oSDetails: custom.osDetails,
          encryption: "Disabled",
          sourceVmCpuCount: vm.internal.cpuCount,
          sourceVmRamSizeInMB: vm.internal.memoryMB,
          azureVmDiskDetails: disks.map((d, n) => ({
            vhdType: d.vhdType,
            vhdId: d.vhdId,
            diskId: d.vhdId,
            vhdName: d.vhdName,
            maxSizeMB: String(d.maxSizeMB),
            lunId: n === 0 ? "-1" : String(n - 1),
            ...(account
              ? { targetDiskLocation: `https://${account}.blob.core.windows.net/asrseeddisk-${d.vhdId}` }
              : {}),
          })),
          recoveryAzureVmName: vmName,
          recoveryAzureVMSize: input.targetVmSize,
          recoveryAzureStorageAccount: input.targetStorageAccountId,
          recoveryAzureLogStorageAccountId: input.logStorageAccountId ?? input.targetStorageAccountId,
          recoveryAzureResourceGroupId: rg.id,
          selectedRecoveryAzureNetworkId: input.targetAzureNetworkId,
          enableRdpOnTargetOption: input.enableRdpOnTargetOption ?? "Never",
          useManagedDisks: input.useManagedDisks ?? "false",
          licenseType: input.licenseType ?? "NotSpecified",
          sqlServerLicenseType: input.sqlServerLicenseType ?? "NotSpecified",
          vmNics: input.targetAzureNetworkId
            ? [
                {
                  nicId: `${vm.body.name}-nic0`,
                  vMNetworkName: "",
                  recoveryVMNetworkId: input.targetAzureNetworkId,
                  recoveryVMSubnetName: subnetName,
                  selectionType: "SelectedByUser",
                  enableAcceleratedNetworkingOnRecovery: false,
                },
              ]
            : [],
          targetVmTags: ctx.body.properties?.providerSpecificDetails?.targetVmTags,
        },
      },
    },
    internal as unknown as Record<string, unknown>,
  );
  return acceptedReply(ctx, vault, started);
}
