import type { SiteRecoveryManagementClient, ReplicationProtectedItem } from "@azure/arm-recoveryservices-siterecovery";
import { acmeRgId, acmeStorageId, acmeVnetId, HAS_NETWORK_RP, locate, POLL, RG, VAULT, waitFor } from "./testing.js";

/** Steps of the provider guide shared by the walk-through and restart tests. */
export async function associateAcmePolicy(client: SiteRecoveryManagementClient) {
  const policy = await client.replicationPolicies.beginCreateAndWait(
    VAULT,
    RG,
    "AcmeCorp-Policy",
    {
      properties: {
        providerSpecificInput: {
          instanceType: "HyperVReplicaAzure",
          replicationInterval: 900,
          recoveryPointHistoryDuration: 1,
          applicationConsistentSnapshotFrequencyInHours: 1,
          storageAccounts: [acmeStorageId],
        },
      },
    } as never,
    POLL,
  );
  const acme = await locate(client, "AcmeCorp Cloud", "VM01");
  await client.replicationProtectionContainerMappings.beginCreateAndWait(
    VAULT,
    RG,
    acme.fabric,
    acme.container,
    "AcmeCorp-Policy-Mapping",
    {
      properties: {
        targetProtectionContainerId: "Microsoft Azure",
        policyId: policy.id,
        providerSpecificInput: { instanceType: "ReplicationProviderSpecificContainerMappingInput" } as never,
      },
    },
    POLL,
  );
  return { policyId: policy.id!, ...acme };
}

export async function enableVm01(
  client: SiteRecoveryManagementClient,
  at: { policyId: string; fabric: string; container: string; item?: { id?: string; name?: string } },
) {
  return client.replicationProtectedItems.beginCreateAndWait(
    VAULT,
    RG,
    at.fabric,
    at.container,
    at.item!.name!,
    {
      properties: {
        policyId: at.policyId,
        protectableItemId: at.item!.id,
        providerSpecificDetails: {
          instanceType: "HyperVReplicaAzure",
          targetStorageAccountId: acmeStorageId,
          targetAzureV2ResourceGroupId: acmeRgId,
          targetAzureVmName: "VM01",
          ...(HAS_NETWORK_RP ? { targetAzureNetworkId: acmeVnetId, targetAzureSubnetId: "default" } : {}),
        },
      },
    } as never,
    POLL,
  );
}

export function waitForState(
  client: SiteRecoveryManagementClient,
  at: { fabric: string; container: string; item?: { name?: string } },
  done: (p: ReplicationProtectedItem) => boolean,
  what: string,
  seen?: Set<string>,
) {
  return waitFor(
    async () => {
      const p = await client.replicationProtectedItems.get(VAULT, RG, at.fabric, at.container, at.item!.name!);
      seen?.add(String(p.properties?.protectionState));
      return p;
    },
    done,
    what,
  );
}
