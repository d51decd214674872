import type { EffectHandler } from "../../core/lro.js";
import type { StoredResource } from "../../core/state.js";
import type { Clock } from "../../core/clock.js";
import type { Store } from "../../core/store.js";
import { props } from "./common.js";
import { createAzureVm, defaultVmSize, deleteAzureVm, setPower } from "./azure-vm.js";
import { itemInternal, recoveryPoints } from "./protected-model.js";
import { holdIfVaultHeld } from "./replication-hold.js";

/** What a protected item's job does when it succeeds (runs once, also after a restart mid-job). */
type Psd = Record<string, unknown> & {
  vmNics?: { recoveryVMSubnetName?: string }[];
  oSDetails?: { osType?: string; osEdition?: string };
  /** How items enabled before the spelling fix stored it. */
  osDetails?: { osType?: string; osEdition?: string };
};

function azureVm(store: Store, clock: Clock, item: StoredResource, name: string, networkId: string | undefined) {
  const psd = props(item).providerSpecificDetails as Psd;
  const vault = store.getResource(item.id.split("/").slice(0, 9).join("/"));
  const protectable = store.getResource(String(props(item).protectableItemId));
  const custom = (protectable ? props(protectable).customDetails : {}) as { generation?: string };
  return createAzureVm(store, clock, {
    resourceGroupId: String(psd.recoveryAzureResourceGroupId),
    name,
    location: String(vault?.body.location ?? "westus"),
    vmSize: String(psd.recoveryAzureVMSize ?? defaultVmSize(Number(psd.sourceVmCpuCount ?? 2))),
    osType: (psd.oSDetails ?? psd.osDetails)?.osType === "Linux" ? "Linux" : "Windows",
    osName: (psd.oSDetails ?? psd.osDetails)?.osEdition ?? "Windows Server 2022 Datacenter",
    generation: custom.generation ?? "2",
    networkId,
    subnetName: psd.vmNics?.[0]?.recoveryVMSubnetName,
    tags: psd.targetVmTags as Record<string, string> | undefined,
  });
}

export const applyItemAction: EffectHandler = ({ store, clock, op }, args) => {
  const item = store.getResource(String(args.itemId));
  if (!item) return;
  const i = itemInternal(item);
  const psd = props(item).providerSpecificDetails as Psd;
  const done = op.startMs + op.durationMs;
  if (i.pending) i.lastScenario = i.pending;
  delete i.pending;
  switch (args.action) {
    case "testFailover":
      i.testFailover = {
        jobId: op.resourceId,
        startMs: op.startMs,
        ...azureVm(store, clock, item, `${String(psd.recoveryAzureVmName)}-test`, args.networkId as string | undefined),
      };
      i.failoverRecoveryPointId = args.recoveryPointId as string | undefined;
      break;
    case "testFailoverCleanup":
      if (i.testFailover) deleteAzureVm(store, i.testFailover);
      delete i.testFailover;
      delete i.failoverRecoveryPointId;
      break;
    case "failover":
      // A planned failover syncs first, so its last recovery point is the moment of failover.
      i.failoverRecoveryPointId = (args.recoveryPointId as string | undefined) ?? recoveryPoints(item, clock)[0]?.id;
      i.frozenAtMs = done;
      i.azureVm = azureVm(
        store,
        clock,
        item,
        String(psd.recoveryAzureVmName),
        psd.selectedRecoveryAzureNetworkId as string | undefined,
      );
      i.stage = "failedOver";
      i.unplanned = args.unplanned === true;
      break;
    case "changePit":
      i.failoverRecoveryPointId = args.recoveryPointId as string;
      break;
    case "failback":
      if (i.azureVm) setPower(store, clock, i.azureVm.vmId, "deallocated");
      i.stage = "failedBack";
      break;
    case "commit":
      // "Commit deletes the Azure virtual machine and its disks" after a failback; after a failover it "deletes all
      // the available recovery points" (Microsoft Learn, Hyper-V failback and failover tutorials).
      if (i.stage === "failedBack" && i.azureVm) {
        deleteAzureVm(store, i.azureVm);
        delete i.azureVm;
      }
      if (i.stage === "failedOver") i.recoveryPointsDeleted = true;
      i.stage = i.stage === "failedOver" ? "failoverCommitted" : "failbackCommitted";
      break;
    case "reprotect": {
      if (args.storageAccountId) psd.recoveryAzureStorageAccount = args.storageAccountId;
      const resyncMs = clock.scaledMs(60);
      Object.assign(i, {
        stage: "replicating",
        enableStartMs: op.startMs,
        enableEndMs: done,
        irEndMs: done + resyncMs,
      });
      holdIfVaultHeld(store, item.id, i);
      delete i.frozenAtMs;
      delete i.failoverRecoveryPointId;
      delete i.recoveryPointsDeleted;
      break;
    }
    case "disable":
      store.deleteTree(item.id);
      return;
  }
  store.markDirty();
};
